// Cases: the list of instructions.
import { Card, Text } from '@mantine/core';
import { PageHeader } from './PageHeader';

export function CasesPage() {
  return (
    <>
      <PageHeader title="Cases" description="Your instructions, with their people, notes and deadlines." />
      <Card withBorder padding="xl">
        <Text c="dimmed">You have no cases yet.</Text>
      </Card>
    </>
  );
}
