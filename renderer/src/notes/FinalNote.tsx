// A finalised note: read-only as signed, followed by every amendment (who, when, why, what).
import { Badge, Button, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconPencilPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { entryTypeLabels, type Amendment, type Note, type NoteFields } from '../../../contract';
import { formatDateTime } from '../lib/dates';
import { AmendNoteModal } from './AmendNoteModal';
import { fieldLabels } from './NoteFieldsEditor';
import { RichTextView } from './RichTextView';

const plainLabels: Record<keyof NoteFields, string> = {
  entryType: 'Entry type',
  occurredAt: 'When it happened',
  durationMinutes: 'Duration',
  place: 'Place',
  present: 'Who was present',
  ...fieldLabels,
};

function ValueView({ field, value }: { field: keyof NoteFields; value: NoteFields[keyof NoteFields] | undefined }) {
  if (value === null || value === undefined) return <Text c="dimmed">—</Text>;
  if (field === 'narrative' || field === 'ownVoice' || field === 'analysis' || field === 'actions') return <RichTextView doc={value as NoteFields['narrative']} />;
  if (field === 'entryType') return <Text>{entryTypeLabels[value as NoteFields['entryType']]}</Text>;
  if (field === 'occurredAt') return <Text>{formatDateTime(value as string)}</Text>;
  if (field === 'durationMinutes') return <Text>{String(value)} minutes</Text>;
  if (field === 'present') return <Text>{(value as string[]).join(', ') || '—'}</Text>;
  return <Text>{typeof value === 'string' && value ? value : '—'}</Text>;
}

function AmendmentCard({ amendment, index }: { amendment: Amendment; index: number }) {
  return (
    <Card withBorder padding="md" bg="yellow.0" component="section" aria-label={`Amendment ${index + 1}`}>
      <Stack gap="xs">
        <Group gap="xs">
          <Badge color="yellow" variant="filled" c="dark">
            Amendment {index + 1}
          </Badge>
          <Text size="sm">
            by <strong>{amendment.amendedBy}</strong> on {formatDateTime(amendment.amendedAt)}
          </Text>
        </Group>
        <Text size="sm">
          <strong>Reason:</strong> {amendment.reason}
        </Text>
        {(Object.keys(amendment.changes) as (keyof NoteFields)[]).map((field) => (
          <Stack key={field} gap={2}>
            <Text size="sm" fw={700}>
              {plainLabels[field]} now reads:
            </Text>
            <ValueView field={field} value={amendment.changes[field]} />
          </Stack>
        ))}
      </Stack>
    </Card>
  );
}

export function FinalNote({ note }: { note: Note }) {
  const [amending, setAmending] = useState(false);
  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Text size="sm" data-testid="signature">
          Finalised and signed by <strong>{note.signedBy}</strong> on {note.signedAt ? formatDateTime(note.signedAt) : ''}
        </Text>
        <Button variant="default" leftSection={<IconPencilPlus size={18} aria-hidden />} onClick={() => setAmending(true)}>
          Amend
        </Button>
      </Group>
      <Card withBorder padding="lg" component="section" aria-label="Original note">
        <Title order={3} size="h4" mb="sm">
          Original note, as signed
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 4 }} mb="md">
          {(['entryType', 'occurredAt', 'durationMinutes', 'place'] as const).map((f) => (
            <Stack key={f} gap={0}>
              <Text size="sm" c="dimmed">
                {plainLabels[f]}
              </Text>
              <ValueView field={f} value={note[f]} />
            </Stack>
          ))}
        </SimpleGrid>
        <Stack gap={0} mb="md">
          <Text size="sm" c="dimmed">
            Who was present
          </Text>
          <ValueView field="present" value={note.present} />
        </Stack>
        <Stack gap="md">
          {(['narrative', 'ownVoice', 'analysis', 'actions'] as const).map((f) => (
            <Stack key={f} gap={4} data-testid={`final-${f}`}>
              <Text fw={700}>{fieldLabels[f]}</Text>
              <ValueView field={f} value={note[f]} />
            </Stack>
          ))}
        </Stack>
      </Card>
      {note.amendments.length > 0 && (
        <Stack gap="sm">
          <Title order={3} size="h4">
            Amendments
          </Title>
          <List listStyleType="none" p={0} spacing="sm">
            {note.amendments.map((a, i) => (
              <List.Item key={a.id}>
                <AmendmentCard amendment={a} index={i} />
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
      <AmendNoteModal note={note} opened={amending} onClose={() => setAmending(false)} />
    </Stack>
  );
}
