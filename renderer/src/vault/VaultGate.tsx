// Decides what the practitioner sees: first-run set-up, the unlock screen, or the app itself.
import { Center, Container, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { RouterProvider } from 'react-router';
import { createAppRouter } from '../app/routes';
import { call, errorMessage } from '../bridge/hearth';
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
  if (state === 'none' || newRecoveryKey) {
    return (
      <Welcome>
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
