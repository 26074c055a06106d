// Owns contemporaneous notes: drafts that autosave, finalising (signing), amendments that leave the
// original visible, the significant-event flag, and the note's entry in the search index.
// Plain text for previews and the index is derived by the caller (a NoteDescriber), because the
// rich-text format belongs to the contract; the repository calls it inside its own transaction.
import { invalid, notFound, refused } from './errors';
import { indexDoc, unindexDoc } from './fts';
import { newId } from './ids';
import { inTransaction, stmt, toBool, type Db } from './sql';
import type { EntryType, NoteStatus, RichTextDoc } from './vocabulary';

export interface NoteValues {
  entryType: EntryType;
  occurredAt: string;
  durationMinutes: number | null;
  place: string;
  present: string[];
  narrative: RichTextDoc;
  ownVoice: RichTextDoc;
  analysis: RichTextDoc;
  actions: RichTextDoc;
}
export const amendableFields = ['entryType', 'occurredAt', 'durationMinutes', 'place', 'present', 'narrative', 'ownVoice', 'analysis', 'actions'] as const;

export interface AmendmentRecord {
  id: string;
  amendedAt: string;
  amendedBy: string;
  reason: string;
  changes: Partial<NoteValues>;
}

export interface NoteRecord extends NoteValues {
  id: string;
  caseId: string;
  status: NoteStatus;
  significant: boolean;
  createdAt: string;
  updatedAt: string;
  revision: number;
  signedBy: string | null;
  signedAt: string | null;
  /** Oldest first. The note's own fields above are the original, as signed. */
  amendments: AmendmentRecord[];
}

/** Derives the plain text a note contributes: the list preview and the search index body. */
export type NoteDescriber = (note: NoteRecord, current: NoteValues) => { preview: string; title: string; body: string };

const NOTE_NOT_FOUND = 'That note could not be found. It may have been discarded.';
export const NOTE_IS_FINAL = 'This note is finalised. Add an amendment instead.';

interface NoteRow {
  id: string;
  case_id: string;
  status: NoteStatus;
  significant: number;
  revision: number;
  signed_by: string | null;
  signed_at: string | null;
  created_at: string;
  updated_at: string;
  entry_type: EntryType;
  occurred_at: string;
  duration_minutes: number | null;
  place: string;
  present: string;
  narrative: string;
  own_voice: string;
  analysis: string;
  actions: string;
}

export function getNote(db: Db, id: string): NoteRecord {
  const row = stmt(db, 'SELECT * FROM notes WHERE id = ?').get(id) as NoteRow | undefined;
  if (!row) throw notFound(NOTE_NOT_FOUND);
  const amendments = (
    stmt(db, 'SELECT id, amended_at, amended_by, reason, changes FROM note_amendments WHERE note_id = ? ORDER BY seq').all(id) as {
      id: string;
      amended_at: string;
      amended_by: string;
      reason: string;
      changes: string;
    }[]
  ).map((a) => ({ id: a.id, amendedAt: a.amended_at, amendedBy: a.amended_by, reason: a.reason, changes: JSON.parse(a.changes) as Partial<NoteValues> }));
  return {
    id: row.id,
    caseId: row.case_id,
    status: row.status,
    significant: toBool(row.significant),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    revision: row.revision,
    signedBy: row.signed_by,
    signedAt: row.signed_at,
    entryType: row.entry_type,
    occurredAt: row.occurred_at,
    durationMinutes: row.duration_minutes,
    place: row.place,
    present: JSON.parse(row.present) as string[],
    narrative: JSON.parse(row.narrative) as RichTextDoc,
    ownVoice: JSON.parse(row.own_voice) as RichTextDoc,
    analysis: JSON.parse(row.analysis) as RichTextDoc,
    actions: JSON.parse(row.actions) as RichTextDoc,
    amendments,
  };
}

/** The note as it now reads: the original with every amendment applied in order. */
export function currentValues(note: NoteRecord): NoteValues {
  const current: NoteValues = pickValues(note);
  for (const a of note.amendments) Object.assign(current, definedOnly(a.changes));
  return current;
}

export function createNote(db: Db, caseId: string, values: NoteValues, at: string, describe: NoteDescriber): NoteRecord {
  const note: NoteRecord = {
    ...pickValues(values),
    id: newId(),
    caseId,
    status: 'draft',
    significant: false,
    createdAt: at,
    updatedAt: at,
    revision: 1,
    signedBy: null,
    signedAt: null,
    amendments: [],
  };
  const derived = derive(note, describe);
  inTransaction(db, () => {
    if (stmt(db, 'SELECT 1 FROM cases WHERE id = ?').pluck().get(caseId) === undefined) {
      throw notFound('That case could not be found. It may have been removed.');
    }
    stmt(
      db,
      `INSERT INTO notes (id, case_id, status, significant, current_entry_type, current_occurred_at, current_occurred_utc,
         current_occurred_date, preview, revision, created_at, updated_at, entry_type, occurred_at, duration_minutes, place,
         present, narrative, own_voice, analysis, actions)
       VALUES (:id, :caseId, 'draft', 0, :current_entry_type, :current_occurred_at, :current_occurred_utc, :current_occurred_date,
         :preview, 1, :at, :at, :entry_type, :occurred_at, :duration_minutes, :place, :present, :narrative, :own_voice, :analysis, :actions)`,
    ).run({ ...storedColumns(values), ...derived.columns, id: note.id, caseId, at });
    indexNote(db, note, derived);
  });
  return note;
}

/**
 * Autosave of a draft. Refused for a finalised note, and when `expectedRevision` is stale (the
 * note was saved from somewhere else since this editor loaded it). Saving identical content
 * changes nothing, not even the revision.
 */
export function saveDraft(db: Db, id: string, values: NoteValues, expectedRevision: number | undefined, at: string, describe: NoteDescriber): NoteRecord {
  return inTransaction(db, () => {
    const before = getNote(db, id);
    if (before.status === 'final') throw refused(NOTE_IS_FINAL);
    if (expectedRevision !== undefined && expectedRevision !== before.revision) {
      throw refused('This note was saved from somewhere else after you opened it, so this version was not saved. Reload the note to see the latest version.');
    }
    const cols = storedColumns(values);
    if (sameJson(storedColumns(before), cols)) return before;
    const after: NoteRecord = { ...before, ...pickValues(values), revision: before.revision + 1, updatedAt: at };
    const derived = derive(after, describe);
    stmt(
      db,
      `UPDATE notes SET revision = revision + 1, updated_at = :at, entry_type = :entry_type, occurred_at = :occurred_at,
         duration_minutes = :duration_minutes, place = :place, present = :present, narrative = :narrative, own_voice = :own_voice,
         analysis = :analysis, actions = :actions, current_entry_type = :current_entry_type, current_occurred_at = :current_occurred_at,
         current_occurred_utc = :current_occurred_utc, current_occurred_date = :current_occurred_date, preview = :preview
       WHERE id = :id AND status = 'draft'`,
    ).run({ ...cols, ...derived.columns, id, at });
    indexNote(db, after, derived);
    return after;
  });
}

/** Signs a draft with the practitioner's name and the time. The signed text never changes again. */
export function finaliseNote(db: Db, id: string, signedBy: string, at: string): NoteRecord {
  return inTransaction(db, () => {
    const note = getNote(db, id);
    if (note.status === 'final') throw refused('This note is already finalised.');
    const name = signedBy.trim();
    if (!name) throw refused('Add your name in Settings before finalising, so that the note can be signed.');
    if (![note.narrative, note.ownVoice, note.analysis, note.actions].some(hasText)) {
      throw refused('This note is empty. Write something in it before finalising it.');
    }
    stmt(db, "UPDATE notes SET status = 'final', signed_by = ?, signed_at = ?, revision = revision + 1, updated_at = ? WHERE id = ?").run(name, at, at, id);
    return { ...note, status: 'final', signedBy: name, signedAt: at, revision: note.revision + 1, updatedAt: at };
  });
}

/**
 * Adds an amendment to a finalised note: who, when, why and only the fields that really change.
 * The original stays as signed; lists, filters and the index follow the amended note.
 */
export function amendNote(
  db: Db,
  id: string,
  amendment: { reason: string; changes: Partial<NoteValues>; amendedBy: string },
  at: string,
  describe: NoteDescriber,
): NoteRecord {
  return inTransaction(db, () => {
    const note = getNote(db, id);
    if (note.status !== 'final') throw refused('This note is still a draft, so it can be edited directly. Amendments are for finalised notes.');
    const reason = amendment.reason.trim();
    const amendedBy = amendment.amendedBy.trim();
    if (!reason) throw invalid('Give the reason for the amendment.', { reason: 'Give the reason for the amendment.' });
    if (!amendedBy) throw refused('Add your name in Settings before amending, so that the amendment can be signed.');
    const current = currentValues(note);
    const changes: Partial<NoteValues> = {};
    for (const field of amendableFields) {
      const value = amendment.changes[field];
      if (value !== undefined && JSON.stringify(value) !== JSON.stringify(current[field])) Object.assign(changes, { [field]: value });
    }
    if (Object.keys(changes).length === 0) {
      throw refused('This amendment does not change anything. Change at least one part of the note, then save the amendment.', {
        changes: 'Change at least one part of the note.',
      });
    }
    if (changes.occurredAt !== undefined) occurredKeys(changes.occurredAt, 'changes.occurredAt');
    const added: AmendmentRecord = { id: newId(), amendedAt: at, amendedBy, reason, changes };
    const after: NoteRecord = { ...note, amendments: [...note.amendments, added], revision: note.revision + 1, updatedAt: at };
    const derived = derive(after, describe);
    stmt(
      db,
      `INSERT INTO note_amendments (id, note_id, seq, amended_at, amended_by, reason, changes)
       VALUES (?, ?, (SELECT coalesce(max(seq), 0) + 1 FROM note_amendments WHERE note_id = ?), ?, ?, ?, ?)`,
    ).run(added.id, id, id, at, amendedBy, reason, JSON.stringify(changes));
    stmt(
      db,
      `UPDATE notes SET amendment_count = amendment_count + 1, revision = revision + 1, updated_at = :at,
         current_entry_type = :current_entry_type, current_occurred_at = :current_occurred_at,
         current_occurred_utc = :current_occurred_utc, current_occurred_date = :current_occurred_date, preview = :preview
       WHERE id = :id`,
    ).run({ ...derived.columns, id, at });
    indexNote(db, after, derived);
    return after;
  });
}

/** Flags a note for the chronology. Not a change to what the note says, so the revision stays. */
export function setNoteSignificant(db: Db, id: string, significant: boolean, at: string): NoteRecord {
  return inTransaction(db, () => {
    const note = getNote(db, id);
    if (note.significant === significant) return note;
    stmt(db, 'UPDATE notes SET significant = ?, updated_at = ? WHERE id = ?').run(significant ? 1 : 0, at, id);
    return { ...note, significant, updatedAt: at };
  });
}

/** Removes a draft. A finalised note is part of the record and is never removed. */
export function discardDraft(db: Db, id: string): void {
  inTransaction(db, () => {
    const note = getNote(db, id);
    if (note.status === 'final') throw refused('A finalised note is part of the record and cannot be discarded. Add an amendment if something in it is wrong.');
    stmt(db, 'DELETE FROM notes WHERE id = ?').run(id);
    unindexDoc(db, 'note', id);
  });
}

interface Derived {
  current: NoteValues;
  date: string;
  text: ReturnType<NoteDescriber>;
  columns: { current_entry_type: string; current_occurred_at: string; current_occurred_utc: string; current_occurred_date: string; preview: string };
}

/** The columns and index text that follow the current (amended) note. */
function derive(note: NoteRecord, describe: NoteDescriber): Derived {
  const current = currentValues(note);
  const { utc, date } = occurredKeys(current.occurredAt, note.amendments.length > 0 ? 'changes.occurredAt' : 'occurredAt');
  const text = describe(note, current);
  return {
    current,
    date,
    text,
    columns: { current_entry_type: current.entryType, current_occurred_at: current.occurredAt, current_occurred_utc: utc, current_occurred_date: date, preview: text.preview },
  };
}

function indexNote(db: Db, note: NoteRecord, d: Derived): void {
  indexDoc(db, {
    kind: 'note',
    refId: note.id,
    caseId: note.caseId,
    caseIds: [note.caseId],
    entryType: d.current.entryType,
    occurredDate: d.date,
    title: d.text.title,
    body: d.text.body,
  });
}

/** The UTC instant (for ordering) and the local calendar date as written (for date filters). */
export function occurredKeys(occurredAt: string, field: string): { utc: string; date: string } {
  const time = new Date(occurredAt);
  if (Number.isNaN(time.getTime())) throw invalid('Enter a valid date and time.', { [field]: 'Enter a valid date and time.' });
  return { utc: time.toISOString(), date: occurredAt.slice(0, 10) };
}

function storedColumns(v: NoteValues) {
  return {
    entry_type: v.entryType,
    occurred_at: v.occurredAt,
    duration_minutes: v.durationMinutes,
    place: v.place,
    present: JSON.stringify(v.present),
    narrative: JSON.stringify(v.narrative),
    own_voice: JSON.stringify(v.ownVoice),
    analysis: JSON.stringify(v.analysis),
    actions: JSON.stringify(v.actions),
  };
}

function pickValues(v: NoteValues): NoteValues {
  const { entryType, occurredAt, durationMinutes, place, present, narrative, ownVoice, analysis, actions } = v;
  return { entryType, occurredAt, durationMinutes, place, present, narrative, ownVoice, analysis, actions };
}

const definedOnly = <T extends object>(o: T): Partial<T> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

const sameJson = (a: object, b: object): boolean => JSON.stringify(a) === JSON.stringify(b);

/** True when a rich-text document holds any visible text. */
export function hasText(doc: RichTextDoc): boolean {
  const visit = (node: unknown): boolean => {
    if (!node || typeof node !== 'object') return false;
    const n = node as { type?: unknown; text?: unknown; content?: unknown };
    if (n.type === 'text' && typeof n.text === 'string') return n.text.trim() !== '';
    return Array.isArray(n.content) && n.content.some(visit);
  };
  return visit(doc);
}
