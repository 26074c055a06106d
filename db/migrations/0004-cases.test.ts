// Migration 4: cases and their people, parties, hearings and questions. Earlier data survives; a
// linked person cannot be deleted; a filing deadline cannot precede the instruction; questions keep
// their order and wording.
import { describe, expect, it } from 'vitest';
import { createDbAtVersion } from '../testing';
import { migrate } from './index';

const at = '2026-01-01T00:00:00.000Z';

describe('0004-cases', () => {
  it('creates cases with links that protect people and parties', () => {
    const db = createDbAtVersion(3);
    db.prepare("INSERT INTO people (id, full_name, created_at, updated_at) VALUES ('p1', 'Jordan', ?, ?)").run(at, at);
    db.prepare("INSERT INTO parties (id, name, kind, created_at, updated_at) VALUES ('s1', 'Priya', 'solicitor', ?, ?)").run(at, at);
    migrate(db, { to: 4 });
    expect(db.prepare('SELECT full_name FROM people').pluck().get()).toBe('Jordan');

    const kase = db.prepare(
      'INSERT INTO cases (id, title, work_type, status, instruction_received, filing_deadline, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    kase.run('c1', 'Ellis', 'parenting_assessment', 'active', '2026-01-10', '2026-03-01', at, at);
    expect(() => kase.run('c2', 'X', 'parenting_assessment', 'active', '2026-01-10', '2026-01-09', at, at)).toThrow(/CHECK/);
    expect(() => kase.run('c3', 'X', 'astrology', 'active', null, null, at, at)).toThrow(/CHECK/);
    expect(() => kase.run('c4', 'X', 'other', 'paused', null, null, at, at)).toThrow(/CHECK/);

    db.prepare("INSERT INTO case_people (case_id, person_id, position) VALUES ('c1', 'p1', 0)").run();
    db.prepare("INSERT INTO case_parties (case_id, party_id, role, linked_at) VALUES ('c1', 's1', 'instructing_solicitor', ?)").run(at);
    expect(() => db.prepare("INSERT INTO case_parties (case_id, party_id, role, linked_at) VALUES ('c1', 's1', 'instructing_solicitor', ?)").run(at)).toThrow(/UNIQUE|PRIMARY/);
    expect(() => db.prepare("DELETE FROM people WHERE id = 'p1'").run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("DELETE FROM parties WHERE id = 's1'").run()).toThrow(/FOREIGN KEY/);

    const q = db.prepare('INSERT INTO loi_questions (id, case_id, position, text) VALUES (?, ?, ?, ?)');
    q.run('q2', 'c1', 1, '  Second, with  its spacing kept.  ');
    q.run('q1', 'c1', 0, 'First?');
    expect(() => q.run('q3', 'c1', 1, 'Clash')).toThrow(/UNIQUE/);
    expect(db.prepare("SELECT text FROM loi_questions WHERE case_id = 'c1' ORDER BY position").pluck().all()).toEqual(['First?', '  Second, with  its spacing kept.  ']);
    expect(() => db.prepare("INSERT INTO hearings (id, case_id, position, date, time, description) VALUES ('h1', 'c1', 0, '2026-03-05', '25:00', 'FH')").run()).toThrow(/CHECK/);
    db.close();
  });
});
