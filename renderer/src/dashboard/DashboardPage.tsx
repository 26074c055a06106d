// Dashboard: what needs attention — overdue, due within 7 days, hearings in the next 14 days —
// and the practice's cases by status.
import { Anchor, Badge, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { format } from 'date-fns';
import { Link } from 'react-router';
import { caseStatuses, caseStatusLabels, type DeadlineItem } from '../../../contract';
import { BackupReminder } from '../backup/BackupReminder';
import { call } from '../bridge/hearth';
import { PageHeader } from '../components/PageHeader';
import { QueryState } from '../components/QueryState';
import { formatDate } from '../lib/dates';
import { queryKeys } from '../lib/queryKeys';

const kindLabels: Record<DeadlineItem['kind'], string> = { task: 'Task', filing: 'Filing deadline', hearing: 'Hearing' };

function DeadlineList({ title, items, empty, tone, testId }: { title: string; items: DeadlineItem[]; empty: string; tone: string; testId: string }) {
  return (
    <Card withBorder padding="lg" component="section" aria-label={title} data-testid={testId}>
      <Group justify="space-between" mb="sm" wrap="nowrap" align="flex-start">
        <Title order={3} size="h4">
          {title}
        </Title>
        <Badge color={items.length ? tone : 'gray'} variant="light" aria-label={`${items.length} items`}>
          {items.length}
        </Badge>
      </Group>
      {items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {empty}
        </Text>
      ) : (
        <List spacing="sm" listStyleType="none" p={0}>
          {items.map((item) => (
            <List.Item key={`${item.kind}-${item.taskId ?? item.caseId}-${item.date}-${item.title}`}>
              <Stack gap={0}>
                <Text size="sm" fw={700}>
                  {formatDate(item.date)}
                  {item.time ? `, ${item.time}` : ''} · {kindLabels[item.kind]}
                </Text>
                {item.title !== kindLabels[item.kind] && <Text size="sm">{item.title}</Text>}
                <Anchor component={Link} to={`/cases/${item.caseId}`} size="sm">
                  {item.caseTitle}
                </Anchor>
              </Stack>
            </List.Item>
          ))}
        </List>
      )}
    </Card>
  );
}

export function DashboardPage() {
  const today = format(new Date(), 'yyyy-MM-dd');
  const dashboard = useQuery({ queryKey: [...queryKeys.dashboard, today], queryFn: () => call('getDashboard', { today }) });
  return (
    <>
      <PageHeader title="Dashboard" description={`Today is ${formatDate(today)}.`} />
      <BackupReminder />
      <QueryState query={dashboard} label="Loading your dashboard">
        {(data) => (
          <Stack gap="lg">
            <SimpleGrid cols={{ base: 1, md: 3 }}>
              <DeadlineList testId="overdue" title="Overdue" items={data.overdue} empty="Nothing is overdue." tone="red" />
              <DeadlineList testId="due-soon" title="Due in the next 7 days" items={data.dueSoon} empty="Nothing due this week." tone="yellow" />
              <DeadlineList testId="hearings" title="Hearings in the next 14 days" items={data.hearings} empty="No hearings in the next two weeks." tone="teal" />
            </SimpleGrid>
            <Card withBorder padding="lg" component="section" aria-label="Cases by status">
              <Title order={3} size="h4" mb="sm">
                Cases by status
              </Title>
              <Group gap="md">
                {caseStatuses
                  .filter((s) => s !== 'archived')
                  .map((status) => (
                    <Anchor key={status} component={Link} to={`/cases?status=${status}`} underline="never">
                      <Badge size="lg" variant={data.casesByStatus[status] ? 'light' : 'outline'} color={data.casesByStatus[status] ? 'teal' : 'gray'}>
                        {caseStatusLabels[status]}: {data.casesByStatus[status] ?? 0}
                      </Badge>
                    </Anchor>
                  ))}
              </Group>
            </Card>
          </Stack>
        )}
      </QueryState>
    </>
  );
}
