import { afterEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3-multiple-ciphers';
import { createDbAtVersion } from '../testing';
import { LATEST_SCHEMA_VERSION } from '../migrations';
import { deleteSetting, getSetting, listSettings, setSetting } from './settings';

describe('settings repository', () => {
  let db: Database.Database;
  afterEach(() => db.close());

  it('stores, replaces, lists and deletes values', () => {
    db = createDbAtVersion(LATEST_SCHEMA_VERSION);
    expect(getSetting(db, 'lock.autoLockMinutes')).toBeUndefined();
    setSetting(db, 'lock.autoLockMinutes', '5');
    setSetting(db, 'lock.autoLockMinutes', '12');
    setSetting(db, 'practitioner.name', 'Sam Example');
    expect(getSetting(db, 'lock.autoLockMinutes')).toBe('12');
    expect(listSettings(db)).toEqual({ 'lock.autoLockMinutes': '12', 'practitioner.name': 'Sam Example' });
    deleteSetting(db, 'lock.autoLockMinutes');
    expect(getSetting(db, 'lock.autoLockMinutes')).toBeUndefined();
  });
});
