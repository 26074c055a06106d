// Owns reading notes as lists: a case's timeline (newest first, keyset-paginated, filtered by entry
// type and date) and the counts shown on the case view. Lists follow the note as amended.
import { invalid, notFound } from './errors';
import { stmt, toBool, type Db } from './sql';
import type { EntryType, NoteStatus } from './vocabulary';

export interface NoteSummaryRecord {
  id: string;
  caseId: string;
  entryType: EntryType;
  occurredAt: string;
  status: NoteStatus;
  significant: boolean;
  amendmentCount: number;
  preview: string;
  signedAt: string | null;
}

export interface NoteListQuery {
  caseId: string;
  entryTypes?: readonly EntryType[] | undefined;
  /** Inclusive local calendar dates, YYYY-MM-DD. */
  from?: string | undefined;
  to?: string | undefined;
  /** Opaque cursor from the previous page. */
  before?: string | undefined;
  limit: number;
}

const SUMMARY_COLUMNS = `id, case_id AS caseId, current_entry_type AS entryType, current_occurred_at AS occurredAt, status,
  significant, amendment_count AS amendmentCount, preview, signed_at AS signedAt, current_occurred_utc AS sortKey`;

const BAD_CURSOR = 'That page of notes could not be found. Go back to the start of the list.';

export function listNotes(db: Db, q: NoteListQuery): { notes: NoteSummaryRecord[]; nextCursor: string | null } {
  if (stmt(db, 'SELECT 1 FROM cases WHERE id = ?').pluck().get(q.caseId) === undefined) {
    throw notFound('That case could not be found. It may have been removed.');
  }
  if (q.from && q.to && q.from > q.to) throw invalid('The end date cannot be before the start date.', { to: 'The end date cannot be before the start date.' });
  const cursor = q.before === undefined ? null : decodeCursor(q.before);
  // Two statements rather than an OR, so that a later page starts with an index seek, not a scan.
  const rows = stmt(
    db,
    `SELECT ${SUMMARY_COLUMNS} FROM notes
     WHERE case_id = :caseId
       ${cursor ? 'AND (current_occurred_utc, id) < (:sortKey, :id)' : ''}
       AND (:types IS NULL OR current_entry_type IN (SELECT value FROM json_each(:types)))
       AND (:from IS NULL OR current_occurred_date >= :from)
       AND (:to IS NULL OR current_occurred_date <= :to)
     ORDER BY current_occurred_utc DESC, id DESC
     LIMIT :limit`,
  ).all({
    caseId: q.caseId,
    ...(cursor ? { sortKey: cursor.sortKey, id: cursor.id } : {}),
    types: q.entryTypes ? JSON.stringify(q.entryTypes) : null,
    from: q.from ?? null,
    to: q.to ?? null,
    limit: q.limit + 1,
  }) as (Omit<NoteSummaryRecord, 'significant'> & { significant: number; sortKey: string })[];
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    notes: page.map(toSummary),
    nextCursor: rows.length > q.limit && last ? encodeCursor(last.sortKey, last.id) : null,
  };
}

/** The latest notes of a case, newest first: the case view's timeline. */
export function latestNotes(db: Db, caseId: string, limit: number): NoteSummaryRecord[] {
  const rows = stmt(db, `SELECT ${SUMMARY_COLUMNS} FROM notes WHERE case_id = ? ORDER BY current_occurred_utc DESC, id DESC LIMIT ?`).all(
    caseId,
    limit,
  ) as (Omit<NoteSummaryRecord, 'significant'> & { significant: number; sortKey: string })[];
  return rows.map(toSummary);
}

export function noteCounts(db: Db, caseId: string): { notes: number; drafts: number; significant: number } {
  return stmt(
    db,
    `SELECT count(*) AS notes, coalesce(sum(status = 'draft'), 0) AS drafts, coalesce(sum(significant), 0) AS significant
     FROM notes WHERE case_id = ?`,
  ).get(caseId) as { notes: number; drafts: number; significant: number };
}

function toSummary(row: Omit<NoteSummaryRecord, 'significant'> & { significant: number; sortKey: string }): NoteSummaryRecord {
  const { sortKey: _sortKey, significant, ...rest } = row;
  return { ...rest, significant: toBool(significant) };
}

const CURSOR = /^(-?\d{4,6}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)~([0-9a-f-]{36})$/;

function encodeCursor(sortKey: string, id: string): string {
  return Buffer.from(`${sortKey}~${id}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): { sortKey: string; id: string } {
  const match = CURSOR.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw invalid(BAD_CURSOR, { before: BAD_CURSOR });
  return { sortKey: match[1]!, id: match[2]! };
}
