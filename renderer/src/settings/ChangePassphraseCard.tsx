// Change the passphrase: the vault key is re-wrapped; the records are not re-encrypted.
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { passphraseSchema } from '../../../contract';
import { call } from '../bridge/hearth';
import { PassphraseStrength } from '../vault/PassphraseStrength';
import { applyServerError } from '../vault/forms';
import { MIN_SCORE, estimateStrength } from '../vault/strength';
import { SettingsCard } from './SettingsCard';

const schema = z
  .object({ current: z.string().min(1, 'Enter your current passphrase.'), next: passphraseSchema, confirm: z.string() })
  .refine((v) => v.next === v.confirm, { path: ['confirm'], message: "The two passphrases don't match." })
  .refine((v) => v.next !== v.current, { path: ['next'], message: 'Choose a passphrase different from your current one.' })
  .refine((v) => estimateStrength(v.next).score >= MIN_SCORE, { path: ['next'], message: 'Choose a stronger passphrase: several unrelated words work well.' });
type Values = z.infer<typeof schema>;

export function ChangePassphraseCard() {
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { current: '', next: '', confirm: '' } });
  const errors = form.formState.errors;
  const submit = form.handleSubmit(async ({ current, next }) => {
    try {
      await call('changePassphrase', { current, next });
      form.reset();
      notifications.show({ color: 'teal', title: 'Passphrase changed', message: 'Use your new passphrase next time you unlock.' });
    } catch (error) {
      applyServerError(error, form.setError, 'current');
    }
  });
  return (
    <SettingsCard title="Passphrase" description="Change the passphrase you use to unlock Hearth. Your recovery key stays the same.">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <PasswordInput label="Current passphrase" autoComplete="current-password" {...form.register('current')} error={errors.current?.message} />
          <PasswordInput label="New passphrase" autoComplete="new-password" {...form.register('next')} error={errors.next?.message} />
          <PassphraseStrength value={form.watch('next')} />
          <PasswordInput label="Confirm new passphrase" autoComplete="new-password" {...form.register('confirm')} error={errors.confirm?.message} />
          <Group justify="flex-end">
            <Button type="submit" loading={form.formState.isSubmitting}>
              Change passphrase
            </Button>
          </Group>
        </Stack>
      </form>
    </SettingsCard>
  );
}
