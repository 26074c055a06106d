// The case at a glance: key dates, instruction and court, the letter-of-instruction questions.
import { Card, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { CaseDetail } from '../../../contract';
import { formatDate } from '../lib/dates';

const money = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });

function Fact({ label, value }: { label: string; value: string | null | undefined }) {
  return (
    <Stack gap={0}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text>{value || '—'}</Text>
    </Stack>
  );
}

export function CaseOverviewTab({ detail: c }: { detail: CaseDetail }) {
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder padding="lg" component="section" aria-label="Key dates">
          <Title order={3} size="h4" mb="sm">
            Key dates
          </Title>
          <SimpleGrid cols={2}>
            <Fact label="Instruction received" value={c.instructionReceived && formatDate(c.instructionReceived)} />
            <Fact label="Letter of instruction" value={c.letterOfInstructionDate && formatDate(c.letterOfInstructionDate)} />
            <Fact label="Filing deadline" value={c.filingDeadline && formatDate(c.filingDeadline)} />
            <Fact label="Agreed hours" value={c.agreedHours === null ? null : `${c.agreedHours} hours`} />
            <Fact label="Fee cap" value={c.feeCapPence === null ? null : money.format(c.feeCapPence / 100)} />
          </SimpleGrid>
        </Card>
        <Card withBorder padding="lg" component="section" aria-label="Instruction and court">
          <Title order={3} size="h4" mb="sm">
            Instruction and court
          </Title>
          <SimpleGrid cols={2}>
            <Fact label="Instructing party" value={c.instructingParty} />
            <Fact label="Their reference" value={c.instructingReference} />
            <Fact label="Court" value={c.court} />
            <Fact label="Case number" value={c.caseNumber} />
          </SimpleGrid>
        </Card>
      </SimpleGrid>
      {c.summary && (
        <Card withBorder padding="lg" component="section" aria-label="Summary">
          <Title order={3} size="h4" mb="sm">
            Summary
          </Title>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{c.summary}</Text>
        </Card>
      )}
      <Card withBorder padding="lg" component="section" aria-label="Questions in the letter of instruction">
        <Title order={3} size="h4" mb="sm">
          Questions in the letter of instruction
        </Title>
        {c.questions.length === 0 ? (
          <Text c="dimmed">No questions recorded yet. Add them from Edit case, in the letter's own words.</Text>
        ) : (
          <List type="ordered" spacing="sm" data-testid="loi-questions">
            {c.questions.map((q) => (
              <List.Item key={q.id}>
                <Text style={{ whiteSpace: 'pre-wrap' }}>{q.text}</Text>
              </List.Item>
            ))}
          </List>
        )}
      </Card>
      <Card withBorder padding="lg" component="section" aria-label="Hearings">
        <Title order={3} size="h4" mb="sm">
          Hearings
        </Title>
        {c.hearings.length === 0 ? (
          <Text c="dimmed">No hearings listed.</Text>
        ) : (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Date</Table.Th>
                <Table.Th>Time</Table.Th>
                <Table.Th>Hearing</Table.Th>
                <Table.Th>Venue</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.hearings.map((h, i) => (
                <Table.Tr key={`${h.date}-${i}`}>
                  <Table.Td>{formatDate(h.date)}</Table.Td>
                  <Table.Td>{h.time || '—'}</Table.Td>
                  <Table.Td>{h.description}</Table.Td>
                  <Table.Td>{h.venue || '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
    </Stack>
  );
}
