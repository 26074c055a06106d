// The migration list and runner: ordering, one transaction per step, and refusal to go backwards.
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3-multiple-ciphers';
import { LATEST_SCHEMA_VERSION, migrate, migrations } from './index';
import { applyMigrations, assertWellFormed } from './runner';
import type { Migration } from './types';

describe('migration list', () => {
  it('is numbered 1, 2, 3… and each name matches a file-style slug', () => {
    expect(() => assertWellFormed(migrations)).not.toThrow();
    for (const m of migrations) expect(m.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(LATEST_SCHEMA_VERSION).toBe(migrations.length);
  });

  it('brings an empty database to the latest version and is a no-op the second time', () => {
    const db = new Database(':memory:');
    const first = migrate(db);
    expect(first).toMatchObject({ from: 0, to: LATEST_SCHEMA_VERSION });
    expect(first.applied).toHaveLength(LATEST_SCHEMA_VERSION);
    expect(migrate(db)).toEqual({ from: LATEST_SCHEMA_VERSION, to: LATEST_SCHEMA_VERSION, applied: [] });
    db.close();
  });
});

describe('runner', () => {
  const ok = (version: number, sql: string): Migration => ({ version, name: `step-${version}`, up: (db) => db.exec(sql) });

  it('rolls back a failing migration together with its version bump, keeping earlier ones', () => {
    const db = new Database(':memory:');
    const list = [ok(1, 'CREATE TABLE a (x)'), ok(2, 'CREATE TABLE b (x); INSERT INTO nowhere VALUES (1)')];
    expect(() => applyMigrations(db, list)).toThrow(/no such table/);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'b'").get()).toBeUndefined();
    db.close();
  });

  it('refuses a list with gaps and a database newer than the list', () => {
    expect(() => assertWellFormed([ok(1, ''), ok(3, '')])).toThrow(/expected 2/);
    const db = new Database(':memory:');
    db.pragma('user_version = 5');
    expect(() => applyMigrations(db, [ok(1, '')])).toThrow(/newer/);
    db.close();
  });

  it('stops at `to`, so a test can build the database at N-1', () => {
    const db = new Database(':memory:');
    const list = [ok(1, 'CREATE TABLE a (x)'), ok(2, 'CREATE TABLE b (x)')];
    expect(applyMigrations(db, list, { to: 1 }).to).toBe(1);
    expect(applyMigrations(db, list).applied).toEqual(['0002-step-2']);
    db.close();
  });
});
