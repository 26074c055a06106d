// Decides what the practitioner sees: first-run set-up, the unlock screen, or the app itself.
import { Anchor, Center, Container, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { RouterProvider } from 'react-router';
import { createAppRouter } from '../app/routes';
import { call, errorMessage } from '../bridge/hearth';
import { RestoreBackup } from '../backup/RestoreBackup';
import { FirstRunWizard } from './FirstRunWizard';
import { UnlockScreen } from './UnlockScreen';
import { useLockRequests } from './useLock';
import { useVaultStatus, vaultStatusKey } from './useVaultStatus';

function Welcome({ children }: { children: React.ReactNode }) {
  return (
    <Center mih="100vh" p="lg" bg="gray.0">
      <Container size={560} w="100%">
        <Stack gap="lg">
          <Stack gap={2} align="center">
            <Title order={1} c="teal.9">
              Hearth
            </Title>
            <Text c="dimmed">Private, offline practice records</Text>
          </Stack>
          <Paper withBorder shadow="xs" p="xl" radius="lg" component="main">
            {children}
          </Paper>
        </Stack>
      </Container>
    </Center>
  );
}

export function VaultGate() {
  const status = useVaultStatus();
  const queryClient = useQueryClient();
  const [newRecoveryKey, setNewRecoveryKey] = useState<string | null>(null);
  const [restoring, setRestoring] = useState(false);
  const router = useMemo(() => (status.data?.state === 'unlocked' ? createAppRouter() : null), [status.data?.state]);
  useLockRequests();

  const refresh = () => queryClient.invalidateQueries({ queryKey: vaultStatusKey });

  if (status.isPending) {
    return (
      <Center mih="100vh">
        <Loader aria-label="Opening Hearth" />
      </Center>
    );
  }
  if (status.isError) {
    return (
      <Welcome>
        <Text role="alert">{errorMessage(status.error)}</Text>
      </Welcome>
    );
  }
  const { state } = status.data;
  if (state === 'none' && restoring) {
    return (
      <Welcome>
        <Stack gap="md">
          <Title order={2} size="h3">
            Restore from a backup
          </Title>
          <Text c="dimmed">Moving to a new laptop? Choose the backup file you saved from the old one.</Text>
          <RestoreBackup />
          <Anchor component="button" type="button" size="sm" onClick={() => setRestoring(false)}>
            Set up a new, empty vault instead
          </Anchor>
        </Stack>
      </Welcome>
    );
  }
  if (state === 'none' || newRecoveryKey) {
    return (
      <Welcome>
        {!newRecoveryKey && (
          <Anchor component="button" type="button" size="sm" mb="md" onClick={() => setRestoring(true)}>
            Moving from another laptop? Restore from a backup
          </Anchor>
        )}
        <FirstRunWizard
          recoveryKey={newRecoveryKey}
          onCreated={setNewRecoveryKey}
          onDone={async () => {
            await call('confirmRecoveryKeyStored', {});
            setNewRecoveryKey(null);
            await refresh();
          }}
        />
      </Welcome>
    );
  }
  if (state === 'locked' || !router) {
    return (
      <Welcome>
        <UnlockScreen onUnlocked={refresh} retryAfterMs={status.data.retryAfterMs} />
      </Welcome>
    );
  }
  return <RouterProvider router={router} />;
}
