// "Check vault integrity": runs SQLCipher's and SQLite's checks and reports in plain words.
import { Alert, Button, Group, List, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { call, errorMessage } from '../bridge/hearth';
import { formatDateTime } from '../lib/dates';
import { SettingsCard } from './SettingsCard';

export function IntegrityCard() {
  const check = useMutation({ mutationFn: () => call('checkVaultIntegrity', {}) });
  return (
    <SettingsCard title="Vault integrity" description="Check that every page of your encrypted vault reads back correctly. It takes a moment and changes nothing.">
      <Group>
        <Button variant="default" onClick={() => check.mutate()} loading={check.isPending}>
          Check vault integrity
        </Button>
      </Group>
      {check.data &&
        (check.data.ok ? (
          <Alert color="teal" variant="light" title="Your vault is healthy" role="status">
            Checked {formatDateTime(check.data.checkedAt)}. No problems found.
          </Alert>
        ) : (
          <Alert color="red" variant="light" title="Problems found" role="alert">
            <Text size="sm">Restore from your most recent backup, or ask your IT helper to run the command-line check.</Text>
            <List size="sm">
              {check.data.problems.map((p) => (
                <List.Item key={p}>{p}</List.Item>
              ))}
            </List>
          </Alert>
        ))}
      {check.error && (
        <Alert color="red" variant="light" role="alert">
          {errorMessage(check.error)}
        </Alert>
      )}
    </SettingsCard>
  );
}
