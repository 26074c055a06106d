// Migration 2: the full-text search index, inside the encrypted vault. Created before the record
// tables so that every record is indexed from its first write and no backfill is ever needed.
// Released: never edit; add a new migration instead.
//
// Why a contentful FTS5 table rather than external content: the indexed text is derived (rich
// text turned into plain text, several fields and a note's amendments joined), so no record table
// holds it column for column. External content would need a shadow table holding the same plain
// text anyway, and a contentless table cannot produce snippets. search_docs maps each FTS rowid
// (a stable INTEGER PRIMARY KEY) to the record it came from and carries the filter columns, so a
// record's entry is found by index, never by scanning the FTS table.
//
// Two choices keep search fast in a vault of a million notes:
// - The tags column holds filter tokens (kind, case, entry type), so filters are part of the FTS
//   query and FTS intersects doclists instead of SQLite joining every match. Practitioners' words
//   are only ever matched against title and body.
// - People and cases take doc_ids from 2^40 up, notes from 1 up, so that "newest doc_id first"
//   visits every person and case before any note, then notes from the most recent back (see
//   db/repos/search.ts, which ranks a bounded window in that order).
import type { Migration } from './types';

export const migration0002: Migration = {
  version: 2,
  name: 'search',
  up(db) {
    db.exec(`
      CREATE TABLE search_docs (
        doc_id        INTEGER PRIMARY KEY,
        kind          TEXT NOT NULL CHECK (kind IN ('note', 'person', 'case')),
        ref_id        TEXT NOT NULL,
        -- notes: their case; cases: the case itself; people: NULL
        case_id       TEXT,
        -- notes only: the entry type and the local calendar date it happened, as amended
        entry_type    TEXT,
        occurred_date TEXT,
        UNIQUE (kind, ref_id)
      ) STRICT;
      CREATE INDEX search_docs_case ON search_docs (case_id) WHERE case_id IS NOT NULL;

      CREATE VIRTUAL TABLE search_index USING fts5(
        title,
        body,
        tags,
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '2 3'
      );
    `);
  },
};
