// Migration 2: the search index. Settings survive; the index folds accents and case, matches
// prefixes, and search_docs refuses two entries for one record.
import { describe, expect, it } from 'vitest';
import { createDbAtVersion } from '../testing';
import { migrate } from './index';

describe('0002-search', () => {
  it('adds the FTS5 index and its document map, keeping earlier data', () => {
    const db = createDbAtVersion(1);
    db.prepare("INSERT INTO settings (key, value) VALUES ('practitioner.name', 'Alex')").run();
    migrate(db, { to: 2 });
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare("SELECT value FROM settings WHERE key = 'practitioner.name'").pluck().get()).toBe('Alex');

    const docId = db.prepare("INSERT INTO search_docs (kind, ref_id) VALUES ('person', 'p1') RETURNING doc_id").pluck().get();
    db.prepare('INSERT INTO search_index (rowid, title, body, tags) VALUES (?, ?, ?, ?)').run(docId, 'Zoë Brontë', 'Prefers music', 'hkindperson');
    const hit = (q: string) => db.prepare('SELECT rowid FROM search_index WHERE search_index MATCH ?').pluck().all(q);
    expect(hit('zoe')).toEqual([docId]);
    expect(hit('BRONTE')).toEqual([docId]);
    expect(hit('"mus"*')).toEqual([docId]);
    expect(hit('{title body} : zoe AND tags : hkindperson')).toEqual([docId]);
    expect(() => db.prepare("INSERT INTO search_docs (kind, ref_id) VALUES ('person', 'p1')").run()).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO search_docs (kind, ref_id) VALUES ('party', 'x')").run()).toThrow(/CHECK/);
    db.close();
  });
});
