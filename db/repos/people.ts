// Owns the people table: the person at the heart of a case, their contact details and their
// communication profile, plus their entry in the search index.
import { notFound, refused } from './errors';
import { indexDoc, unindexDoc } from './fts';
import { newId } from './ids';
import { inTransaction, stmt, toBool, type Db } from './sql';
import type { CaseStatus, CommunicationMode } from './vocabulary';

export interface CommunicationProfile {
  modes: CommunicationMode[];
  bestWays: string;
  whatHelps: string;
  whatToAvoid: string;
}

export interface PersonValues {
  fullName: string;
  preferredName: string;
  pronouns: string;
  dateOfBirth: string | null;
  phone: string;
  email: string;
  address: string;
  languages: string;
  interpreterNeeded: boolean;
  accessibilityNeeds: string;
  importantPeople: string;
  communication: CommunicationProfile;
}

export interface PersonRecord extends PersonValues {
  id: string;
  createdAt: string;
  updatedAt: string;
  cases: { id: string; title: string; status: CaseStatus }[];
}

export interface PersonSummary {
  id: string;
  fullName: string;
  preferredName: string;
  dateOfBirth: string | null;
  caseCount: number;
}

interface PersonRow {
  id: string;
  full_name: string;
  preferred_name: string;
  pronouns: string;
  date_of_birth: string | null;
  phone: string;
  email: string;
  address: string;
  languages: string;
  interpreter_needed: number;
  accessibility_needs: string;
  important_people: string;
  comm_modes: string;
  comm_best_ways: string;
  comm_what_helps: string;
  comm_what_to_avoid: string;
  created_at: string;
  updated_at: string;
}

const PERSON_NOT_FOUND = 'That person could not be found. They may have been removed.';

/** Escapes LIKE wildcards so that a typed % or _ matches itself. */
export const likePattern = (query: string): string => `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const SUMMARY_COLUMNS = `p.id, p.full_name AS fullName, p.preferred_name AS preferredName, p.date_of_birth AS dateOfBirth,
  (SELECT count(*) FROM case_people cp WHERE cp.person_id = p.id) AS caseCount`;

export function listPeople(db: Db, query?: string): PersonSummary[] {
  const q = query?.trim();
  if (!q) return stmt(db, `SELECT ${SUMMARY_COLUMNS} FROM people p ORDER BY p.full_name COLLATE NOCASE, p.id`).all() as PersonSummary[];
  return stmt(
    db,
    `SELECT ${SUMMARY_COLUMNS} FROM people p
     WHERE p.full_name LIKE :q ESCAPE '\\' OR p.preferred_name LIKE :q ESCAPE '\\'
     ORDER BY p.full_name COLLATE NOCASE, p.id`,
  ).all({ q: likePattern(q) }) as PersonSummary[];
}

/** Summaries of the given people, in the given order (the case view's list). */
export function peopleSummaries(db: Db, ids: readonly string[]): PersonSummary[] {
  const one = stmt(db, `SELECT ${SUMMARY_COLUMNS} FROM people p WHERE p.id = ?`);
  return ids.map((id) => one.get(id) as PersonSummary | undefined).filter((p): p is PersonSummary => p !== undefined);
}

export function personExists(db: Db, id: string): boolean {
  return stmt(db, 'SELECT 1 FROM people WHERE id = ?').pluck().get(id) !== undefined;
}

export function getPerson(db: Db, id: string): PersonRecord {
  const row = stmt(db, 'SELECT * FROM people WHERE id = ?').get(id) as PersonRow | undefined;
  if (!row) throw notFound(PERSON_NOT_FOUND);
  const cases = stmt(
    db,
    `SELECT c.id, c.title, c.status FROM case_people cp JOIN cases c ON c.id = cp.case_id
     WHERE cp.person_id = ? ORDER BY c.updated_at DESC, c.id`,
  ).all(id) as PersonRecord['cases'];
  return { ...fromRow(row), cases };
}

export function createPerson(db: Db, values: PersonValues, at: string): PersonRecord {
  const id = newId();
  inTransaction(db, () => {
    stmt(
      db,
      `INSERT INTO people (id, full_name, preferred_name, pronouns, date_of_birth, phone, email, address, languages,
         interpreter_needed, accessibility_needs, important_people, comm_modes, comm_best_ways, comm_what_helps,
         comm_what_to_avoid, created_at, updated_at)
       VALUES (:id, :full_name, :preferred_name, :pronouns, :date_of_birth, :phone, :email, :address, :languages,
         :interpreter_needed, :accessibility_needs, :important_people, :comm_modes, :comm_best_ways, :comm_what_helps,
         :comm_what_to_avoid, :at, :at)`,
    ).run({ ...toRow(values), id, at });
    indexPerson(db, id, values);
  });
  return getPerson(db, id);
}

export function updatePerson(db: Db, id: string, values: PersonValues, at: string): PersonRecord {
  inTransaction(db, () => {
    const result = stmt(
      db,
      `UPDATE people SET full_name = :full_name, preferred_name = :preferred_name, pronouns = :pronouns,
         date_of_birth = :date_of_birth, phone = :phone, email = :email, address = :address, languages = :languages,
         interpreter_needed = :interpreter_needed, accessibility_needs = :accessibility_needs,
         important_people = :important_people, comm_modes = :comm_modes, comm_best_ways = :comm_best_ways,
         comm_what_helps = :comm_what_helps, comm_what_to_avoid = :comm_what_to_avoid, updated_at = :at
       WHERE id = :id`,
    ).run({ ...toRow(values), id, at });
    if (result.changes === 0) throw notFound(PERSON_NOT_FOUND);
    indexPerson(db, id, values);
  });
  return getPerson(db, id);
}

/** Refused while the person is linked to any case: the case's record would lose its subject. */
export function deletePerson(db: Db, id: string): void {
  inTransaction(db, () => {
    if (!personExists(db, id)) throw notFound(PERSON_NOT_FOUND);
    const cases = stmt(db, 'SELECT count(*) FROM case_people WHERE person_id = ?').pluck().get(id) as number;
    if (cases > 0) {
      throw refused(
        `This person is linked to ${cases === 1 ? 'a case' : `${cases} cases`}, so they cannot be deleted. Remove them from ${cases === 1 ? 'that case' : 'those cases'} first.`,
      );
    }
    stmt(db, 'DELETE FROM people WHERE id = ?').run(id);
    unindexDoc(db, 'person', id);
  });
}

/** Re-indexes a person, e.g. after their links to cases change (the case filter uses them). */
export function reindexPerson(db: Db, id: string): void {
  const row = stmt(db, 'SELECT * FROM people WHERE id = ?').get(id) as PersonRow | undefined;
  if (row) indexPerson(db, id, fromRow(row));
}

function indexPerson(db: Db, id: string, v: PersonValues): void {
  const c = v.communication;
  indexDoc(db, {
    kind: 'person',
    refId: id,
    caseId: null,
    caseIds: stmt(db, 'SELECT case_id FROM case_people WHERE person_id = ?').pluck().all(id) as string[],
    entryType: null,
    occurredDate: null,
    title: [v.fullName, v.preferredName].filter(Boolean).join(' '),
    body: [v.languages, c.modes.join(' '), c.bestWays, c.whatHelps, c.whatToAvoid, v.importantPeople, v.accessibilityNeeds].filter(Boolean).join('\n'),
  });
}

function toRow(v: PersonValues) {
  return {
    full_name: v.fullName,
    preferred_name: v.preferredName,
    pronouns: v.pronouns,
    date_of_birth: v.dateOfBirth,
    phone: v.phone,
    email: v.email,
    address: v.address,
    languages: v.languages,
    interpreter_needed: v.interpreterNeeded ? 1 : 0,
    accessibility_needs: v.accessibilityNeeds,
    important_people: v.importantPeople,
    comm_modes: JSON.stringify([...new Set(v.communication.modes)]),
    comm_best_ways: v.communication.bestWays,
    comm_what_helps: v.communication.whatHelps,
    comm_what_to_avoid: v.communication.whatToAvoid,
  };
}

function fromRow(r: PersonRow): Omit<PersonRecord, 'cases'> {
  return {
    id: r.id,
    fullName: r.full_name,
    preferredName: r.preferred_name,
    pronouns: r.pronouns,
    dateOfBirth: r.date_of_birth,
    phone: r.phone,
    email: r.email,
    address: r.address,
    languages: r.languages,
    interpreterNeeded: toBool(r.interpreter_needed),
    accessibilityNeeds: r.accessibility_needs,
    importantPeople: r.important_people,
    communication: {
      modes: JSON.parse(r.comm_modes) as CommunicationMode[],
      bestWays: r.comm_best_ways,
      whatHelps: r.comm_what_helps,
      whatToAvoid: r.comm_what_to_avoid,
    },
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
