// The editable fields of a note, used for drafts. Narrative (what happened), the person's own
// voice and the practitioner's analysis are separate fields, so fact is kept apart from opinion.
import { NumberInput, Select, SimpleGrid, Stack, TagsInput, TextInput } from '@mantine/core';
import { useState } from 'react';
import { entryTypeLabels, entryTypes, type NoteFields } from '../../../contract';
import { RichTextField } from './RichTextField';
import { fromLocalInput, toLocalInput } from './noteTime';

export const fieldLabels = {
  narrative: 'What happened (observation)',
  ownVoice: 'In their own words',
  analysis: 'My analysis',
  actions: 'Actions',
} as const;

export const fieldDescriptions = {
  narrative: 'Facts only: what you saw and heard, who said what.',
  ownVoice: 'Their words verbatim, or a description of how they expressed themselves without words (music, movement, drawing, gesture).',
  analysis: 'Your professional opinion, kept apart from the facts above.',
  actions: 'What happens next, and who will do it.',
} as const;

export function NoteFieldsEditor({ initial, onChange }: { initial: NoteFields; onChange: (patch: Partial<NoteFields>) => void }) {
  const [occurred, setOccurred] = useState(toLocalInput(initial.occurredAt));
  const [occurredError, setOccurredError] = useState<string | null>(null);
  const [entryType, setEntryType] = useState(initial.entryType);
  const [duration, setDuration] = useState<number | string>(initial.durationMinutes ?? '');
  const [present, setPresent] = useState(initial.present);

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label="Entry type"
          data={entryTypes.map((t) => ({ value: t, label: entryTypeLabels[t] }))}
          value={entryType}
          allowDeselect={false}
          onChange={(v) => {
            if (!v) return;
            setEntryType(v as NoteFields['entryType']);
            onChange({ entryType: v as NoteFields['entryType'] });
          }}
        />
        <TextInput
          type="datetime-local"
          label="When it happened"
          description="Not when you are writing it."
          value={occurred}
          error={occurredError}
          onChange={(e) => {
            setOccurred(e.currentTarget.value);
            const iso = fromLocalInput(e.currentTarget.value);
            setOccurredError(iso ? null : 'Enter the date and time it happened.');
            if (iso) onChange({ occurredAt: iso });
          }}
        />
        <NumberInput
          label="Duration (minutes)"
          min={0}
          max={1440}
          allowDecimal={false}
          value={duration}
          onChange={(v) => {
            setDuration(v);
            onChange({ durationMinutes: v === '' ? null : Number(v) });
          }}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label="Place" defaultValue={initial.place} onChange={(e) => onChange({ place: e.currentTarget.value })} />
        <TagsInput
          label="Who was present"
          description="Press Enter after each name."
          value={present}
          onChange={(v) => {
            setPresent(v);
            onChange({ present: v });
          }}
          clearable
        />
      </SimpleGrid>
      {(['narrative', 'ownVoice', 'analysis', 'actions'] as const).map((field) => (
        <RichTextField
          key={field}
          label={fieldLabels[field]}
          description={fieldDescriptions[field]}
          value={initial[field]}
          onChange={(doc) => onChange({ [field]: doc })}
          testId={`note-${field}`}
          minHeight={field === 'narrative' ? 180 : 110}
        />
      ))}
    </Stack>
  );
}
