// The notes timeline of a case, newest first, paged from the vault and virtualised on screen.
import { Badge, Button, Card, Group, MultiSelect, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconStarFilled } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { entryTypeLabels, entryTypes, type EntryType, type NoteSummary } from '../../../contract';
import { call } from '../bridge/hearth';
import { EmptyState } from '../components/EmptyState';
import { ErrorText } from '../components/ErrorText';
import { VirtualList } from '../components/VirtualList';
import { formatDateTime } from '../lib/dates';
import { queryKeys } from '../lib/queryKeys';

function NoteRow({ note }: { note: NoteSummary }) {
  const navigate = useNavigate();
  return (
    <UnstyledButton w="100%" py={4} onClick={() => void navigate(`/cases/${note.caseId}/notes/${note.id}`)} aria-label={`Open ${entryTypeLabels[note.entryType]} note of ${formatDateTime(note.occurredAt)}`}>
      <Card withBorder padding="md">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Group gap="xs">
              <Text fw={700}>{formatDateTime(note.occurredAt)}</Text>
              <Text c="dimmed">· {entryTypeLabels[note.entryType]}</Text>
              {note.significant && (
                <Badge color="orange" variant="light" leftSection={<IconStarFilled size={12} aria-hidden />}>
                  Significant
                </Badge>
              )}
            </Group>
            <Text size="sm" lineClamp={2}>
              {note.preview || <Text span c="dimmed">No narrative yet.</Text>}
            </Text>
          </Stack>
          <Stack gap={4} align="flex-end">
            <Badge variant={note.status === 'final' ? 'filled' : 'outline'} color={note.status === 'final' ? 'teal' : 'gray'}>
              {note.status === 'final' ? 'Finalised' : 'Draft'}
            </Badge>
            {note.amendmentCount > 0 && (
              <Text size="xs" c="dimmed">
                {note.amendmentCount} amendment{note.amendmentCount === 1 ? '' : 's'}
              </Text>
            )}
          </Stack>
        </Group>
      </Card>
    </UnstyledButton>
  );
}

export function CaseNotesTab({ caseId }: { caseId: string }) {
  const [types, setTypes] = useState<EntryType[]>([]);
  const notes = useInfiniteQuery({
    queryKey: [...queryKeys.notes(caseId), types.join(',')],
    queryFn: ({ pageParam }) => call('listNotes', { caseId, limit: 100, ...(types.length ? { entryTypes: types } : {}), ...(pageParam ? { before: pageParam } : {}) }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const all = notes.data?.pages.flatMap((p) => p.notes) ?? [];
  return (
    <Stack gap="md">
      <MultiSelect
        label="Show entry types"
        placeholder={types.length ? undefined : 'All entry types'}
        data={entryTypes.map((t) => ({ value: t, label: entryTypeLabels[t] }))}
        value={types}
        onChange={(v) => setTypes(v as EntryType[])}
        clearable
        maw={520}
      />
      <ErrorText error={notes.error} />
      {notes.isSuccess && all.length === 0 ? (
        <EmptyState>No notes yet. Use “New note” to record a visit, call or session.</EmptyState>
      ) : (
        <VirtualList label="Notes" items={all} estimateSize={96} getKey={(n) => n.id} renderItem={(n) => <NoteRow note={n} />} height="calc(100vh - 340px)" />
      )}
      {notes.hasNextPage && (
        <Group justify="center">
          <Button variant="default" onClick={() => void notes.fetchNextPage()} loading={notes.isFetchingNextPage}>
            Show older notes
          </Button>
        </Group>
      )}
    </Stack>
  );
}
