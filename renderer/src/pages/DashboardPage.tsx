// Dashboard: what needs attention today. Case deadlines and hearings join it with case records.
import { Card, SimpleGrid, Text, Title } from '@mantine/core';
import { formatDate } from '../lib/dates';
import { PageHeader } from './PageHeader';

export function DashboardPage() {
  return (
    <>
      <PageHeader title="Dashboard" description={`Today is ${formatDate(new Date())}.`} />
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        {['Overdue', 'Due in the next 7 days', 'Hearings in the next 14 days'].map((label) => (
          <Card key={label} withBorder padding="lg">
            <Title order={3} size="h5">
              {label}
            </Title>
            <Text c="dimmed" mt="xs">
              Nothing here yet.
            </Text>
          </Card>
        ))}
      </SimpleGrid>
    </>
  );
}
