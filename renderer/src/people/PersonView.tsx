// One person: their communication profile first, then their details, the people important to them
// and their cases. Deleting is refused by the vault while they have cases; that message is shown.
import { Anchor, Badge, Button, Card, Center, DataList, Group, Loader, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { caseStatusLabels, type CaseStatus, type Person } from '../../../contract';
import { call } from '../bridge/hearth';
import { ErrorText } from '../components/ErrorText';
import { PageHeader } from '../components/PageHeader';
import { QueryState } from '../components/QueryState';
import { queryKeys } from '../lib/queryKeys';
import { useRecordMutation } from '../lib/useRecordMutation';
import { describeBirth } from './age';
import { CommunicationProfileCard } from './CommunicationProfileCard';

function InfoCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder padding="lg" component="section" aria-label={title}>
      <Title order={3} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

const Multiline = ({ text }: { text: string }) => <span style={{ whiteSpace: 'pre-wrap' }}>{text}</span>;

/** Label/value rows, leaving out what has not been recorded. */
function Details({ rows, empty }: { rows: [string, ReactNode][]; empty: string }) {
  const shown = rows.filter(([, value]) => value !== '' && value !== null && value !== undefined);
  if (shown.length === 0) return <Text c="dimmed">{empty}</Text>;
  return (
    <DataList labelWidth={150}>
      {shown.map(([label, value]) => (
        <DataList.Item key={label}>
          <DataList.ItemLabel c="dimmed">{label}</DataList.ItemLabel>
          <DataList.ItemValue>{value}</DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  );
}

const statusLabel = (status: string) => caseStatusLabels[status as CaseStatus] ?? status;

function PersonDetails({ person, onDelete }: { person: Person; onDelete: () => void }) {
  const known = person.preferredName || person.fullName.split(' ')[0] || person.fullName;
  const born = describeBirth(person.dateOfBirth);
  const subtitle = [person.preferredName && `Known as ${person.preferredName}`, person.pronouns, born && `Born ${born}`].filter(Boolean).join(' · ');
  return (
    <>
      <PageHeader
        title={person.fullName}
        description={subtitle || undefined}
        actions={
          <Group gap="sm">
            <Button component={Link} to={`/people/${person.id}/edit`} variant="light" leftSection={<IconPencil size={18} aria-hidden />}>
              Edit
            </Button>
            <Button variant="subtle" color="red" leftSection={<IconTrash size={18} aria-hidden />} onClick={onDelete}>
              Delete
            </Button>
          </Group>
        }
      />
      <Stack gap="lg" maw={1100}>
        <CommunicationProfileCard profile={person.communication} name={known} />
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <InfoCard title="Language and access">
            <Details
              empty="Nothing recorded about language or access needs."
              rows={[
                ['Languages', person.languages],
                ['Interpreter', person.interpreterNeeded ? 'Needs an interpreter' : ''],
                ['Accessibility needs', person.accessibilityNeeds && <Multiline text={person.accessibilityNeeds} />],
              ]}
            />
          </InfoCard>
          <InfoCard title="Important people">
            {person.importantPeople.trim() ? <Text style={{ whiteSpace: 'pre-wrap' }}>{person.importantPeople}</Text> : <Text c="dimmed">No one recorded yet.</Text>}
          </InfoCard>
          <InfoCard title="Contact">
            <Details
              empty="No contact details recorded."
              rows={[
                ['Phone', person.phone],
                ['Email', person.email],
                ['Address', person.address && <Multiline text={person.address} />],
              ]}
            />
          </InfoCard>
          <InfoCard title="Cases">
            {person.cases.length === 0 ? (
              <Text c="dimmed">Not part of any case yet. Add them to a case from the case’s own page.</Text>
            ) : (
              <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {person.cases.map((c) => (
                  <Group key={c.id} component="li" justify="space-between" wrap="nowrap">
                    <Anchor component={Link} to={`/cases/${c.id}`} fw={700}>
                      {c.title}
                    </Anchor>
                    <Badge variant="light" tt="none" radius="sm">
                      {statusLabel(c.status)}
                    </Badge>
                  </Group>
                ))}
              </Stack>
            )}
          </InfoCard>
        </SimpleGrid>
      </Stack>
    </>
  );
}

export function PersonView() {
  const { personId = '' } = useParams();
  const navigate = useNavigate();
  const [confirming, confirm] = useDisclosure(false);
  const person = useQuery({ queryKey: queryKeys.person(personId), queryFn: () => call('getPerson', { id: personId }) });
  // Set once the vault has deleted them, before the views refresh: their record can't be fetched again.
  const [deleted, setDeleted] = useState(false);
  const remove = useRecordMutation(
    async () => {
      const result = await call('deletePerson', { id: personId });
      setDeleted(true);
      return result;
    },
    {
      onSuccess: () => {
        confirm.close();
        notifications.show({ color: 'teal', title: 'Person deleted', message: `${person.data?.fullName ?? 'Their record'} has been removed from your records.`, closeButtonProps: { 'aria-label': 'Dismiss' } });
        void navigate('/people', { replace: true });
      },
    },
  );
  const closeConfirm = () => {
    confirm.close();
    remove.reset();
  };

  return (
    <>
      {deleted ? (
        <Center p="xl">
          <Loader aria-label="Deleting" />
        </Center>
      ) : (
        <QueryState query={person} label="Loading this person">
          {(p) => <PersonDetails person={p} onDelete={confirm.open} />}
        </QueryState>
      )}
      <Modal opened={confirming} onClose={closeConfirm} title={`Delete ${person.data?.fullName ?? 'this person'}?`} centered>
        <Stack gap="md">
          <Text>This removes their details and communication profile from your records. It cannot be undone.</Text>
          <ErrorText error={remove.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={closeConfirm} data-autofocus>
              Keep them
            </Button>
            <Button color="red" onClick={() => remove.mutate(undefined)} loading={remove.isPending} disabled={!!remove.error}>
              Delete
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
