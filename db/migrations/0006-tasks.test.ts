// Migration 6: tasks. Earlier data survives; done and done_at agree; tasks go with their case.
import { describe, expect, it } from 'vitest';
import { createDbAtVersion } from '../testing';
import { migrate } from './index';

const at = '2026-01-01T00:00:00.000Z';

describe('0006-tasks', () => {
  it('creates tasks tied to their case', () => {
    const db = createDbAtVersion(5);
    db.prepare("INSERT INTO cases (id, title, work_type, status, created_at, updated_at) VALUES ('c1', 'Ellis', 'other', 'active', ?, ?)").run(at, at);
    migrate(db, { to: 6 });
    const insert = db.prepare('INSERT INTO tasks (id, case_id, title, due_date, done, done_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    insert.run('t1', 'c1', 'Chase records', '2026-02-01', 0, null, at, at);
    expect(() => insert.run('t2', 'c1', 'X', '2026-02-01', 1, null, at, at)).toThrow(/CHECK/);
    expect(() => insert.run('t3', 'c1', 'X', 'soon', 0, null, at, at)).toThrow(/CHECK/);
    expect(() => insert.run('t4', 'nope', 'X', '2026-02-01', 0, null, at, at)).toThrow(/FOREIGN KEY/);
    db.prepare("DELETE FROM cases WHERE id = 'c1'").run();
    expect(db.prepare('SELECT count(*) FROM tasks').pluck().get()).toBe(0);
    db.close();
  });
});
