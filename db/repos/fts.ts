// Owns writing to the full-text index (search_docs + search_index, see migration 0002) and turning
// what a practitioner types into a safe FTS5 query. Every repository that changes a searchable
// record calls indexDoc/unindexDoc inside its own transaction, so the index never disagrees with
// the records.
import { stmt, type Db } from './sql';

export type SearchKind = 'note' | 'person' | 'case';

export interface SearchDoc {
  kind: SearchKind;
  refId: string;
  /** notes: their case; cases: the case itself; people: null. */
  caseId: string | null;
  /** Cases this record belongs to, for the case filter (a person: every case they are linked to). */
  caseIds: readonly string[];
  /** Notes only: the entry type and local calendar date, as amended. */
  entryType: string | null;
  occurredDate: string | null;
  title: string;
  body: string;
}

/** Marks snippet() puts around matches. Control characters are stripped from indexed text, so they cannot clash. */
export const MATCH_START = '\u0002';
export const MATCH_END = '\u0003';

/** People and cases are numbered from here; notes from 1 (see migration 0002). */
export const PEOPLE_AND_CASES_FROM = 2 ** 40;

// C0 controls other than tab and newlines, and DEL: never meaningful in a note, and the two above are our markers.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

export const cleanForIndex = (text: string): string => text.replace(CONTROL, ' ');

/**
 * Filter tokens for the tags column: letters and digits only, so the tokenizer keeps each whole
 * (an underscore or hyphen would split it), and prefixed so no practitioner's word looks like one.
 */
export const tag = {
  kind: (kind: SearchKind) => `hkind${kind}`,
  case: (caseId: string) => `hcase${caseId.toLowerCase().replace(/[^0-9a-z]/g, '')}`,
  entryType: (entryType: string) => `htype${entryType.toLowerCase().replace(/[^0-9a-z]/g, '')}`,
};

/** Adds or replaces the index entry for one record. */
export function indexDoc(db: Db, doc: SearchDoc): void {
  const docId = stmt(
    db,
    `INSERT INTO search_docs (doc_id, kind, ref_id, case_id, entry_type, occurred_date)
     VALUES (
       CASE WHEN :kind = 'note'
         THEN coalesce((SELECT max(doc_id) FROM search_docs WHERE doc_id < :split), 0) + 1
         ELSE coalesce((SELECT max(doc_id) FROM search_docs WHERE doc_id >= :split), :split - 1) + 1
       END,
       :kind, :refId, :caseId, :entryType, :occurredDate)
     ON CONFLICT (kind, ref_id) DO UPDATE SET case_id = excluded.case_id, entry_type = excluded.entry_type,
       occurred_date = excluded.occurred_date
     RETURNING doc_id`,
  )
    .pluck()
    .get({ kind: doc.kind, refId: doc.refId, caseId: doc.caseId, entryType: doc.entryType, occurredDate: doc.occurredDate, split: PEOPLE_AND_CASES_FROM }) as number;
  const tags = [tag.kind(doc.kind), ...doc.caseIds.map(tag.case), ...(doc.entryType ? [tag.entryType(doc.entryType)] : [])].join(' ');
  stmt(db, 'DELETE FROM search_index WHERE rowid = ?').run(docId);
  stmt(db, 'INSERT INTO search_index (rowid, title, body, tags) VALUES (?, ?, ?, ?)').run(docId, cleanForIndex(doc.title), cleanForIndex(doc.body), tags);
}

export function unindexDoc(db: Db, kind: SearchKind, refId: string): void {
  const docId = stmt(db, 'DELETE FROM search_docs WHERE kind = ? AND ref_id = ? RETURNING doc_id').pluck().get(kind, refId) as number | undefined;
  if (docId !== undefined) stmt(db, 'DELETE FROM search_index WHERE rowid = ?').run(docId);
}

const MAX_QUERY_TOKENS = 16;
// eslint-disable-next-line no-control-regex
const QUERY_CONTROL = /[\u0000-\u001f\u007f]/g;

/**
 * Turns free text into an FTS5 query that cannot be a syntax error: every whitespace-separated
 * token becomes a quoted phrase (quotes doubled), so AND, NEAR(, * and ^ are plain words; the
 * last token also matches as a prefix, for search-as-you-type. Returns null when nothing
 * searchable is left (only punctuation, say).
 */
export function toFtsQuery(input: string): string | null {
  const tokens = input
    .normalize('NFC')
    .replace(QUERY_CONTROL, ' ')
    .split(/\s+/u)
    .filter((t) => /[\p{L}\p{N}]/u.test(t))
    .slice(0, MAX_QUERY_TOKENS);
  if (tokens.length === 0) return null;
  return tokens
    .map((t, i) => {
      const phrase = `"${t.replaceAll('"', '""')}"`;
      return i === tokens.length - 1 && [...t].length >= 2 ? `${phrase}*` : phrase;
    })
    .join(' ');
}

/**
 * Splits a snippet with MATCH_START/MATCH_END marks into parts for highlighting. Line breaks
 * (between fields or paragraphs) become a middle dot, so a snippet reads as one line.
 */
export function snippetParts(raw: string): { text: string; match: boolean }[] {
  const snippet = raw.replace(/[^\S\n]*\n\s*/g, ' · ');
  const parts: { text: string; match: boolean }[] = [];
  let match = false;
  let text = '';
  for (const ch of snippet) {
    if (ch === MATCH_START || ch === MATCH_END) {
      if (text) parts.push({ text, match });
      text = '';
      match = ch === MATCH_START;
    } else text += ch;
  }
  if (text) parts.push({ text, match });
  // Adjacent parts with the same flag (from consecutive matched tokens) read better joined.
  return parts.reduce<{ text: string; match: boolean }[]>((acc, p) => {
    const last = acc.at(-1);
    if (last && last.match === p.match) last.text += p.text;
    else acc.push({ ...p });
    return acc;
  }, []);
}
