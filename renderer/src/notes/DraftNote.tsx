// A draft note: editable, autosaved, and finalised (signed) when the practitioner is ready.
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconSignature, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Note } from '../../../contract';
import { call } from '../bridge/hearth';
import { ErrorText } from '../components/ErrorText';
import { useRecordMutation } from '../lib/useRecordMutation';
import { NoteFieldsEditor } from './NoteFieldsEditor';
import { SaveStatus } from './SaveStatus';
import { useAutosave } from './useAutosave';

export function DraftNote({ note }: { note: Note }) {
  const navigate = useNavigate();
  const autosave = useAutosave(note);
  const [confirming, setConfirming] = useState<'finalise' | 'discard' | null>(null);
  const finalise = useRecordMutation(async () => {
    await autosave.flush();
    if (autosave.state.status === 'error') throw new Error('not saved');
    return call('finaliseNote', { id: note.id });
  }, { onSuccess: () => setConfirming(null) });
  const discard = useRecordMutation(() => call('discardDraft', { id: note.id }), { onSuccess: () => void navigate(`/cases/${note.caseId}?tab=notes`, { replace: true }) });

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <SaveStatus state={autosave.state} onRetry={() => void autosave.flush()} />
        <Group>
          <Button variant="subtle" color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => setConfirming('discard')}>
            Discard draft
          </Button>
          <Button leftSection={<IconSignature size={18} aria-hidden />} onClick={() => setConfirming('finalise')}>
            Finalise and sign
          </Button>
        </Group>
      </Group>
      <NoteFieldsEditor initial={autosave.values.current} onChange={autosave.update} />
      <Modal opened={confirming === 'finalise'} onClose={() => setConfirming(null)} title="Finalise and sign this note?">
        <Stack>
          <Text>
            The note will be signed with your name and the time now. After that it cannot be edited: any change becomes an amendment, with
            your reason, and the original stays visible.
          </Text>
          <ErrorText error={finalise.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(null)}>
              Keep editing
            </Button>
            <Button onClick={() => finalise.mutate(undefined)} loading={finalise.isPending}>
              Finalise and sign
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal opened={confirming === 'discard'} onClose={() => setConfirming(null)} title="Discard this draft?">
        <Stack>
          <Alert color="red" variant="light">
            The draft and everything typed in it will be removed. This cannot be undone.
          </Alert>
          <ErrorText error={discard.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(null)}>
              Keep the draft
            </Button>
            <Button color="red" onClick={() => discard.mutate(undefined)} loading={discard.isPending}>
              Discard draft
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
