// The parties directory: solicitors, professionals and family members, searchable and filtered by
// kind. Added and edited in a modal; deleting is refused by the vault while they are in a case.
import { ActionIcon, Badge, Button, Card, Group, Modal, Select, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus, IconSearch, IconTrash } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { partyKindLabels, partyKinds, type Party } from '../../../contract';
import { call } from '../bridge/hearth';
import { EmptyState } from '../components/EmptyState';
import { ErrorText } from '../components/ErrorText';
import { PageHeader } from '../components/PageHeader';
import { QueryState } from '../components/QueryState';
import { VirtualList } from '../components/VirtualList';
import { queryKeys } from '../lib/queryKeys';
import { useRecordMutation } from '../lib/useRecordMutation';
import { PartyFormModal } from './PartyFormModal';

type KindFilter = Party['kind'] | 'all';
const kindFilterOptions = [{ value: 'all', label: 'All kinds' }, ...partyKinds.map((k) => ({ value: k, label: partyKindLabels[k] }))];
const caseLinks = (n: number) => (n === 0 ? 'Not in any case' : n === 1 ? 'In 1 case' : `In ${n} cases`);

function PartyRow({ party, onEdit, onDelete }: { party: Party; onEdit: () => void; onDelete: () => void }) {
  const role = [party.jobTitle, party.organisation].filter(Boolean).join(', ');
  const contact = [party.phone, party.email].filter(Boolean).join(' · ');
  return (
    <Card withBorder padding="md" my={4}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Text fw={700}>{party.name}</Text>
            <Badge variant="light" color="gray" tt="none" radius="sm">
              {partyKindLabels[party.kind]}
            </Badge>
          </Group>
          {role && <Text size="sm">{role}</Text>}
          {contact && (
            <Text size="sm" c="dimmed">
              {contact}
            </Text>
          )}
        </Stack>
        <Group gap="xs" wrap="nowrap">
          <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {caseLinks(party.caseCount)}
          </Text>
          <Tooltip label="Edit">
            <ActionIcon variant="subtle" color="gray" size="lg" onClick={onEdit} aria-label={`Edit ${party.name}`}>
              <IconPencil size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Delete">
            <ActionIcon variant="subtle" color="red" size="lg" onClick={onDelete} aria-label={`Delete ${party.name}`}>
              <IconTrash size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
    </Card>
  );
}

function DeletePartyModal({ party, onClose }: { party: Party | null; onClose: () => void }) {
  const remove = useRecordMutation((id: string) => call('deleteParty', { id }), {
    onSuccess: () => {
      notifications.show({ color: 'teal', title: 'Party deleted', message: `${party?.name ?? 'They'} removed from your directory.`, closeButtonProps: { 'aria-label': 'Dismiss' } });
      close();
    },
  });
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <Modal opened={!!party} onClose={close} title={party ? `Delete ${party.name}?` : ''} centered>
      <Stack gap="md">
        <Text>They will be removed from your directory. This cannot be undone.</Text>
        <ErrorText error={remove.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close} data-autofocus>
            Keep them
          </Button>
          <Button color="red" onClick={() => party && remove.mutate(party.id)} loading={remove.isPending} disabled={!!remove.error}>
            Delete
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function PartiesPage() {
  const [text, setText] = useState('');
  const [query] = useDebouncedValue(text.trim(), 200);
  const [kind, setKind] = useState<KindFilter>('all');
  const [editing, setEditing] = useState<{ party: Party | null } | null>(null);
  const [deleting, setDeleting] = useState<Party | null>(null);
  const parties = useQuery({
    queryKey: [...queryKeys.parties, query],
    queryFn: () => call('listParties', query ? { query } : {}),
    placeholderData: keepPreviousData,
  });
  const filtering = query !== '' || kind !== 'all';

  return (
    <>
      <PageHeader
        title="Parties"
        description="Solicitors, professionals and family members you work with. Link them to a case from the case’s People and parties tab."
        actions={
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setEditing({ party: null })}>
            Add a party
          </Button>
        }
      />
      <Group align="flex-end" mb="md">
        <TextInput label="Find a party" placeholder="Name or organisation" leftSection={<IconSearch size={18} aria-hidden />} value={text} onChange={(e) => setText(e.currentTarget.value)} w={360} />
        <Select label="Kind" data={kindFilterOptions} value={kind} onChange={(v) => setKind((v as KindFilter | null) ?? 'all')} allowDeselect={false} w={220} />
      </Group>
      <QueryState query={parties} label="Loading parties">
        {(data) => {
          const shown = kind === 'all' ? data.parties : data.parties.filter((p) => p.kind === kind);
          if (shown.length > 0) {
            return (
              <VirtualList
                label="Parties"
                items={shown}
                estimateSize={96}
                getKey={(p) => p.id}
                height="calc(100vh - 300px)"
                renderItem={(p) => <PartyRow party={p} onEdit={() => setEditing({ party: p })} onDelete={() => setDeleting(p)} />}
              />
            );
          }
          return filtering ? (
            <EmptyState>No parties match{query ? ` “${query}”` : ''}{kind !== 'all' ? ` among ${partyKindLabels[kind].toLowerCase()}s` : ''}.</EmptyState>
          ) : (
            <EmptyState action={<Button variant="light" onClick={() => setEditing({ party: null })}>Add your first party</Button>}>
              Your directory is empty. Add the solicitors, professionals and family members involved in your cases.
            </EmptyState>
          );
        }}
      </QueryState>
      <PartyFormModal opened={!!editing} party={editing?.party ?? null} onClose={() => setEditing(null)} />
      <DeletePartyModal party={deleting} onClose={() => setDeleting(null)} />
    </>
  );
}
