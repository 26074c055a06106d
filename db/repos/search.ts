// Owns full-text search across notes, people and cases: an FTS5 query built from the practitioner's
// words (never raw FTS syntax), filters, bm25 ranking with titles weighted above bodies, and
// snippets split into highlighted parts. Only the top hits are given snippets.
import { invalid } from './errors';
import { snippetParts, toFtsQuery, type SearchKind } from './fts';
import { stmt, type Db } from './sql';
import type { EntryType } from './vocabulary';

export interface SearchQuery {
  text: string;
  caseId?: string | undefined;
  /** Inclusive local calendar dates; notes only. */
  from?: string | undefined;
  to?: string | undefined;
  /** Notes only. */
  entryTypes?: readonly EntryType[] | undefined;
  kinds?: readonly SearchKind[] | undefined;
  limit: number;
}

export interface SearchHit {
  kind: SearchKind;
  id: string;
  caseId: string | null;
  /** people: full and preferred name; cases: the title; notes: their case's title and when it happened. */
  personName: string | null;
  preferredName: string | null;
  caseTitle: string | null;
  occurredAt: string | null;
  entryType: EntryType | null;
  snippet: { text: string; match: boolean }[];
}

const ALL_KINDS: readonly SearchKind[] = ['note', 'person', 'case'];
const TITLE_WEIGHT = 4.0;
const SNIPPET_TOKENS = 14;

/**
 * Date and entry-type filters describe notes, so when either is set only notes are searched.
 * A case filter keeps that case, its notes and the people it concerns.
 */
export function search(db: Db, q: SearchQuery): SearchHit[] {
  if (q.from && q.to && q.from > q.to) throw invalid('The end date cannot be before the start date.', { to: 'The end date cannot be before the start date.' });
  const match = toFtsQuery(q.text);
  if (match === null) return [];
  const notesOnly = q.from !== undefined || q.to !== undefined || q.entryTypes !== undefined;
  const kinds = (q.kinds ?? ALL_KINDS).filter((k) => !notesOnly || k === 'note');
  if (kinds.length === 0 || q.entryTypes?.length === 0) return [];

  const filters: string[] = [];
  const params: Record<string, string | number> = { match, limit: q.limit };
  if (kinds.length < ALL_KINDS.length) {
    filters.push('d.kind IN (SELECT value FROM json_each(:kinds))');
    params.kinds = JSON.stringify(kinds);
  }
  if (q.caseId !== undefined) {
    filters.push(`(d.case_id = :caseId OR (d.kind = 'person' AND EXISTS (
      SELECT 1 FROM case_people cp WHERE cp.case_id = :caseId AND cp.person_id = d.ref_id)))`);
    params.caseId = q.caseId;
  }
  if (q.from !== undefined) {
    filters.push('d.occurred_date >= :from');
    params.from = q.from;
  }
  if (q.to !== undefined) {
    filters.push('d.occurred_date <= :to');
    params.to = q.to;
  }
  if (q.entryTypes !== undefined) {
    filters.push('d.entry_type IN (SELECT value FROM json_each(:types))');
    params.types = JSON.stringify(q.entryTypes);
  }

  // Rank every match cheaply, keep the top `limit`, and only then build snippets (the costly part).
  const rows = stmt(
    db,
    `WITH hits AS MATERIALIZED (
       SELECT search_index.rowid AS docId, bm25(search_index, ${TITLE_WEIGHT}, 1.0) AS score
       FROM search_index JOIN search_docs d ON d.doc_id = search_index.rowid
       WHERE search_index MATCH :match ${filters.map((f) => `AND ${f}`).join(' ')}
       ORDER BY score LIMIT :limit
     )
     SELECT d.kind, d.ref_id AS id, d.case_id AS caseId, d.entry_type AS entryType,
       p.full_name AS personName, p.preferred_name AS preferredName, c.title AS caseTitle, n.current_occurred_at AS occurredAt,
       snippet(search_index, -1, char(2), char(3), '…', ${SNIPPET_TOKENS}) AS snippet
     FROM hits
     JOIN search_index ON search_index.rowid = hits.docId
     JOIN search_docs d ON d.doc_id = hits.docId
     LEFT JOIN people p ON d.kind = 'person' AND p.id = d.ref_id
     LEFT JOIN cases c ON c.id = d.case_id
     LEFT JOIN notes n ON d.kind = 'note' AND n.id = d.ref_id
     WHERE search_index MATCH :match
     ORDER BY hits.score, hits.docId`,
  ).all(params) as (Omit<SearchHit, 'snippet'> & { snippet: string })[];
  return rows.map((r) => ({ ...r, snippet: snippetParts(r.snippet) }));
}
