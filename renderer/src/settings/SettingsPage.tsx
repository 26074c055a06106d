// Settings: security of the vault, auto-lock, and integrity checks.
import { Stack } from '@mantine/core';
import { BackupSettings } from '../backup/BackupSettings';
import { PageHeader } from '../components/PageHeader';
import { AutoLockCard } from './AutoLockCard';
import { ChangePassphraseCard } from './ChangePassphraseCard';
import { IntegrityCard } from './IntegrityCard';
import { RecoveryKeyCard } from './RecoveryKeyCard';

export function SettingsPage() {
  return (
    <>
      <PageHeader title="Settings" description="Your vault's security and how Hearth behaves." />
      <Stack gap="lg" maw={720}>
        <BackupSettings />
        <ChangePassphraseCard />
        <RecoveryKeyCard />
        <AutoLockCard />
        <IntegrityCard />
      </Stack>
    </>
  );
}
