// The dashboard's reminder when no backup has been saved for a while.
import { Alert, Anchor } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { call } from '../bridge/hearth';
import { formatDate } from '../lib/dates';
import { backupStatusKey } from './BackupSettings';

export function BackupReminder() {
  const status = useQuery({ queryKey: backupStatusKey, queryFn: () => call('getBackupStatus', {}) });
  if (!status.data?.reminderDue) return null;
  const { lastExportedAt, reminderDays } = status.data;
  return (
    <Alert color="yellow" variant="light" title="Time to back up" data-testid="backup-reminder" mb="lg">
      {lastExportedAt ? `Your last backup was saved on ${formatDate(lastExportedAt)}, more than ${reminderDays} days ago.` : `You have not saved a backup in the last ${reminderDays} days.`}{' '}
      A lost or broken laptop would take your records with it. <Anchor component={Link} to="/settings">Back up now</Anchor>
    </Alert>
  );
}
