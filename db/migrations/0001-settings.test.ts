// Migration 1, in the pattern every data-changing migration follows: build at N-1, migrate, assert.
import { describe, expect, it } from 'vitest';
import { createDbAtVersion } from '../testing';
import { migrate } from './index';

describe('0001-settings', () => {
  it('creates strict key/value tables for meta and settings', () => {
    const db = createDbAtVersion(0);
    migrate(db, { to: 1 });
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    db.prepare("INSERT INTO settings (key, value) VALUES ('lock.autoLockMinutes', '5')").run();
    db.prepare("INSERT INTO meta (key, value) VALUES ('vault_id', 'x')").run();
    expect(() => db.prepare("INSERT INTO settings (key, value) VALUES ('lock.autoLockMinutes', '6')").run()).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO settings (key, value) VALUES ('k', NULL)").run()).toThrow(/NOT NULL/);
    expect(() => db.prepare("INSERT INTO settings (key, value) VALUES ('k', x'00')").run()).toThrow(/cannot store BLOB/);
    db.close();
  });
});
