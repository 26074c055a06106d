// Migration 5: contemporaneous notes and their amendments. A note's own columns hold what was
// written before it was finalised and never change afterwards; amendments record who, when, why
// and the changed fields. The current_* columns and preview hold the note as amended, for lists,
// sorting and filters. Released: never edit; add a new migration instead.
import type { Migration } from './types';

const entryTypes = `'home_visit', 'observation', 'phone', 'video_call', 'meeting', 'creative_music', 'creative_dance',
  'creative_art', 'document_review', 'reflection'`;

export const migration0005: Migration = {
  version: 5,
  name: 'notes',
  up(db) {
    // Column order matters: the small columns that lists read come first, so listing a note never
    // walks the overflow pages of its (possibly long) rich-text columns.
    db.exec(`
      CREATE TABLE notes (
        id                    TEXT PRIMARY KEY,
        case_id               TEXT NOT NULL REFERENCES cases (id) ON DELETE RESTRICT,
        status                TEXT NOT NULL CHECK (status IN ('draft', 'final')),
        significant           INTEGER NOT NULL DEFAULT 0 CHECK (significant IN (0, 1)),
        current_entry_type    TEXT NOT NULL CHECK (current_entry_type IN (${entryTypes})),
        current_occurred_at   TEXT NOT NULL,
        -- UTC instant (Date#toISOString) for ordering; the local calendar date for date filters
        current_occurred_utc  TEXT NOT NULL,
        current_occurred_date TEXT NOT NULL,
        preview               TEXT NOT NULL DEFAULT '',
        amendment_count       INTEGER NOT NULL DEFAULT 0 CHECK (amendment_count >= 0),
        revision              INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 0),
        signed_by             TEXT,
        signed_at             TEXT,
        created_at            TEXT NOT NULL,
        updated_at            TEXT NOT NULL,
        entry_type            TEXT NOT NULL CHECK (entry_type IN (${entryTypes})),
        occurred_at           TEXT NOT NULL,
        duration_minutes      INTEGER CHECK (duration_minutes IS NULL OR duration_minutes BETWEEN 0 AND 1440),
        place                 TEXT NOT NULL DEFAULT '',
        present               TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(present)),
        narrative             TEXT NOT NULL CHECK (json_valid(narrative)),
        own_voice             TEXT NOT NULL CHECK (json_valid(own_voice)),
        analysis              TEXT NOT NULL CHECK (json_valid(analysis)),
        actions               TEXT NOT NULL CHECK (json_valid(actions)),
        -- a finalised note is signed; a draft is not
        CHECK ((status = 'final') = (signed_at IS NOT NULL AND signed_by IS NOT NULL)),
        CHECK (status = 'final' OR amendment_count = 0)
      ) STRICT;
      CREATE INDEX notes_case_time ON notes (case_id, current_occurred_utc DESC, id DESC);
      -- covers the counts on the case view without touching the notes themselves
      CREATE INDEX notes_case_counts ON notes (case_id, status, significant);

      CREATE TABLE note_amendments (
        id         TEXT PRIMARY KEY,
        note_id    TEXT NOT NULL REFERENCES notes (id) ON DELETE RESTRICT,
        seq        INTEGER NOT NULL,
        amended_at TEXT NOT NULL,
        amended_by TEXT NOT NULL,
        reason     TEXT NOT NULL CHECK (length(reason) >= 1),
        changes    TEXT NOT NULL CHECK (json_valid(changes) AND json_type(changes) = 'object'),
        UNIQUE (note_id, seq)
      ) STRICT;

      -- Finalised notes are part of the record: the database itself refuses to change what was
      -- signed or to delete it, whatever the code above it does.
      CREATE TRIGGER notes_final_is_immutable
      BEFORE UPDATE OF case_id, entry_type, occurred_at, duration_minutes, place, present, narrative, own_voice, analysis,
        actions, signed_by, signed_at ON notes
      WHEN OLD.status = 'final'
      BEGIN
        SELECT RAISE(ABORT, 'finalised notes are never edited in place');
      END;
      CREATE TRIGGER notes_final_not_reopened
      BEFORE UPDATE OF status ON notes
      WHEN OLD.status = 'final' AND NEW.status <> 'final'
      BEGIN
        SELECT RAISE(ABORT, 'finalised notes cannot return to draft');
      END;
      CREATE TRIGGER notes_final_not_deleted
      BEFORE DELETE ON notes
      WHEN OLD.status = 'final'
      BEGIN
        SELECT RAISE(ABORT, 'finalised notes cannot be deleted');
      END;
      CREATE TRIGGER note_amendments_append_only_update
      BEFORE UPDATE ON note_amendments
      BEGIN
        SELECT RAISE(ABORT, 'amendments are never edited');
      END;
      CREATE TRIGGER note_amendments_append_only_delete
      BEFORE DELETE ON note_amendments
      BEGIN
        SELECT RAISE(ABORT, 'amendments are never deleted');
      END;
    `);
  },
};
