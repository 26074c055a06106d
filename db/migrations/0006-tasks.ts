// Migration 6: tasks and deadlines per case. Released: never edit; add a new migration instead.
import type { Migration } from './types';

export const migration0006: Migration = {
  version: 6,
  name: 'tasks',
  up(db) {
    db.exec(`
      CREATE TABLE tasks (
        id         TEXT PRIMARY KEY,
        case_id    TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        title      TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
        due_date   TEXT NOT NULL CHECK (date(due_date) IS due_date),
        detail     TEXT NOT NULL DEFAULT '',
        done       INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
        done_at    TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK ((done = 1) = (done_at IS NOT NULL))
      ) STRICT;
      CREATE INDEX tasks_case ON tasks (case_id, done, due_date);
      CREATE INDEX tasks_open_due ON tasks (due_date) WHERE done = 0;
    `);
  },
};
