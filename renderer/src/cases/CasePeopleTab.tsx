// The people a case is about, and the parties involved with their roles.
import { ActionIcon, Anchor, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconUnlink } from '@tabler/icons-react';
import { Link } from 'react-router';
import { partyKindLabels, partyRoleLabels, type CaseDetail } from '../../../contract';
import { call } from '../bridge/hearth';
import { ErrorText } from '../components/ErrorText';
import { formatDate } from '../lib/dates';
import { useRecordMutation } from '../lib/useRecordMutation';
import { LinkPartyButton } from '../parties/LinkPartyButton';

export function CasePeopleTab({ detail: c }: { detail: CaseDetail }) {
  const unlink = useRecordMutation((v: { partyId: string; role: CaseDetail['parties'][number]['role'] }) => call('unlinkParty', { caseId: c.id, ...v }));
  return (
    <Stack gap="lg">
      <Card withBorder padding="lg" component="section" aria-label="People this case is about">
        <Title order={3} size="h4" mb="sm">
          People this case is about
        </Title>
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          {c.people.map((p) => (
            <Stack key={p.id} gap={0}>
              <Anchor component={Link} to={`/people/${p.id}`} fw={700}>
                {p.fullName}
              </Anchor>
              <Text size="sm" c="dimmed">
                {[p.preferredName && `Known as ${p.preferredName}`, p.dateOfBirth && `Born ${formatDate(p.dateOfBirth)}`].filter(Boolean).join(' · ') || ' '}
              </Text>
            </Stack>
          ))}
        </SimpleGrid>
      </Card>
      <Card withBorder padding="lg" component="section" aria-label="Parties">
        <Group justify="space-between" mb="sm">
          <Title order={3} size="h4">
            Parties
          </Title>
          <LinkPartyButton caseId={c.id} />
        </Group>
        <ErrorText error={unlink.error} />
        {c.parties.length === 0 ? (
          <Text c="dimmed">No parties linked yet: solicitors, professionals and family members involved in this case.</Text>
        ) : (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Role in this case</Table.Th>
                <Table.Th>Organisation</Table.Th>
                <Table.Th>
                  <span className="visually-hidden">Actions</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.parties.map((p) => (
                <Table.Tr key={`${p.partyId}-${p.role}`}>
                  <Table.Td>
                    {p.name} <Text span size="xs" c="dimmed">({partyKindLabels[p.kind]})</Text>
                  </Table.Td>
                  <Table.Td>
                    {partyRoleLabels[p.role]}
                    {p.roleDetail ? ` – ${p.roleDetail}` : ''}
                  </Table.Td>
                  <Table.Td>{p.organisation || '—'}</Table.Td>
                  <Table.Td>
                    <ActionIcon variant="subtle" color="gray" onClick={() => unlink.mutate({ partyId: p.partyId, role: p.role })} aria-label={`Remove ${p.name} as ${partyRoleLabels[p.role]}`}>
                      <IconUnlink size={16} aria-hidden />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
    </Stack>
  );
}
