// Owns full-text search across notes, people and cases: an FTS5 query built from the practitioner's
// words (never raw FTS syntax), filters, bm25 ranking with titles weighted above bodies, and
// snippets split into highlighted parts.
//
// Ranking is bounded so that search stays fast however large the vault grows: bm25 ranks the
// first RANK_WINDOW matches in doc_id order, newest first, which (by how doc_ids are given out,
// see migration 0002) means every matching person and case, then notes from the most recent back.
// Only a word found in more than that many notes leaves older ones unranked; narrowing the search
// (by case, date or type) brings them back. Snippets are built only for the top hits.
import { invalid } from './errors';
import { snippetParts, tag, toFtsQuery, MATCH_START, type SearchKind } from './fts';
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
export const RANK_WINDOW = 5000;
const TITLE_WEIGHT = 4.0;
const SNIPPET_TOKENS = 14;

const anyOf = (tokens: string[]): string => `tags : (${tokens.map((t) => `"${t}"`).join(' OR ')})`;

/**
 * Date and entry-type filters describe notes, so when either is set only notes are searched.
 * A case filter keeps that case, its notes and the people it concerns.
 */
export function search(db: Db, q: SearchQuery): SearchHit[] {
  if (q.from && q.to && q.from > q.to) throw invalid('The end date cannot be before the start date.', { to: 'The end date cannot be before the start date.' });
  const words = toFtsQuery(q.text);
  if (words === null) return [];
  const notesOnly = q.from !== undefined || q.to !== undefined || q.entryTypes !== undefined;
  const kinds = [...new Set(q.kinds ?? ALL_KINDS)].filter((k) => !notesOnly || k === 'note');
  if (kinds.length === 0 || q.entryTypes?.length === 0) return [];

  // Practitioners' words match title and body only; filters are tag tokens, intersected by FTS5.
  const expression = [`{title body} : (${words})`];
  if (kinds.length < ALL_KINDS.length) expression.push(anyOf(kinds.map(tag.kind)));
  if (q.caseId !== undefined) expression.push(anyOf([tag.case(q.caseId)]));
  if (q.entryTypes !== undefined) expression.push(anyOf(q.entryTypes.map(tag.entryType)));
  const params: Record<string, string | number> = { match: expression.join(' AND '), limit: q.limit, window: RANK_WINDOW };
  const dated = q.from !== undefined || q.to !== undefined;
  if (dated) {
    params.from = q.from ?? '0000-01-01';
    params.to = q.to ?? '9999-12-31';
  }

  const rows = stmt(
    db,
    `WITH windowed AS MATERIALIZED (
       SELECT s.rowid AS docId, bm25(search_index, ${TITLE_WEIGHT}, 1.0, 0.0) AS score
       FROM search_index s
       ${dated ? 'JOIN search_docs w ON w.doc_id = s.rowid AND w.occurred_date BETWEEN :from AND :to' : ''}
       WHERE search_index MATCH :match
       ORDER BY s.rowid DESC LIMIT :window
     ),
     hits AS MATERIALIZED (SELECT docId, score FROM windowed ORDER BY score, docId DESC LIMIT :limit),
     -- Snippets in one pass over the matches, from the oldest hit up: looking each hit up by rowid
     -- would re-run the whole query (prefix expansion included) once per hit.
     snippets AS MATERIALIZED (
       SELECT hits.docId, hits.score,
         snippet(search_index, 1, char(2), char(3), '…', ${SNIPPET_TOKENS}) AS bodySnippet,
         snippet(search_index, 0, char(2), char(3), '…', ${SNIPPET_TOKENS}) AS titleSnippet
       FROM search_index CROSS JOIN hits ON hits.docId = search_index.rowid
       WHERE search_index MATCH :match AND search_index.rowid >= (SELECT min(docId) FROM hits)
     )
     SELECT d.kind, d.ref_id AS id, d.case_id AS caseId, d.entry_type AS entryType,
       p.full_name AS personName, p.preferred_name AS preferredName, c.title AS caseTitle, n.current_occurred_at AS occurredAt,
       s.bodySnippet, s.titleSnippet
     FROM snippets s
     CROSS JOIN search_docs d ON d.doc_id = s.docId
     LEFT JOIN people p ON d.kind = 'person' AND p.id = d.ref_id
     LEFT JOIN cases c ON c.id = d.case_id
     LEFT JOIN notes n ON d.kind = 'note' AND n.id = d.ref_id
     ORDER BY s.score, s.docId DESC`,
  ).all(params) as (Omit<SearchHit, 'snippet'> & { bodySnippet: string; titleSnippet: string })[];
  return rows.map(({ bodySnippet, titleSnippet, ...hit }) => ({
    ...hit,
    // The body shows the words in context; a match in the title alone (a name) shows the title.
    snippet: snippetParts(bodySnippet.includes(MATCH_START) || !titleSnippet.includes(MATCH_START) ? bodySnippet : titleSnippet),
  }));
}
