// Migration 5: notes and amendments. Earlier data survives; a finalised note must be signed, and the
// database refuses to edit it in place, reopen it or delete it; amendments are append-only.
import { describe, expect, it } from 'vitest';
import { createDbAtVersion } from '../testing';
import { migrate } from './index';

const at = '2026-01-01T00:00:00.000Z';

describe('0005-notes', () => {
  it('creates notes whose finalised text the database protects', () => {
    const db = createDbAtVersion(4);
    db.prepare("INSERT INTO people (id, full_name, created_at, updated_at) VALUES ('p1', 'Jordan', ?, ?)").run(at, at);
    db.prepare("INSERT INTO cases (id, title, work_type, status, created_at, updated_at) VALUES ('c1', 'Ellis', 'other', 'active', ?, ?)").run(at, at);
    migrate(db, { to: 5 });
    expect(db.prepare('SELECT title FROM cases').pluck().get()).toBe('Ellis');

    const insert = db.prepare(
      `INSERT INTO notes (id, case_id, status, signed_by, signed_at, current_entry_type, current_occurred_at, current_occurred_utc,
         current_occurred_date, created_at, updated_at, entry_type, occurred_at, narrative, own_voice, analysis, actions)
       VALUES (?, 'c1', ?, ?, ?, 'phone', ?, ?, '2026-01-01', ?, ?, 'phone', ?, '{"type":"doc"}', '{}', '{}', '{}')`,
    );
    insert.run('n1', 'draft', null, null, at, at, at, at, at);
    expect(() => insert.run('n2', 'final', null, null, at, at, at, at, at)).toThrow(/CHECK/);
    insert.run('n3', 'final', 'Alex', at, at, at, at, at, at);

    db.prepare("UPDATE notes SET narrative = '{\"type\":\"doc\",\"content\":[]}' WHERE id = 'n1'").run();
    expect(() => db.prepare("UPDATE notes SET narrative = '{}' WHERE id = 'n3'").run()).toThrow(/never edited in place/);
    expect(() => db.prepare("UPDATE notes SET status = 'draft' WHERE id = 'n3'").run()).toThrow();
    expect(() => db.prepare("DELETE FROM notes WHERE id = 'n3'").run()).toThrow(/cannot be deleted/);
    db.prepare("UPDATE notes SET significant = 1, amendment_count = 1, preview = 'p' WHERE id = 'n3'").run();

    db.prepare("INSERT INTO note_amendments (id, note_id, seq, amended_at, amended_by, reason, changes) VALUES ('a1', 'n3', 1, ?, 'Alex', 'Typo', '{}')").run(at);
    expect(() => db.prepare("UPDATE note_amendments SET reason = 'x'").run()).toThrow(/never edited/);
    expect(() => db.prepare('DELETE FROM note_amendments').run()).toThrow(/never deleted/);
    expect(() => db.prepare("INSERT INTO note_amendments (id, note_id, seq, amended_at, amended_by, reason, changes) VALUES ('a2', 'n3', 2, ?, 'Alex', '', '{}')").run(at)).toThrow(/CHECK/);
    expect(() => db.prepare("DELETE FROM cases WHERE id = 'c1'").run()).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
