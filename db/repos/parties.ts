// Owns the parties directory (solicitors, professionals, family members) and their links to
// cases, each with a role.
import { notFound, refused } from './errors';
import { newId } from './ids';
import { likePattern } from './people';
import { inTransaction, stmt, type Db } from './sql';
import type { PartyKind, PartyRole } from './vocabulary';

export interface PartyValues {
  name: string;
  kind: PartyKind;
  organisation: string;
  jobTitle: string;
  phone: string;
  email: string;
  address: string;
  notes: string;
}

export interface PartyRecord extends PartyValues {
  id: string;
  caseCount: number;
}

export interface CasePartyRecord {
  partyId: string;
  name: string;
  kind: PartyKind;
  organisation: string;
  role: PartyRole;
  roleDetail: string;
}

const PARTY_NOT_FOUND = 'That party could not be found. They may have been removed.';
const CASE_NOT_FOUND = 'That case could not be found. It may have been removed.';

const PARTY_COLUMNS = `p.id, p.name, p.kind, p.organisation, p.job_title AS jobTitle, p.phone, p.email, p.address, p.notes,
  (SELECT count(DISTINCT cp.case_id) FROM case_parties cp WHERE cp.party_id = p.id) AS caseCount`;

export function listParties(db: Db, query?: string): PartyRecord[] {
  const q = query?.trim();
  if (!q) return stmt(db, `SELECT ${PARTY_COLUMNS} FROM parties p ORDER BY p.name COLLATE NOCASE, p.id`).all() as PartyRecord[];
  return stmt(
    db,
    `SELECT ${PARTY_COLUMNS} FROM parties p
     WHERE p.name LIKE :q ESCAPE '\\' OR p.organisation LIKE :q ESCAPE '\\' OR p.job_title LIKE :q ESCAPE '\\'
     ORDER BY p.name COLLATE NOCASE, p.id`,
  ).all({ q: likePattern(q) }) as PartyRecord[];
}

export function getParty(db: Db, id: string): PartyRecord {
  const party = stmt(db, `SELECT ${PARTY_COLUMNS} FROM parties p WHERE p.id = ?`).get(id) as PartyRecord | undefined;
  if (!party) throw notFound(PARTY_NOT_FOUND);
  return party;
}

export function createParty(db: Db, values: PartyValues, at: string): PartyRecord {
  const id = newId();
  stmt(
    db,
    `INSERT INTO parties (id, name, kind, organisation, job_title, phone, email, address, notes, created_at, updated_at)
     VALUES (:id, :name, :kind, :organisation, :jobTitle, :phone, :email, :address, :notes, :at, :at)`,
  ).run({ ...values, id, at });
  return getParty(db, id);
}

export function updateParty(db: Db, id: string, values: PartyValues, at: string): PartyRecord {
  const result = stmt(
    db,
    `UPDATE parties SET name = :name, kind = :kind, organisation = :organisation, job_title = :jobTitle, phone = :phone,
       email = :email, address = :address, notes = :notes, updated_at = :at
     WHERE id = :id`,
  ).run({ ...values, id, at });
  if (result.changes === 0) throw notFound(PARTY_NOT_FOUND);
  return getParty(db, id);
}

/** Refused while the party is linked to any case. */
export function deleteParty(db: Db, id: string): void {
  inTransaction(db, () => {
    const { caseCount } = getParty(db, id);
    if (caseCount > 0) {
      throw refused(
        `This party is linked to ${caseCount === 1 ? 'a case' : `${caseCount} cases`}, so they cannot be deleted. Remove them from ${caseCount === 1 ? 'that case' : 'those cases'} first.`,
      );
    }
    stmt(db, 'DELETE FROM parties WHERE id = ?').run(id);
  });
}

export function caseParties(db: Db, caseId: string): CasePartyRecord[] {
  return stmt(
    db,
    `SELECT cp.party_id AS partyId, p.name, p.kind, p.organisation, cp.role, cp.role_detail AS roleDetail
     FROM case_parties cp JOIN parties p ON p.id = cp.party_id
     WHERE cp.case_id = ? ORDER BY cp.linked_at, p.name COLLATE NOCASE, cp.role`,
  ).all(caseId) as CasePartyRecord[];
}

/** Links a party to a case in a role; linking the same party in the same role again updates the detail. */
export function linkParty(
  db: Db,
  link: { caseId: string; partyId: string; role: PartyRole; roleDetail: string },
  at: string,
): CasePartyRecord[] {
  return inTransaction(db, () => {
    assertCase(db, link.caseId);
    getParty(db, link.partyId);
    stmt(
      db,
      `INSERT INTO case_parties (case_id, party_id, role, role_detail, linked_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (case_id, party_id, role) DO UPDATE SET role_detail = excluded.role_detail`,
    ).run(link.caseId, link.partyId, link.role, link.roleDetail, at);
    touchCase(db, link.caseId, at);
    return caseParties(db, link.caseId);
  });
}

/** Removes one role of a party from a case. Unlinking what is not linked changes nothing. */
export function unlinkParty(db: Db, link: { caseId: string; partyId: string; role: PartyRole }, at: string): CasePartyRecord[] {
  return inTransaction(db, () => {
    assertCase(db, link.caseId);
    const result = stmt(db, 'DELETE FROM case_parties WHERE case_id = ? AND party_id = ? AND role = ?').run(link.caseId, link.partyId, link.role);
    if (result.changes > 0) touchCase(db, link.caseId, at);
    return caseParties(db, link.caseId);
  });
}

function assertCase(db: Db, caseId: string): void {
  if (stmt(db, 'SELECT 1 FROM cases WHERE id = ?').pluck().get(caseId) === undefined) throw notFound(CASE_NOT_FOUND);
}

function touchCase(db: Db, caseId: string, at: string): void {
  stmt(db, 'UPDATE cases SET updated_at = ? WHERE id = ?').run(at, caseId);
}
