// Migration 3: people and parties. Earlier data survives; the tables refuse empty names, bad
// dates, unknown kinds and a communication profile that is not a JSON list.
import { describe, expect, it } from 'vitest';
import { createDbAtVersion } from '../testing';
import { migrate } from './index';

const at = '2026-01-01T00:00:00.000Z';

describe('0003-people-parties', () => {
  it('creates people and parties with their constraints', () => {
    const db = createDbAtVersion(2);
    db.prepare("INSERT INTO search_docs (kind, ref_id) VALUES ('note', 'n1')").run();
    migrate(db, { to: 3 });
    expect(db.prepare('SELECT count(*) FROM search_docs').pluck().get()).toBe(1);

    const person = db.prepare('INSERT INTO people (id, full_name, date_of_birth, comm_modes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
    person.run('p1', 'Jordan Ellis', '2015-04-12', '["music"]', at, at);
    expect(db.prepare('SELECT interpreter_needed, preferred_name FROM people').get()).toEqual({ interpreter_needed: 0, preferred_name: '' });
    expect(() => person.run('p2', '', null, '[]', at, at)).toThrow(/CHECK/);
    expect(() => person.run('p3', 'X', '2015-02-30', '[]', at, at)).toThrow(/CHECK/);
    expect(() => person.run('p4', 'X', null, '{"modes":1}', at, at)).toThrow(/CHECK/);

    const party = db.prepare('INSERT INTO parties (id, name, kind, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
    party.run('s1', 'Priya Shah', 'solicitor', at, at);
    expect(() => party.run('s2', 'X', 'judge', at, at)).toThrow(/CHECK/);
    db.close();
  });
});
