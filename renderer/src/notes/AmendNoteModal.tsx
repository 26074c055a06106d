// Amending a finalised note: choose what to change, write the new text, and say why.
import { Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { type Note, type RichText } from '../../../contract';
import { call } from '../bridge/hearth';
import { ErrorText } from '../components/ErrorText';
import { useRecordMutation } from '../lib/useRecordMutation';
import { fieldLabels } from './NoteFieldsEditor';
import { RichTextField } from './RichTextField';

type Field = 'narrative' | 'ownVoice' | 'analysis' | 'actions' | 'place';
const choices: { value: Field; label: string }[] = [
  ...(['narrative', 'ownVoice', 'analysis', 'actions'] as const).map((f) => ({ value: f, label: fieldLabels[f] })),
  { value: 'place', label: 'Place' },
];

/** The field's value as it currently reads: the latest amendment that changed it, or the original. */
function currentValue(note: Note, field: Field): Note[Field] {
  for (let i = note.amendments.length - 1; i >= 0; i--) {
    const changed = note.amendments[i]!.changes[field];
    if (changed !== undefined) return changed as Note[Field];
  }
  return note[field];
}

export function AmendNoteModal({ note, opened, onClose }: { note: Note; opened: boolean; onClose: () => void }) {
  const [field, setField] = useState<Field>('narrative');
  const [value, setValue] = useState<Note[Field]>(currentValue(note, 'narrative'));
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const amend = useRecordMutation(() => call('amendNote', { id: note.id, reason, changes: { [field]: value } }), {
    onSuccess: () => {
      setReason('');
      onClose();
    },
  });

  const choose = (f: Field) => {
    setField(f);
    setValue(currentValue(note, f));
  };
  const submit = () => {
    if (!reason.trim()) return setReasonError('Say why you are amending this note. The reason is kept with the amendment.');
    setReasonError(null);
    amend.mutate(undefined);
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Amend this note" size="xl">
      <Stack>
        <Select label="What are you changing?" data={choices} value={field} onChange={(v) => v && choose(v as Field)} allowDeselect={false} />
        {field === 'place' ? (
          <TextInput label="Place" value={value as string} onChange={(e) => setValue(e.currentTarget.value)} />
        ) : (
          <RichTextField key={field} label={`${fieldLabels[field]} should read`} value={value as RichText} onChange={setValue} testId="amend-text" />
        )}
        <Textarea label="Reason for the amendment" description="For example: corrected the time of arrival; added what was said on leaving." autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={reasonError} />
        <ErrorText error={amend.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={submit} loading={amend.isPending}>
            Save amendment
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
