// Search results: each a link to the record, with a kind badge, British date, entry type and a
// snippet whose matches are marked. The snippet arrives as parts, so no HTML is ever injected.
import { Badge, Card, Group, Mark, Stack, Text } from '@mantine/core';
import { Fragment, type KeyboardEvent, type Ref } from 'react';
import { Link } from 'react-router';
import { entryTypeLabels, type SearchResult } from '../../../contract';
import { formatDate } from '../lib/dates';
import { resultKindLabels } from './searchFilters';

export function Snippet({ parts }: { parts: SearchResult['snippet'] }) {
  return (
    <>
      {parts.map((part, i) =>
        part.match ? (
          <Mark key={i} color="yellow" fw={700}>
            {part.text}
          </Mark>
        ) : (
          <Fragment key={i}>{part.text}</Fragment>
        ),
      )}
    </>
  );
}

export function resultPath(r: SearchResult): string {
  if (r.kind === 'person') return `/people/${r.id}`;
  if (r.kind === 'case') return `/cases/${r.id}`;
  return r.caseId ? `/cases/${r.caseId}/notes/${r.id}` : '/cases';
}

const kindColours = { note: 'teal', person: 'grape', case: 'blue' } as const;

function ResultCard({ result }: { result: SearchResult }) {
  const entryType = result.entryType ? entryTypeLabels[result.entryType] : '';
  // The vault's note titles already name the entry type; don't say it twice.
  const meta = [result.date && formatDate(result.date), !result.title.includes(entryType) && entryType].filter(Boolean);
  return (
    <Card component={Link} to={resultPath(result)} withBorder padding="md" className="hearth-search-result">
      <Stack gap={4}>
        <Group gap="sm" wrap="nowrap">
          <Badge variant="light" color={kindColours[result.kind]} tt="none" radius="sm" style={{ flexShrink: 0 }}>
            {resultKindLabels[result.kind]}
          </Badge>
          <Text fw={700} truncate>
            {result.title}
          </Text>
        </Group>
        {meta.length > 0 && (
          <Text size="sm" c="dimmed">
            {meta.join(' · ')}
          </Text>
        )}
        {result.snippet.length > 0 && (
          <Text size="sm" lineClamp={3}>
            <Snippet parts={result.snippet} />
          </Text>
        )}
      </Stack>
    </Card>
  );
}

/** Up and Down move between results, as well as Tab. */
function moveFocus(event: KeyboardEvent<HTMLElement>) {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const links = Array.from(event.currentTarget.querySelectorAll<HTMLAnchorElement>('a'));
  const at = links.indexOf(document.activeElement as HTMLAnchorElement);
  if (at === -1) return;
  event.preventDefault();
  links[Math.min(links.length - 1, Math.max(0, at + (event.key === 'ArrowDown' ? 1 : -1)))]?.focus();
}

export function SearchResults({ results, listRef }: { results: SearchResult[]; listRef?: Ref<HTMLOListElement> }) {
  return (
    <ol ref={listRef} aria-label="Search results" onKeyDown={moveFocus} style={{ listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: 'var(--mantine-spacing-sm)' }}>
      {results.map((r) => (
        <li key={`${r.kind}-${r.id}`}>
          <ResultCard result={r} />
        </li>
      ))}
    </ol>
  );
}
