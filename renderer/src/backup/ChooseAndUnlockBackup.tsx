// Shared first steps of "Check a backup" and "Restore": choose the file, then give the passphrase
// or recovery key it was made with.
import { Anchor, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { call, errorMessage } from '../bridge/hearth';

export interface BackupSecretInput {
  token: string;
  method: 'passphrase' | 'recoveryKey';
  secret: string;
}

export function ChooseAndUnlockBackup({ actionLabel, busy, onSubmit }: { actionLabel: string; busy: boolean; onSubmit: (input: BackupSecretInput) => void }) {
  const [file, setFile] = useState<{ token: string; fileName: string } | null>(null);
  const [method, setMethod] = useState<'passphrase' | 'recoveryKey'>('passphrase');
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<string | null>(null);

  const choose = async () => {
    setError(null);
    try {
      const chosen = await call('chooseBackupFile', {});
      if (chosen.token && chosen.fileName) setFile({ token: chosen.token, fileName: chosen.fileName });
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  if (!file) {
    return (
      <Stack gap="xs">
        <Group>
          <Button variant="default" onClick={() => void choose()}>
            Choose a backup file…
          </Button>
        </Group>
        {error && (
          <Text size="sm" c="red.8" role="alert">
            {error}
          </Text>
        )}
      </Stack>
    );
  }
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!secret) return setError(method === 'passphrase' ? 'Enter the passphrase the backup was made with.' : 'Enter your recovery key.');
        setError(null);
        onSubmit({ token: file.token, method, secret });
      }}
    >
      <Stack gap="sm">
        <Text size="sm">
          Backup file: <strong data-testid="chosen-backup">{file.fileName}</strong>{' '}
          <Anchor component="button" type="button" size="sm" onClick={() => setFile(null)}>
            Choose another
          </Anchor>
        </Text>
        {method === 'passphrase' ? (
          <PasswordInput label="Passphrase when the backup was made" value={secret} onChange={(e) => setSecret(e.currentTarget.value)} error={error} autoComplete="off" />
        ) : (
          <TextInput label="Recovery key" value={secret} onChange={(e) => setSecret(e.currentTarget.value)} error={error} autoComplete="off" spellCheck={false} />
        )}
        <Group justify="space-between">
          <Anchor component="button" type="button" size="sm" onClick={() => setMethod(method === 'passphrase' ? 'recoveryKey' : 'passphrase')}>
            {method === 'passphrase' ? 'Use the recovery key instead' : 'Use the passphrase instead'}
          </Anchor>
          <Button type="submit" loading={busy}>
            {actionLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
