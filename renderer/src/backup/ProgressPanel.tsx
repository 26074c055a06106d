// A progress bar with a Cancel button for a running backup job.
import { Button, Group, Progress as Bar, Stack, Text } from '@mantine/core';
import { call } from '../bridge/hearth';
import { percent, phaseLabels, type Progress } from './useBackupProgress';

export function ProgressPanel({ progress, label }: { progress: Progress | null; label: string }) {
  const value = percent(progress);
  return (
    <Stack gap={6} data-testid="backup-progress">
      <Group justify="space-between">
        <Text size="sm">{progress ? phaseLabels[progress.phase] : label}…</Text>
        <Button size="compact-sm" variant="default" onClick={() => void call('cancelBackup', {})}>
          Cancel
        </Button>
      </Group>
      <Bar value={value} animated aria-label={`${label}: ${value}%`} />
    </Stack>
  );
}
