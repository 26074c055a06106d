// The frame around every unlocked screen: header with the practitioner and Lock, and navigation.
import { AppShell, Button, Group, Kbd, NavLink, Text, Title, Tooltip } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconAddressBook, IconFolders, IconLayoutDashboard, IconLock, IconSearch, IconSettings, IconUsers } from '@tabler/icons-react';
import { NavLink as RouterLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useLock } from '../vault/useLock';
import { useVaultStatus } from '../vault/useVaultStatus';
import { navItems } from './routes';

const icons = {
  '/dashboard': IconLayoutDashboard,
  '/cases': IconFolders,
  '/people': IconUsers,
  '/parties': IconAddressBook,
  '/search': IconSearch,
  '/settings': IconSettings,
} as const;

export function AppFrame() {
  const location = useLocation();
  const navigate = useNavigate();
  const lock = useLock();
  const status = useVaultStatus();
  const practitioner = status.data?.practitionerName ?? '';

  useHotkeys([
    ['mod+L', () => void lock()],
    ['mod+K', () => void navigate('/search')],
  ]);

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 220, breakpoint: 0 }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="lg" justify="space-between">
          <Group gap="xs">
            <Title order={1} size="h3" c="teal.9">
              Hearth
            </Title>
            <Text size="sm" c="dimmed">
              Practice records
            </Text>
          </Group>
          <Group gap="md">
            {practitioner && (
              <Text size="sm" c="dimmed" data-testid="practitioner-name">
                {practitioner}
              </Text>
            )}
            <Tooltip label={<span>Lock now (<Kbd size="xs">Ctrl</Kbd> + <Kbd size="xs">L</Kbd>)</span>}>
              <Button variant="light" leftSection={<IconLock size={18} aria-hidden />} onClick={() => void lock()}>
                Lock
              </Button>
            </Tooltip>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Main">
        {navItems.map((item) => {
          const Icon = icons[item.to];
          return (
            <NavLink
              key={item.to}
              component={RouterLink}
              to={item.to}
              label={item.label}
              leftSection={<Icon size={20} aria-hidden />}
              active={location.pathname.startsWith(item.to)}
              aria-current={location.pathname.startsWith(item.to) ? 'page' : undefined}
              style={{ borderRadius: 8 }}
            />
          );
        })}
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
