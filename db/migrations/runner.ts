// Owns applying migrations: forward only, each in its own transaction together with its
// PRAGMA user_version bump, so a crash leaves the vault at one version or the next, never between.
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Migration } from './types';

export interface MigrationResult {
  from: number;
  to: number;
  applied: string[];
}

export function schemaVersionOf(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Throws if the list is not 1, 2, 3… in order; a programming error, caught by the tests. */
export function assertWellFormed(list: readonly Migration[]): void {
  list.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(`Migration ${m.name} has version ${m.version}; expected ${i + 1}.`);
    }
  });
}

/**
 * Applies every migration above the database's user_version, up to `to` (default: all).
 * The caller must already have refused a database newer than the list.
 */
export function applyMigrations(db: Database.Database, list: readonly Migration[], opts: { to?: number } = {}): MigrationResult {
  assertWellFormed(list);
  const target = opts.to ?? list.length;
  const from = schemaVersionOf(db);
  if (from > list.length) throw new Error(`Database is at version ${from}, newer than the ${list.length} known migrations.`);
  const applied: string[] = [];
  for (const migration of list) {
    if (migration.version <= from || migration.version > target) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
    applied.push(`${String(migration.version).padStart(4, '0')}-${migration.name}`);
  }
  return { from, to: schemaVersionOf(db), applied };
}
