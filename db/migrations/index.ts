// Owns the ordered list of the vault's schema migrations. To add one: create NNNN-name.ts beside this
// file exporting a Migration with the next version, append it below, and add NNNN-name.test.ts
// that builds the database at NNNN-1, inserts data, migrates and asserts.
import type Database from 'better-sqlite3-multiple-ciphers';
import { migration0001 } from './0001-settings';
import { migration0002 } from './0002-search';
import { migration0003 } from './0003-people-parties';
import { migration0004 } from './0004-cases';
import { migration0005 } from './0005-notes';
import { migration0006 } from './0006-tasks';
import { applyMigrations, type MigrationResult } from './runner';
import type { Migration } from './types';

export const migrations: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005, migration0006];

export const LATEST_SCHEMA_VERSION = migrations.length;

/** Brings the database up to the latest schema (or to `to`, for migration tests). */
export function migrate(db: Database.Database, opts: { to?: number } = {}): MigrationResult {
  return applyMigrations(db, migrations, opts);
}

export type { Migration, MigrationResult };
export { schemaVersionOf } from './runner';
