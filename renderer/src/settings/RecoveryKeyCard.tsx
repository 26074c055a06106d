// Rotate the recovery key: the old key stops working and the new one is shown once.
import { Button, Group, Modal, PasswordInput, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { call } from '../bridge/hearth';
import { RecoveryKeyPanel } from '../vault/RecoveryKeyPanel';
import { applyServerError } from '../vault/forms';
import { SettingsCard } from './SettingsCard';

export function RecoveryKeyCard() {
  const form = useForm<{ passphrase: string }>({ defaultValues: { passphrase: '' } });
  const [newKey, setNewKey] = useState<string | null>(null);
  const submit = form.handleSubmit(async ({ passphrase }) => {
    if (!passphrase) return form.setError('passphrase', { message: 'Enter your passphrase.' });
    try {
      const { recoveryKey } = await call('rotateRecoveryKey', { passphrase });
      form.reset();
      setNewKey(recoveryKey);
    } catch (error) {
      applyServerError(error, form.setError, 'passphrase');
    }
  });
  return (
    <SettingsCard
      title="Recovery key"
      description="Make a new recovery key if the old one may have been seen by someone else, or if you have lost it. The old key stops working at once."
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <PasswordInput
            label="Passphrase"
            description="Confirm it's you."
            autoComplete="current-password"
            {...form.register('passphrase')}
            error={form.formState.errors.passphrase?.message}
          />
          <Group justify="flex-end">
            <Button type="submit" variant="default" loading={form.formState.isSubmitting}>
              Make a new recovery key
            </Button>
          </Group>
        </Stack>
      </form>
      <Modal opened={newKey !== null} onClose={() => undefined} withCloseButton={false} size="lg" title="New recovery key" closeOnClickOutside={false} closeOnEscape={false}>
        {newKey && (
          <RecoveryKeyPanel
            recoveryKey={newKey}
            confirmLabel="Done"
            onConfirmed={() => {
              setNewKey(null);
              notifications.show({ color: 'teal', title: 'Recovery key replaced', message: 'Your old recovery key no longer works.' });
            }}
          />
        )}
      </Modal>
    </SettingsCard>
  );
}
