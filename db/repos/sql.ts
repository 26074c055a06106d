// Owns prepared-statement reuse. Preparing SQL costs far more than running it, so each connection
// keeps its statements; the cache dies with the connection object.
import type Database from 'better-sqlite3-multiple-ciphers';

export type Db = Database.Database;
export type Statement = Database.Statement;

const caches = new WeakMap<Db, Map<string, Statement>>();

/** The prepared statement for `sql` on this connection, prepared once. */
export function stmt(db: Db, sql: string): Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let prepared = cache.get(sql);
  if (!prepared) {
    prepared = db.prepare(sql);
    cache.set(sql, prepared);
  }
  return prepared;
}

/** Runs `fn` in a transaction (a savepoint when one is already open), committing only if it returns. */
export function inTransaction<T>(db: Db, fn: () => T): T {
  return db.transaction(fn).immediate();
}

export const toBool = (value: unknown): boolean => value === 1 || value === 1n || value === true;
