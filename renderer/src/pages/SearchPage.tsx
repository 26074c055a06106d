// Search across notes, people and cases inside the encrypted vault.
import { TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { PageHeader } from './PageHeader';

export function SearchPage() {
  return (
    <>
      <PageHeader title="Search" description="Find notes, people and cases. Press Ctrl + K from anywhere." />
      <TextInput
        label="Search your records"
        placeholder="For example: school, contact visit, Amira"
        leftSection={<IconSearch size={18} aria-hidden />}
        autoFocus
        size="md"
      />
    </>
  );
}
