// First run: the practitioner's name, a passphrase with a strength meter, then the recovery key.
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, PasswordInput, Stack, Stepper, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { passphraseSchema, practitionerNameSchema } from '../../../contract';
import { call } from '../bridge/hearth';
import { PassphraseStrength } from './PassphraseStrength';
import { RecoveryKeyPanel } from './RecoveryKeyPanel';
import { applyServerError } from './forms';
import { MIN_SCORE, estimateStrength } from './strength';

const schema = z
  .object({ practitionerName: practitionerNameSchema, passphrase: passphraseSchema, confirm: z.string() })
  .refine((v) => v.passphrase === v.confirm, { path: ['confirm'], message: "The two passphrases don't match." })
  .refine((v) => estimateStrength(v.passphrase, [v.practitionerName]).score >= MIN_SCORE, {
    path: ['passphrase'],
    message: 'Choose a stronger passphrase: several unrelated words work well.',
  });
type Values = z.infer<typeof schema>;

export interface FirstRunWizardProps {
  /** Set once the vault exists; the wizard then shows it until the practitioner confirms. */
  recoveryKey: string | null;
  onCreated: (recoveryKey: string) => void;
  onDone: () => Promise<void> | void;
}

export function FirstRunWizard({ recoveryKey, onCreated, onDone }: FirstRunWizardProps) {
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { practitionerName: '', passphrase: '', confirm: '' } });
  const [creating, setCreating] = useState(false);
  const passphrase = form.watch('passphrase');
  const name = form.watch('practitionerName');
  const errors = form.formState.errors;

  const submit = form.handleSubmit(async (values) => {
    setCreating(true);
    try {
      const { recoveryKey: key } = await call('createVault', { practitionerName: values.practitionerName, passphrase: values.passphrase });
      onCreated(key);
    } catch (error) {
      applyServerError(error, form.setError, 'passphrase');
    } finally {
      setCreating(false);
    }
  });

  return (
    <Stack gap="lg">
      <Stepper active={recoveryKey ? 1 : 0} size="sm" allowNextStepsSelect={false}>
        <Stepper.Step label="Your vault" description="Name and passphrase" />
        <Stepper.Step label="Recovery key" description="Store it safely" />
      </Stepper>
      {recoveryKey ? (
        <RecoveryKeyPanel recoveryKey={recoveryKey} onConfirmed={() => void onDone()} confirmLabel="Open Hearth" />
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Stack gap="md">
            <Title order={2} size="h3">
              Set up your vault
            </Title>
            <Text c="dimmed">
              Your records are kept on this laptop only, encrypted with a passphrase that only you know. Hearth cannot
              recover a forgotten passphrase without your recovery key.
            </Text>
            <TextInput
              label="Your name"
              description="As it should appear when you sign notes."
              autoComplete="name"
              data-autofocus
              {...form.register('practitionerName')}
              error={errors.practitionerName?.message}
            />
            <PasswordInput
              label="Passphrase"
              description="At least 10 characters. Three or four unrelated words are strong and easy to remember."
              autoComplete="new-password"
              {...form.register('passphrase')}
              error={errors.passphrase?.message}
            />
            <PassphraseStrength value={passphrase} userInputs={name ? [name] : []} />
            <PasswordInput
              label="Confirm passphrase"
              autoComplete="new-password"
              {...form.register('confirm')}
              error={errors.confirm?.message}
            />
            <Group justify="flex-end">
              <Button type="submit" loading={creating}>
                Create my vault
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
