// Handlers: full-text search across notes, people and cases, with highlighted snippets.
import { entryTypeLabels, type searchOperations, type SearchResult } from '../../contract';
import { search, type SearchHit } from '../../db/repos/search';
import type { HandlerMap } from '../router/types';
import { db, withRecordErrors } from './records';

function toResult(hit: SearchHit): SearchResult {
  const base = { kind: hit.kind, id: hit.id, snippet: hit.snippet };
  if (hit.kind === 'person') {
    const name = hit.personName ?? '';
    const title = hit.preferredName && hit.preferredName !== name ? `${name} (${hit.preferredName})` : name;
    return { ...base, caseId: null, title, date: null, entryType: null };
  }
  if (hit.kind === 'case') return { ...base, caseId: hit.id, title: hit.caseTitle ?? '', date: null, entryType: null };
  const label = hit.entryType ? entryTypeLabels[hit.entryType] : 'Note';
  return { ...base, caseId: hit.caseId, title: hit.caseTitle ? `${label}: ${hit.caseTitle}` : label, date: hit.occurredAt, entryType: hit.entryType };
}

export const searchHandlers: HandlerMap<typeof searchOperations> = withRecordErrors({
  search: ({ query, ...filters }, { services }) => ({ results: search(db(services), { text: query, ...filters }).map(toResult) }),
});
