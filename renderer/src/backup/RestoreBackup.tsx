// Restore: choose the file, give its passphrase or recovery key, watch it being checked, and
// then unlock the restored vault (the page reloads so nothing of the old records stays in memory).
import { Alert, Button, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { call, errorMessage, HearthError } from '../bridge/hearth';
import { ChooseAndUnlockBackup, type BackupSecretInput } from './ChooseAndUnlockBackup';
import { ProgressPanel } from './ProgressPanel';
import { BackupSummary } from './summary';
import { useBackupProgress } from './useBackupProgress';

export function RestoreBackup() {
  const restore = useMutation({ mutationFn: (input: BackupSecretInput) => call('restoreBackup', input) });
  const progress = useBackupProgress(restore.isPending);
  if (restore.data) {
    return (
      <Alert color="teal" variant="light" title="Backup restored" role="status">
        <Stack gap="xs">
          <BackupSummary summary={restore.data.summary} />
          <Text size="sm">Unlock it with the passphrase (or recovery key) the backup was made with.</Text>
          <div>
            <Button onClick={() => window.location.reload()}>Continue to unlock</Button>
          </div>
        </Stack>
      </Alert>
    );
  }
  return (
    <Stack gap="sm">
      <ChooseAndUnlockBackup actionLabel="Restore" busy={restore.isPending} onSubmit={(input) => restore.mutate(input)} />
      {restore.isPending && <ProgressPanel progress={progress} label="Restoring and checking" />}
      {restore.error && (
        <Alert color="red" variant="light" role="alert" title="Nothing was changed">
          {restore.error instanceof HearthError && restore.error.code === 'CANCELLED' ? 'The restore was cancelled.' : errorMessage(restore.error)}
        </Alert>
      )}
    </Stack>
  );
}
