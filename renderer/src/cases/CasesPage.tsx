// Cases: the practitioner's instructions, filtered by status and sorted by deadline.
import { Badge, Button, Card, Chip, Group, Select, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { caseStatuses, caseStatusLabels, workTypeLabels, type CaseStatus, type CaseSummary } from '../../../contract';
import { call } from '../bridge/hearth';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import { QueryState } from '../components/QueryState';
import { VirtualList } from '../components/VirtualList';
import { formatDate } from '../lib/dates';
import { queryKeys } from '../lib/queryKeys';

const defaultStatuses: CaseStatus[] = ['enquiry', 'instructed', 'active', 'report_due', 'filed'];
const sorts = [
  { value: 'deadline', label: 'Filing deadline (soonest first)' },
  { value: 'updated', label: 'Recently updated' },
  { value: 'title', label: 'Name (A to Z)' },
] as const;
type Sort = (typeof sorts)[number]['value'];

function CaseRow({ item }: { item: CaseSummary }) {
  const navigate = useNavigate();
  return (
    <UnstyledButton onClick={() => void navigate(`/cases/${item.id}`)} w="100%" py={4} aria-label={`Open case ${item.title}`}>
      <Card withBorder padding="md">
        <Group justify="space-between" wrap="nowrap">
          <Stack gap={2}>
            <Text fw={700}>{item.title}</Text>
            <Text size="sm" c="dimmed">
              {workTypeLabels[item.workType]}
              {item.people.length ? ` · ${item.people.join(', ')}` : ''}
            </Text>
          </Stack>
          <Group gap="sm" wrap="nowrap">
            {item.filingDeadline && <Text size="sm">Filing {formatDate(item.filingDeadline)}</Text>}
            {item.nextHearing && <Text size="sm">Hearing {formatDate(item.nextHearing)}</Text>}
            <Badge variant="light">{caseStatusLabels[item.status]}</Badge>
          </Group>
        </Group>
      </Card>
    </UnstyledButton>
  );
}

export function CasesPage() {
  const [params, setParams] = useSearchParams();
  const statuses = (params.get('status')?.split(',').filter((s): s is CaseStatus => (caseStatuses as readonly string[]).includes(s)) ?? defaultStatuses);
  const sort = (params.get('sort') as Sort | null) ?? 'deadline';
  const cases = useQuery({
    queryKey: [...queryKeys.cases, statuses.join(','), sort],
    queryFn: () => call('listCases', { statuses, sort }),
  });
  const update = (next: { status?: string[]; sort?: string }) => {
    const p = new URLSearchParams(params);
    if (next.status) p.set('status', next.status.join(','));
    if (next.sort) p.set('sort', next.sort);
    setParams(p, { replace: true });
  };

  return (
    <>
      <PageHeader
        title="Cases"
        description="Your instructions, with their people, notes and deadlines."
        actions={
          <Button component={Link} to="/cases/new" leftSection={<IconPlus size={18} aria-hidden />}>
            New case
          </Button>
        }
      />
      <Group justify="space-between" align="flex-end" mb="md">
        <Chip.Group multiple value={statuses} onChange={(value) => update({ status: value })}>
          <Group gap="xs" role="group" aria-label="Show cases with status">
            {caseStatuses.map((s) => (
              <Chip key={s} value={s} size="sm">
                {caseStatusLabels[s]}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        <Select label="Sort by" data={sorts.map((s) => ({ ...s }))} value={sort} onChange={(v) => v && update({ sort: v })} allowDeselect={false} w={260} />
      </Group>
      <QueryState query={cases} label="Loading cases">
        {(data) =>
          data.cases.length === 0 ? (
            <EmptyState action={<Button component={Link} to="/cases/new" variant="light">Add your first case</Button>}>
              No cases match these statuses.
            </EmptyState>
          ) : (
            <VirtualList label="Cases" items={data.cases} estimateSize={84} getKey={(c) => c.id} renderItem={(c) => <CaseRow item={c} />} />
          )
        }
      </QueryState>
    </>
  );
}
