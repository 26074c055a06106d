// Settings → Backups: export now (with progress and Cancel), check a backup, restore one, and
// the safety copies a restore leaves behind.
import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, errorMessage, HearthError } from '../bridge/hearth';
import { formatDateTime } from '../lib/dates';
import { SettingsCard } from '../settings/SettingsCard';
import { ChooseAndUnlockBackup, type BackupSecretInput } from './ChooseAndUnlockBackup';
import { ProgressPanel } from './ProgressPanel';
import { RestoreBackup } from './RestoreBackup';
import { BackupSummary } from './summary';
import { useBackupProgress } from './useBackupProgress';

export const backupStatusKey = ['backup', 'status'] as const;

function cancelledOr(error: unknown): string | null {
  if (!error) return null;
  return error instanceof HearthError && error.code === 'CANCELLED' ? 'Cancelled. No backup file was left behind.' : errorMessage(error);
}

export function ExportBackupCard() {
  const queryClient = useQueryClient();
  const status = useQuery({ queryKey: backupStatusKey, queryFn: () => call('getBackupStatus', {}) });
  const exporting = useMutation({
    mutationFn: () => call('exportBackup', {}),
    onSettled: () => queryClient.invalidateQueries({ queryKey: backupStatusKey }),
  });
  const progress = useBackupProgress(exporting.isPending);
  return (
    <SettingsCard
      title="Back up"
      description="Save an encrypted copy of your whole vault to a USB drive or another safe place. It opens only with your passphrase or recovery key."
    >
      <Text size="sm" data-testid="last-backup">
        {status.data?.lastExportedAt ? `Last backup saved ${formatDateTime(status.data.lastExportedAt)}.` : 'You have not saved a backup yet.'}
        {status.data?.lastSnapshotAt ? ` Hearth also keeps daily snapshots on this laptop (latest ${formatDateTime(status.data.lastSnapshotAt)}).` : ''}
      </Text>
      {exporting.isPending ? (
        <ProgressPanel progress={progress} label="Saving your backup" />
      ) : (
        <Group>
          <Button leftSection={<IconDownload size={18} aria-hidden />} onClick={() => exporting.mutate()}>
            Back up now…
          </Button>
        </Group>
      )}
      {exporting.data?.saved && exporting.data.summary && (
        <Alert color="teal" variant="light" title="Backup saved" role="status">
          <Text size="sm">
            Saved as <strong>{exporting.data.fileName}</strong>.
          </Text>
          <BackupSummary summary={exporting.data.summary} />
        </Alert>
      )}
      {exporting.error && (
        <Alert color={exporting.error instanceof HearthError && exporting.error.code === 'CANCELLED' ? 'gray' : 'red'} variant="light" role="alert">
          {cancelledOr(exporting.error)}
        </Alert>
      )}
    </SettingsCard>
  );
}

export function CheckBackupCard() {
  const check = useMutation({ mutationFn: (input: BackupSecretInput) => call('checkBackup', input) });
  const progress = useBackupProgress(check.isPending);
  return (
    <SettingsCard title="Check a backup" description="Read every byte of a backup file and confirm it is complete and undamaged. Nothing is restored or changed.">
      <ChooseAndUnlockBackup actionLabel="Check backup" busy={check.isPending} onSubmit={(input) => check.mutate(input)} />
      {check.isPending && <ProgressPanel progress={progress} label="Checking the backup" />}
      {check.data && (
        <Alert color="teal" variant="light" title="This backup is complete and undamaged" role="status">
          <BackupSummary summary={check.data} />
        </Alert>
      )}
      {check.error && (
        <Alert color="red" variant="light" role="alert">
          {cancelledOr(check.error)}
        </Alert>
      )}
    </SettingsCard>
  );
}

export function RestoreBackupCard() {
  return (
    <SettingsCard
      title="Restore from a backup"
      description="Replace the records on this laptop with those in a backup. The backup is checked in full first; your current vault is kept as a safety copy until you remove it."
    >
      <RestoreBackup />
    </SettingsCard>
  );
}

export function SafetyCopiesCard() {
  const queryClient = useQueryClient();
  const status = useQuery({ queryKey: backupStatusKey, queryFn: () => call('getBackupStatus', {}) });
  const remove = useMutation({
    mutationFn: (name: string) => call('removeSafetyCopy', { name }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: backupStatusKey }),
  });
  const copies = status.data?.safetyCopies ?? [];
  if (copies.length === 0) return null;
  return (
    <SettingsCard title="Safety copies" description="Your vault as it was before each restore. Remove one once you are happy with the restored records.">
      <List spacing="xs">
        {copies.map((name) => (
          <List.Item key={name}>
            <Group gap="sm">
              <Text size="sm">From before the restore of {name.slice(0, 10).split('-').reverse().join('/')}</Text>
              <Button size="compact-sm" variant="default" color="red" onClick={() => remove.mutate(name)} loading={remove.isPending && remove.variables === name}>
                Remove
              </Button>
            </Group>
          </List.Item>
        ))}
      </List>
      {remove.error && (
        <Text size="sm" c="red.8" role="alert">
          {errorMessage(remove.error)}
        </Text>
      )}
    </SettingsCard>
  );
}

export function BackupSettings() {
  return (
    <Stack gap="lg">
      <ExportBackupCard />
      <CheckBackupCard />
      <RestoreBackupCard />
      <SafetyCopiesCard />
    </Stack>
  );
}
