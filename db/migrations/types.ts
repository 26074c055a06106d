// Owns the shape of a schema migration. Kept apart from the list so migration files can import it
// without importing each other.
import type Database from 'better-sqlite3-multiple-ciphers';

export interface Migration {
  /** Becomes PRAGMA user_version once applied. Versions run 1, 2, 3… with no gaps. */
  readonly version: number;
  /** Short kebab-case description, matching the file name. */
  readonly name: string;
  /** Runs inside the runner's transaction. Must not open its own transaction or change pragmas. */
  up(db: Database.Database): void;
}
