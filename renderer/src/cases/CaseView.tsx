// One case: its header and four tabs (overview, notes timeline, people and parties, tasks).
import { Badge, Button, Group, Stack, Tabs, Text } from '@mantine/core';
import { IconEdit, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { caseStatusLabels, workTypeLabels } from '../../../contract';
import { call } from '../bridge/hearth';
import { ErrorText } from '../components/ErrorText';
import { PageHeader } from '../components/PageHeader';
import { QueryState } from '../components/QueryState';
import { queryKeys } from '../lib/queryKeys';
import { useNewNote } from '../notes/useNewNote';
import { CaseNotesTab } from './CaseNotesTab';
import { CaseOverviewTab } from './CaseOverviewTab';
import { CasePeopleTab } from './CasePeopleTab';
import { CaseTasksTab } from './CaseTasksTab';

const tabs = ['overview', 'notes', 'people', 'tasks'] as const;
type Tab = (typeof tabs)[number];

export function CaseView() {
  const { caseId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const tab: Tab = (tabs as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'overview';
  const detail = useQuery({ queryKey: queryKeys.case(caseId), queryFn: () => call('getCase', { id: caseId }) });
  const newNote = useNewNote(caseId);

  return (
    <QueryState query={detail} label="Opening case">
      {(c) => (
        <>
          <PageHeader
            title={c.title}
            description={`${workTypeLabels[c.workType]}${c.people.length ? ` · ${c.people.map((p) => p.preferredName || p.fullName).join(', ')}` : ''}`}
            actions={
              <Group>
                <Badge size="lg" variant="light">
                  {caseStatusLabels[c.status]}
                </Badge>
                <Button variant="default" component={Link} to={`/cases/${c.id}/edit`} leftSection={<IconEdit size={18} aria-hidden />}>
                  Edit case
                </Button>
                <Button onClick={() => newNote.mutate()} loading={newNote.isPending} leftSection={<IconPlus size={18} aria-hidden />}>
                  New note
                </Button>
              </Group>
            }
          />
          <ErrorText error={newNote.error} />
          <Tabs value={tab} onChange={(value) => setParams({ tab: value ?? 'overview' }, { replace: true })} keepMounted={false}>
            <Tabs.List mb="md">
              <Tabs.Tab value="overview">Overview</Tabs.Tab>
              <Tabs.Tab value="notes">
                <Group gap={6}>
                  Notes <Text span size="sm" c="dimmed">({c.counts.notes})</Text>
                </Group>
              </Tabs.Tab>
              <Tabs.Tab value="people">People and parties</Tabs.Tab>
              <Tabs.Tab value="tasks">
                <Group gap={6}>
                  Tasks <Text span size="sm" c="dimmed">({c.counts.openTasks} open)</Text>
                </Group>
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="overview">
              <CaseOverviewTab detail={c} />
            </Tabs.Panel>
            <Tabs.Panel value="notes">
              <Stack>
                <CaseNotesTab caseId={c.id} />
              </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="people">
              <CasePeopleTab detail={c} />
            </Tabs.Panel>
            <Tabs.Panel value="tasks">
              <CaseTasksTab caseId={c.id} />
            </Tabs.Panel>
          </Tabs>
        </>
      )}
    </QueryState>
  );
}
