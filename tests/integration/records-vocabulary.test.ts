// db/ mirrors the contract's closed vocabularies (it may not import the contract); this fails the
// moment the two drift apart, and checks the tables' CHECK constraints accept every value.
import { describe, expect, it } from 'vitest';
import * as contract from '../../contract';
import * as db from '../../db/repos/vocabulary';
import { amendableFields } from '../../db/repos/notes';
import { createDbAtVersion } from '../../db/testing';
import { LATEST_SCHEMA_VERSION } from '../../db/migrations';

describe('vocabularies shared by db/ and the contract', () => {
  it.each([
    ['communicationModes', db.communicationModes, contract.communicationModes],
    ['partyKinds', db.partyKinds, contract.partyKinds],
    ['partyRoles', db.partyRoles, contract.partyRoles],
    ['workTypes', db.workTypes, contract.workTypes],
    ['caseStatuses', db.caseStatuses, contract.caseStatuses],
    ['entryTypes', db.entryTypes, contract.entryTypes],
    ['amendableFields', amendableFields, contract.amendableFields],
  ])('%s match', (_name, ours, theirs) => {
    expect([...ours]).toEqual([...theirs]);
  });

  it('every value passes the tables’ CHECK constraints', () => {
    const sql = createDbAtVersion(LATEST_SCHEMA_VERSION);
    const at = '2026-01-01T00:00:00.000Z';
    sql.prepare("INSERT INTO people (id, full_name, created_at, updated_at) VALUES ('p', 'P', ?, ?)").run(at, at);
    contract.partyKinds.forEach((kind, i) => sql.prepare('INSERT INTO parties (id, name, kind, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(`party${i}`, 'N', kind, at, at));
    contract.workTypes.forEach((workType, i) =>
      contract.caseStatuses.forEach((status, j) =>
        sql.prepare('INSERT INTO cases (id, title, work_type, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(`c${i}-${j}`, 'T', workType, status, at, at),
      ),
    );
    contract.partyRoles.forEach((role) => sql.prepare('INSERT INTO case_parties (case_id, party_id, role, linked_at) VALUES (?, ?, ?, ?)').run('c0-0', 'party0', role, at));
    contract.entryTypes.forEach((type, i) =>
      sql
        .prepare(
          `INSERT INTO notes (id, case_id, status, current_entry_type, current_occurred_at, current_occurred_utc, current_occurred_date,
             created_at, updated_at, entry_type, occurred_at, narrative, own_voice, analysis, actions)
           VALUES (?, 'c0-0', 'draft', ?, ?, ?, '2026-01-01', ?, ?, ?, ?, '{}', '{}', '{}', '{}')`,
        )
        .run(`n${i}`, type, at, at, at, at, type, at),
    );
    expect(sql.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(contract.entryTypes.length);
    sql.close();
  });
});
