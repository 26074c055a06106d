// Search across notes, people and cases inside the encrypted vault: a debounced query with
// filters by kind, note type, date range and case. Ctrl/Cmd + K opens this screen from anywhere.
import { Button, Card, Chip, Group, Kbd, MultiSelect, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { entryTypeLabels, entryTypes, type EntryType } from '../../../contract';
import { call } from '../bridge/hearth';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import { QueryState } from '../components/QueryState';
import { queryKeys } from '../lib/queryKeys';
import { SearchResults } from './SearchResults';
import { filtersFromParams, hasFilters, noFilters, paramsWithFilters, rangeError, resultKindFilterLabels, resultKinds, searchInput, type ResultKind, type SearchFilters } from './searchFilters';

const entryTypeOptions = entryTypes.map((t) => ({ value: t, label: entryTypeLabels[t] }));
const isMac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.userAgent);

function Hint() {
  return (
    <EmptyState>
      Type a word, a phrase or a name to search your notes, people and cases. Everything is searched here, inside your
      encrypted vault. Press <Kbd size="xs">{isMac ? '⌘' : 'Ctrl'}</Kbd> + <Kbd size="xs">K</Kbd> to come here from anywhere.
    </EmptyState>
  );
}

export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(() => params.get('q') ?? '');
  const [query] = useDebouncedValue(text.trim(), 200);
  const filters = filtersFromParams(params);
  const badRange = rangeError(filters);
  const listRef = useRef<HTMLOListElement>(null);

  // Keep the query in the address too, so Back from a result returns to this search.
  useEffect(() => {
    setParams(
      (prev) => {
        if ((prev.get('q') ?? '') === query) return prev;
        const next = new URLSearchParams(prev);
        if (query) next.set('q', query);
        else next.delete('q');
        return next;
      },
      { replace: true },
    );
  }, [query, setParams]);

  const setFilters = (change: Partial<SearchFilters>) => setParams((prev) => paramsWithFilters(prev, { ...filtersFromParams(prev), ...change }), { replace: true });

  const cases = useQuery({ queryKey: [...queryKeys.cases, 'all', 'title'], queryFn: () => call('listCases', { sort: 'title' }) });
  const caseOptions = (cases.data?.cases ?? []).map((c) => ({ value: c.id, label: c.title }));

  const input = searchInput(query, filters);
  const search = useQuery({
    queryKey: [...queryKeys.search, input],
    queryFn: () => call('search', input),
    enabled: query !== '' && !badRange,
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <PageHeader title="Search" description="Search your records: notes, people and cases." />
      <Stack gap="md" maw={1000}>
        <TextInput
          label="Search your records"
          placeholder="For example: school, contact visit, Amira"
          leftSection={<IconSearch size={18} aria-hidden />}
          size="md"
          autoFocus
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              const first = listRef.current?.querySelector('a');
              if (first) {
                e.preventDefault();
                first.focus();
              }
            }
          }}
        />
        <Card withBorder padding="md" component="section" aria-label="Filters">
          <Stack gap="sm">
            <Group justify="space-between" align="center">
              <Chip.Group multiple value={filters.kinds} onChange={(v) => setFilters({ kinds: v as ResultKind[] })}>
                <Group gap="xs" role="group" aria-label="Show only">
                  <Text size="sm" fw={500} aria-hidden>
                    Show only:
                  </Text>
                  {resultKinds.map((k) => (
                    <Chip key={k} value={k} size="sm">
                      {resultKindFilterLabels[k]}
                    </Chip>
                  ))}
                </Group>
              </Chip.Group>
              {hasFilters(filters) && (
                <Button variant="subtle" size="compact-sm" onClick={() => setFilters(noFilters)}>
                  Clear filters
                </Button>
              )}
            </Group>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
              <MultiSelect
                label="Note type"
                placeholder={filters.entryTypes.length ? undefined : 'Any type'}
                data={entryTypeOptions}
                value={filters.entryTypes}
                onChange={(v) => setFilters({ entryTypes: v as EntryType[] })}
                clearable
              />
              <Select
                label="Case"
                placeholder="All cases"
                data={caseOptions}
                value={filters.caseId || null}
                onChange={(v) => setFilters({ caseId: v ?? '' })}
                searchable
                clearable
                nothingFoundMessage="No case by that name"
              />
              <TextInput type="date" label="From" value={filters.from} onChange={(e) => setFilters({ from: e.currentTarget.value })} />
              <TextInput type="date" label="To" value={filters.to} onChange={(e) => setFilters({ to: e.currentTarget.value })} error={badRange} />
            </SimpleGrid>
            <Text size="sm" c="dimmed">
              A note type or dates narrow the search to notes. A case keeps that case, its notes and its people.
            </Text>
          </Stack>
        </Card>

        {query === '' ? (
          <Hint />
        ) : badRange ? null : (
          <QueryState query={search} label="Searching">
            {(data) => (
              <Stack gap="sm">
                {data.results.length === 0 ? (
                  <div role="status">
                    <EmptyState action={hasFilters(filters) ? <Button variant="light" onClick={() => setFilters(noFilters)}>Clear filters</Button> : undefined}>
                      No matches for “{query}”{hasFilters(filters) ? ' with these filters' : ''}. Try a different word, or fewer words.
                    </EmptyState>
                  </div>
                ) : (
                  <>
                    <Text size="sm" c="dimmed" role="status">
                      {data.results.length === 1 ? '1 result' : data.results.length >= 50 ? 'The first 50 results' : `${data.results.length} results`}
                    </Text>
                    <SearchResults results={data.results} listRef={listRef} />
                  </>
                )}
              </Stack>
            )}
          </QueryState>
        )}
      </Stack>
    </>
  );
}
