// Shows a recovery key once, with a printable sheet and an "I have stored it safely" check.
import { Alert, Button, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { formatDate } from '../lib/dates';

export function RecoveryKeyPanel({ recoveryKey, onConfirmed, confirmLabel = 'Continue' }: { recoveryKey: string; onConfirmed: () => void; confirmLabel?: string }) {
  const [stored, setStored] = useState(false);
  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        Your recovery key
      </Title>
      <Text>
        If you ever forget your passphrase, this key is the only other way into your records. It is shown once. Write it
        down or print it, and keep it somewhere safe and separate from this laptop.
      </Text>
      <Paper withBorder p="lg" radius="md" bg="gray.0">
        <Text className="hearth-recovery-key" data-testid="recovery-key" ta="center" component="p">
          {recoveryKey.split('-').map((group, i, all) => (
            // Each group stays whole on one line; the text as a whole is still the key exactly.
            <span key={i} style={{ whiteSpace: 'nowrap' }}>
              {group}
              {i < all.length - 1 ? '-' : ''}
            </span>
          ))}
        </Text>
      </Paper>
      <Alert color="yellow" variant="light" title="Keep it private">
        Anyone with this key and your laptop can read your records.
      </Alert>
      <Group className="hearth-no-print">
        <Button variant="default" leftSection={<IconPrinter size={18} aria-hidden />} onClick={() => window.print()}>
          Print recovery sheet
        </Button>
      </Group>
      <Text size="sm" c="dimmed" className="hearth-print-only">
        Hearth recovery sheet, printed {formatDate(new Date())}.
      </Text>
      <Checkbox
        className="hearth-no-print"
        label="I have stored my recovery key safely"
        checked={stored}
        onChange={(event) => setStored(event.currentTarget.checked)}
      />
      <Group justify="flex-end" className="hearth-no-print">
        <Button disabled={!stored} onClick={onConfirmed}>
          {confirmLabel}
        </Button>
      </Group>
    </Stack>
  );
}
