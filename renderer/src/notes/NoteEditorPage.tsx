// One note: a draft to write (autosaved) or a finalised note to read and amend.
import { Anchor, Badge, Group, Switch } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { entryTypeLabels } from '../../../contract';
import { call } from '../bridge/hearth';
import { ErrorText } from '../components/ErrorText';
import { PageHeader } from '../components/PageHeader';
import { QueryState } from '../components/QueryState';
import { formatDateTime } from '../lib/dates';
import { queryKeys } from '../lib/queryKeys';
import { useRecordMutation } from '../lib/useRecordMutation';
import { DraftNote } from './DraftNote';
import { FinalNote } from './FinalNote';

export function NoteEditorPage() {
  const { caseId = '', noteId = '' } = useParams();
  const queryClient = useQueryClient();
  const note = useQuery({ queryKey: queryKeys.note(noteId), queryFn: () => call('getNote', { id: noteId }), staleTime: Infinity });
  const caseQuery = useQuery({ queryKey: queryKeys.case(caseId), queryFn: () => call('getCase', { id: caseId }) });
  const flag = useRecordMutation((significant: boolean) => call('setNoteSignificant', { id: noteId, significant }), {
    onSuccess: (saved) => queryClient.setQueryData(queryKeys.note(noteId), saved),
  });

  return (
    <QueryState query={note} label="Opening note">
      {(n) => (
        <>
          <Anchor component={Link} to={`/cases/${caseId}?tab=notes`} size="sm">
            ← {caseQuery.data?.title ?? 'Back to the case'}
          </Anchor>
          <PageHeader
            title={`${entryTypeLabels[n.entryType]}, ${formatDateTime(n.occurredAt)}`}
            description={n.status === 'final' ? 'Finalised note' : 'Draft note: saved as you type'}
            actions={
              <Group>
                <Switch
                  label="Significant event (for the chronology)"
                  checked={n.significant}
                  onChange={(e) => flag.mutate(e.currentTarget.checked)}
                  disabled={flag.isPending}
                />
                <Badge size="lg" variant={n.status === 'final' ? 'filled' : 'outline'} color={n.status === 'final' ? 'teal' : 'gray'}>
                  {n.status === 'final' ? 'Finalised' : 'Draft'}
                </Badge>
              </Group>
            }
          />
          <ErrorText error={flag.error} />
          {n.status === 'final' ? <FinalNote note={n} /> : <DraftNote key={n.id} note={n} />}
        </>
      )}
    </QueryState>
  );
}
