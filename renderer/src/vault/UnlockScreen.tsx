// Unlock with the passphrase or, if it is forgotten, the recovery key.
import { Alert, Anchor, Button, Group, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { call } from '../bridge/hearth';
import { applyServerError } from './forms';

interface Values {
  secret: string;
}

export function UnlockScreen({ onUnlocked, retryAfterMs }: { onUnlocked: () => Promise<void> | void; retryAfterMs: number }) {
  const [method, setMethod] = useState<'passphrase' | 'recoveryKey'>('passphrase');
  const form = useForm<Values>({ defaultValues: { secret: '' } });
  const error = form.formState.errors.secret?.message;

  const submit = form.handleSubmit(async ({ secret }) => {
    if (!secret.trim()) {
      form.setError('secret', { message: method === 'passphrase' ? 'Enter your passphrase.' : 'Enter your recovery key.' });
      return;
    }
    try {
      await call('unlockVault', { method, secret });
      form.reset({ secret: '' });
      await onUnlocked();
    } catch (err) {
      form.setValue('secret', '');
      applyServerError(err, form.setError, 'secret');
    }
  });

  const switchMethod = () => {
    setMethod(method === 'passphrase' ? 'recoveryKey' : 'passphrase');
    form.reset({ secret: '' });
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="md">
        <Title order={2} size="h3">
          Unlock your records
        </Title>
        {method === 'passphrase' ? (
          <PasswordInput
            label="Passphrase"
            autoComplete="current-password"
            data-autofocus
            autoFocus
            {...form.register('secret')}
            error={error}
          />
        ) : (
          <TextInput
            label="Recovery key"
            description="Type it as it appears on your recovery sheet. Spaces and capitals don't matter."
            autoComplete="off"
            spellCheck={false}
            autoFocus
            {...form.register('secret')}
            error={error}
          />
        )}
        {retryAfterMs > 0 && (
          <Alert color="yellow" variant="light">
            After several wrong attempts Hearth waits a little longer before each new try.
          </Alert>
        )}
        <Group justify="space-between">
          <Anchor component="button" type="button" onClick={switchMethod} size="sm">
            {method === 'passphrase' ? 'Forgotten your passphrase? Use your recovery key' : 'Use your passphrase instead'}
          </Anchor>
          <Button type="submit" loading={form.formState.isSubmitting}>
            Unlock
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          Hearth locks itself when you are away, and whenever the laptop sleeps or the screen locks.
        </Text>
      </Stack>
    </form>
  );
}
