// Owns cases (instructions): their details and key dates, the people they concern, hearings, the
// questions from the letter of instruction (original wording, in order, ids kept across edits),
// and the case's entry in the search index. Also assembles the case view.
import { invalid, notFound, refused } from './errors';
import { indexDoc } from './fts';
import { newId } from './ids';
import { latestNotes, noteCounts, type NoteSummaryRecord } from './noteList';
import { caseParties, type CasePartyRecord } from './parties';
import { peopleSummaries, reindexPerson, type PersonSummary } from './people';
import { inTransaction, stmt, type Db } from './sql';
import type { CaseStatus, WorkType } from './vocabulary';

export interface HearingValues {
  date: string;
  time: string;
  description: string;
  venue: string;
}

export interface CaseValues {
  title: string;
  workType: WorkType;
  status: CaseStatus;
  personIds: string[];
  instructingParty: string;
  instructingReference: string;
  court: string;
  caseNumber: string;
  instructionReceived: string | null;
  letterOfInstructionDate: string | null;
  filingDeadline: string | null;
  hearings: HearingValues[];
  /** A question with an id is an existing question of this case (its wording may be corrected). */
  questions: { id?: string | undefined; text: string }[];
  agreedHours: number | null;
  feeCapPence: number | null;
  summary: string;
}

export interface CaseDetailRecord extends Omit<CaseValues, 'questions'> {
  id: string;
  createdAt: string;
  updatedAt: string;
  questions: { id: string; text: string }[];
  people: PersonSummary[];
  parties: CasePartyRecord[];
  counts: { notes: number; drafts: number; significant: number; openTasks: number };
  latestNotes: NoteSummaryRecord[];
}

export interface CaseSummaryRecord {
  id: string;
  title: string;
  workType: WorkType;
  status: CaseStatus;
  people: string[];
  filingDeadline: string | null;
  nextHearing: string | null;
  updatedAt: string;
}

export const CASE_NOT_FOUND = 'That case could not be found. It may have been removed.';
export const FILING_BEFORE_INSTRUCTION = 'The filing deadline cannot be before the date the instruction was received.';
const LATEST_NOTES = 50;

const ORDER = {
  deadline: 'c.filing_deadline IS NULL, c.filing_deadline, c.title COLLATE NOCASE, c.id',
  updated: 'c.updated_at DESC, c.id',
  title: 'c.title COLLATE NOCASE, c.id',
} as const;

/** Cases with the names of their people and next hearing on or after `today`. */
export function listCases(db: Db, q: { statuses?: readonly CaseStatus[] | undefined; sort: keyof typeof ORDER; today: string }): CaseSummaryRecord[] {
  const rows = stmt(
    db,
    `SELECT c.id, c.title, c.work_type AS workType, c.status, c.filing_deadline AS filingDeadline, c.updated_at AS updatedAt,
       (SELECT json_group_array(full_name) FROM (
          SELECT p.full_name FROM case_people cp JOIN people p ON p.id = cp.person_id WHERE cp.case_id = c.id ORDER BY cp.position
       )) AS people,
       (SELECT min(h.date) FROM hearings h WHERE h.case_id = c.id AND h.date >= :today) AS nextHearing
     FROM cases c
     WHERE :statuses IS NULL OR c.status IN (SELECT value FROM json_each(:statuses))
     ORDER BY ${ORDER[q.sort]}`,
  ).all({ today: q.today, statuses: q.statuses ? JSON.stringify(q.statuses) : null }) as (Omit<CaseSummaryRecord, 'people'> & { people: string })[];
  return rows.map((r) => ({ ...r, people: JSON.parse(r.people) as string[] }));
}

export function caseExists(db: Db, id: string): boolean {
  return stmt(db, 'SELECT 1 FROM cases WHERE id = ?').pluck().get(id) !== undefined;
}

/** The date the instruction was received, or null; throws NOT_FOUND for a missing case. */
export function instructionReceivedOf(db: Db, caseId: string): string | null {
  const row = stmt(db, 'SELECT instruction_received AS d FROM cases WHERE id = ?').get(caseId) as { d: string | null } | undefined;
  if (!row) throw notFound(CASE_NOT_FOUND);
  return row.d;
}

/** The case view: details, people, parties, questions, hearings, counts and the latest 50 notes. */
export function getCase(db: Db, id: string): CaseDetailRecord {
  const row = stmt(
    db,
    `SELECT id, title, work_type AS workType, status, instructing_party AS instructingParty,
       instructing_reference AS instructingReference, court, case_number AS caseNumber,
       instruction_received AS instructionReceived, letter_of_instruction_date AS letterOfInstructionDate,
       filing_deadline AS filingDeadline, agreed_hours AS agreedHours, fee_cap_pence AS feeCapPence, summary,
       created_at AS createdAt, updated_at AS updatedAt
     FROM cases WHERE id = ?`,
  ).get(id) as Omit<CaseDetailRecord, 'personIds' | 'hearings' | 'questions' | 'people' | 'parties' | 'counts' | 'latestNotes'> | undefined;
  if (!row) throw notFound(CASE_NOT_FOUND);
  const personIds = stmt(db, 'SELECT person_id FROM case_people WHERE case_id = ? ORDER BY position').pluck().all(id) as string[];
  const hearings = stmt(db, 'SELECT date, time, description, venue FROM hearings WHERE case_id = ? ORDER BY position').all(id) as HearingValues[];
  const questions = stmt(db, 'SELECT id, text FROM loi_questions WHERE case_id = ? ORDER BY position').all(id) as { id: string; text: string }[];
  const openTasks = stmt(db, 'SELECT count(*) FROM tasks WHERE case_id = ? AND done = 0').pluck().get(id) as number;
  return {
    ...row,
    personIds,
    hearings,
    questions,
    people: peopleSummaries(db, personIds),
    parties: caseParties(db, id),
    counts: { ...noteCounts(db, id), openTasks },
    latestNotes: latestNotes(db, id, LATEST_NOTES),
  };
}

export function createCase(db: Db, values: CaseValues, at: string): CaseDetailRecord {
  const id = newId();
  inTransaction(db, () => {
    checkCase(db, null, values);
    stmt(
      db,
      `INSERT INTO cases (id, title, work_type, status, instructing_party, instructing_reference, court, case_number,
         instruction_received, letter_of_instruction_date, filing_deadline, agreed_hours, fee_cap_pence, summary, created_at, updated_at)
       VALUES (:id, :title, :workType, :status, :instructingParty, :instructingReference, :court, :caseNumber,
         :instructionReceived, :letterOfInstructionDate, :filingDeadline, :agreedHours, :feeCapPence, :summary, :at, :at)`,
    ).run({ ...scalarColumns(values), id, at });
    // A new case has no questions yet, so any ids sent with them mean nothing: each gets a new one.
    writeChildren(db, id, { ...values, questions: values.questions.map((q) => ({ text: q.text })) });
  });
  return getCase(db, id);
}

export function updateCase(db: Db, id: string, values: CaseValues, at: string): CaseDetailRecord {
  inTransaction(db, () => {
    if (!caseExists(db, id)) throw notFound(CASE_NOT_FOUND);
    checkCase(db, id, values);
    stmt(
      db,
      `UPDATE cases SET title = :title, work_type = :workType, status = :status, instructing_party = :instructingParty,
         instructing_reference = :instructingReference, court = :court, case_number = :caseNumber,
         instruction_received = :instructionReceived, letter_of_instruction_date = :letterOfInstructionDate,
         filing_deadline = :filingDeadline, agreed_hours = :agreedHours, fee_cap_pence = :feeCapPence, summary = :summary,
         updated_at = :at
       WHERE id = :id`,
    ).run({ ...scalarColumns(values), id, at });
    writeChildren(db, id, values);
  });
  return getCase(db, id);
}

/**
 * The rules a case must keep. Deadlines (the filing deadline, and any task's due date) cannot fall
 * before the instruction was received. The letter of instruction and hearings may: a letter is
 * often dated before it arrives, and the hearing that directed the work precedes it.
 */
function checkCase(db: Db, id: string | null, v: CaseValues): void {
  const missing = [...new Set(v.personIds)].filter((p) => stmt(db, 'SELECT 1 FROM people WHERE id = ?').pluck().get(p) === undefined);
  if (missing.length > 0) {
    const message = 'One of the people chosen could not be found. They may have been removed.';
    throw notFound(message, { personIds: message });
  }
  if (v.instructionReceived && v.filingDeadline && v.filingDeadline < v.instructionReceived) {
    throw refused(FILING_BEFORE_INSTRUCTION, { filingDeadline: FILING_BEFORE_INSTRUCTION });
  }
  if (id && v.instructionReceived) {
    const early = stmt(db, 'SELECT count(*) FROM tasks WHERE case_id = ? AND due_date < ?').pluck().get(id, v.instructionReceived) as number;
    if (early > 0) {
      const message = `${early === 1 ? 'A task for this case is' : `${early} tasks for this case are`} due before the date the instruction was received. Change ${early === 1 ? 'its due date' : 'their due dates'} first, or choose an earlier date.`;
      throw refused(message, { instructionReceived: message });
    }
  }
  const seen = new Set<string>();
  if (id) {
    const own = new Set(stmt(db, 'SELECT id FROM loi_questions WHERE case_id = ?').pluck().all(id) as string[]);
    v.questions.forEach((q, i) => {
      if (q.id === undefined) return;
      if (!own.has(q.id) || seen.has(q.id)) {
        throw invalid('One of the questions does not belong to this case. Reload the case and try again.', {
          [`questions.${i}.id`]: 'This question does not belong to this case.',
        });
      }
      seen.add(q.id);
    });
  }
}

function scalarColumns(v: CaseValues) {
  return {
    title: v.title,
    workType: v.workType,
    status: v.status,
    instructingParty: v.instructingParty,
    instructingReference: v.instructingReference,
    court: v.court,
    caseNumber: v.caseNumber,
    instructionReceived: v.instructionReceived,
    letterOfInstructionDate: v.letterOfInstructionDate,
    filingDeadline: v.filingDeadline,
    agreedHours: v.agreedHours,
    feeCapPence: v.feeCapPence,
    summary: v.summary,
  };
}

/** Replaces people links and hearings; updates questions in place so their ids survive edits. */
function writeChildren(db: Db, caseId: string, v: CaseValues): void {
  const before = stmt(db, 'SELECT person_id FROM case_people WHERE case_id = ?').pluck().all(caseId) as string[];
  const after = [...new Set(v.personIds)];
  stmt(db, 'DELETE FROM case_people WHERE case_id = ?').run(caseId);
  after.forEach((personId, i) => stmt(db, 'INSERT INTO case_people (case_id, person_id, position) VALUES (?, ?, ?)').run(caseId, personId, i));
  // A person's index entry lists their cases, for searching within a case.
  const changed = new Set([...before.filter((p) => !after.includes(p)), ...after.filter((p) => !before.includes(p))]);
  for (const personId of changed) reindexPerson(db, personId);

  stmt(db, 'DELETE FROM hearings WHERE case_id = ?').run(caseId);
  v.hearings.forEach((h, i) =>
    stmt(db, 'INSERT INTO hearings (id, case_id, position, date, time, description, venue) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      newId(),
      caseId,
      i,
      h.date,
      h.time,
      h.description,
      h.venue,
    ),
  );

  const kept = v.questions.flatMap((q) => (q.id ? [q.id] : []));
  stmt(db, 'DELETE FROM loi_questions WHERE case_id = ? AND id NOT IN (SELECT value FROM json_each(?))').run(caseId, JSON.stringify(kept));
  // Move the survivors out of the way first, so renumbering never collides with UNIQUE (case_id, position).
  stmt(db, 'UPDATE loi_questions SET position = -1 - position WHERE case_id = ?').run(caseId);
  v.questions.forEach((q, i) => {
    if (q.id) stmt(db, 'UPDATE loi_questions SET position = ?, text = ? WHERE id = ? AND case_id = ?').run(i, q.text, q.id, caseId);
    else stmt(db, 'INSERT INTO loi_questions (id, case_id, position, text) VALUES (?, ?, ?, ?)').run(newId(), caseId, i, q.text);
  });

  indexDoc(db, {
    kind: 'case',
    refId: caseId,
    caseId,
    caseIds: [caseId],
    entryType: null,
    occurredDate: null,
    title: v.title,
    body: [v.caseNumber, v.court, v.instructingParty, v.instructingReference, v.summary, ...v.questions.map((q) => q.text), ...v.hearings.map((h) => `${h.description} ${h.venue}`)]
      .filter(Boolean)
      .join('\n'),
  });
}
