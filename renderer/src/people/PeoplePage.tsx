// People: everyone at the heart of a case, searchable by name, in a virtualised list.
import { Badge, Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { PersonSummary } from '../../../contract';
import { call } from '../bridge/hearth';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import { QueryState } from '../components/QueryState';
import { VirtualList } from '../components/VirtualList';
import { queryKeys } from '../lib/queryKeys';
import { describeBirth } from './age';

export const caseCountText = (n: number) => (n === 0 ? 'No cases' : n === 1 ? '1 case' : `${n} cases`);

function PersonRow({ person }: { person: PersonSummary }) {
  const born = describeBirth(person.dateOfBirth);
  return (
    <Card component={Link} to={`/people/${person.id}`} withBorder padding="md" my={4}>
      <Group justify="space-between" wrap="nowrap">
        <Stack gap={2}>
          <Text fw={700}>{person.fullName}</Text>
          <Text size="sm" c="dimmed">
            {[person.preferredName && `Known as ${person.preferredName}`, born && `Born ${born}`].filter(Boolean).join(' · ') || 'No date of birth recorded'}
          </Text>
        </Stack>
        <Badge variant="light" color={person.caseCount ? 'teal' : 'gray'} tt="none" size="lg" radius="sm">
          {caseCountText(person.caseCount)}
        </Badge>
      </Group>
    </Card>
  );
}

export function PeoplePage() {
  const [text, setText] = useState('');
  const [query] = useDebouncedValue(text.trim(), 200);
  const people = useQuery({
    queryKey: [...queryKeys.people, query],
    queryFn: () => call('listPeople', query ? { query } : {}),
    placeholderData: keepPreviousData,
  });
  const addButton = (
    <Button component={Link} to="/people/new" leftSection={<IconPlus size={18} aria-hidden />}>
      Add a person
    </Button>
  );

  return (
    <>
      <PageHeader title="People" description="The people at the heart of your cases, with how they communicate best." actions={addButton} />
      <TextInput
        label="Find a person"
        placeholder="Name or preferred name"
        leftSection={<IconSearch size={18} aria-hidden />}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        maw={420}
        mb="md"
      />
      <QueryState query={people} label="Loading people">
        {(data) =>
          data.people.length === 0 ? (
            query ? (
              <EmptyState>No one matches “{query}”.</EmptyState>
            ) : (
              <EmptyState action={<Button component={Link} to="/people/new" variant="light">Add your first person</Button>}>
                No people yet. Add the person a case is about, with how they communicate best.
              </EmptyState>
            )
          ) : (
            <VirtualList label="People" items={data.people} estimateSize={80} getKey={(p) => p.id} renderItem={(p) => <PersonRow person={p} />} height="calc(100vh - 290px)" />
          )
        }
      </QueryState>
    </>
  );
}
