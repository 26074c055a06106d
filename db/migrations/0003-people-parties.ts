// Migration 3: people at the heart of a case (with their communication profile) and the parties
// directory (solicitors, professionals, family). Released: never edit; add a new migration instead.
import type { Migration } from './types';

export const migration0003: Migration = {
  version: 3,
  name: 'people-parties',
  up(db) {
    db.exec(`
      CREATE TABLE people (
        id                  TEXT PRIMARY KEY,
        full_name           TEXT NOT NULL CHECK (length(full_name) BETWEEN 1 AND 200),
        preferred_name      TEXT NOT NULL DEFAULT '',
        pronouns            TEXT NOT NULL DEFAULT '',
        date_of_birth       TEXT CHECK (date_of_birth IS NULL OR date(date_of_birth) IS date_of_birth),
        phone               TEXT NOT NULL DEFAULT '',
        email               TEXT NOT NULL DEFAULT '',
        address             TEXT NOT NULL DEFAULT '',
        languages           TEXT NOT NULL DEFAULT '',
        interpreter_needed  INTEGER NOT NULL DEFAULT 0 CHECK (interpreter_needed IN (0, 1)),
        accessibility_needs TEXT NOT NULL DEFAULT '',
        important_people    TEXT NOT NULL DEFAULT '',
        -- the communication profile: modes as a JSON array of mode keys, then three free texts
        comm_modes          TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(comm_modes) AND json_type(comm_modes) = 'array'),
        comm_best_ways      TEXT NOT NULL DEFAULT '',
        comm_what_helps     TEXT NOT NULL DEFAULT '',
        comm_what_to_avoid  TEXT NOT NULL DEFAULT '',
        created_at          TEXT NOT NULL,
        updated_at          TEXT NOT NULL
      ) STRICT;
      CREATE INDEX people_name ON people (full_name COLLATE NOCASE);

      CREATE TABLE parties (
        id           TEXT PRIMARY KEY,
        name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        kind         TEXT NOT NULL CHECK (kind IN ('solicitor', 'professional', 'family', 'other')),
        organisation TEXT NOT NULL DEFAULT '',
        job_title    TEXT NOT NULL DEFAULT '',
        phone        TEXT NOT NULL DEFAULT '',
        email        TEXT NOT NULL DEFAULT '',
        address      TEXT NOT NULL DEFAULT '',
        notes        TEXT NOT NULL DEFAULT '',
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL
      ) STRICT;
      CREATE INDEX parties_name ON parties (name COLLATE NOCASE);
    `);
  },
};
