// Tells the practitioner, quietly, whether what they typed is safely in the vault.
import { Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { formatDateTime } from '../lib/dates';
import type { SaveState } from './useAutosave';

export function SaveStatus({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  if (state.status === 'error') {
    return (
      <Group gap="xs" role="alert">
        <IconAlertTriangle size={18} color="var(--mantine-color-red-8)" aria-hidden />
        <Text size="sm" c="red.8">
          Not saved yet: {state.message} Your text is kept here and Hearth will keep trying.
        </Text>
        <Button size="compact-sm" variant="default" onClick={onRetry}>
          Try again now
        </Button>
      </Group>
    );
  }
  return (
    <Group gap={6} aria-live="polite" data-testid="save-status">
      {state.status === 'saved' ? <IconCheck size={16} color="var(--mantine-color-teal-8)" aria-hidden /> : null}
      <Text size="sm" c="dimmed">
        {state.status === 'saved' ? `Draft saved ${formatDateTime(state.savedAt)}` : state.status === 'saving' ? 'Saving…' : 'Unsaved changes'}
      </Text>
    </Group>
  );
}
