// Migration 4: cases (instructions), the people they concern, the parties with their roles,
// hearings, and the questions from the letter of instruction in their original wording and order.
// Released: never edit; add a new migration instead.
import type { Migration } from './types';

const workTypes = `'parenting_assessment', 'special_guardianship', 'viability_kinship', 's7_s37_report', 'care_act_assessment',
  'mca_capacity', 'best_interests', 'cop_s49', 'expert_report_part25', 'other'`;
const statuses = `'enquiry', 'instructed', 'active', 'report_due', 'filed', 'closed', 'archived'`;
const roles = `'mother', 'father', 'child', 'sgo_applicant', 'kinship_carer', 'foster_carer', 'allocated_social_worker',
  'childrens_guardian', 'imca', 'attorney', 'deputy', 'solicitor_for_applicant', 'solicitor_for_respondent',
  'solicitor_for_child', 'instructing_solicitor', 'independent_reviewing_officer', 'health_professional', 'teacher',
  'interpreter', 'other'`;
const isDate = (col: string) => `(${col} IS NULL OR date(${col}) IS ${col})`;

export const migration0004: Migration = {
  version: 4,
  name: 'cases',
  up(db) {
    db.exec(`
      CREATE TABLE cases (
        id                         TEXT PRIMARY KEY,
        title                      TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        work_type                  TEXT NOT NULL CHECK (work_type IN (${workTypes})),
        status                     TEXT NOT NULL CHECK (status IN (${statuses})),
        instructing_party          TEXT NOT NULL DEFAULT '',
        instructing_reference      TEXT NOT NULL DEFAULT '',
        court                      TEXT NOT NULL DEFAULT '',
        case_number                TEXT NOT NULL DEFAULT '',
        instruction_received       TEXT CHECK ${isDate('instruction_received')},
        letter_of_instruction_date TEXT CHECK ${isDate('letter_of_instruction_date')},
        filing_deadline            TEXT CHECK ${isDate('filing_deadline')},
        agreed_hours               REAL CHECK (agreed_hours IS NULL OR agreed_hours >= 0),
        fee_cap_pence              INTEGER CHECK (fee_cap_pence IS NULL OR fee_cap_pence >= 0),
        summary                    TEXT NOT NULL DEFAULT '',
        created_at                 TEXT NOT NULL,
        updated_at                 TEXT NOT NULL,
        -- the rule the repository explains to the practitioner, kept here as a last line of defence
        CHECK (filing_deadline IS NULL OR instruction_received IS NULL OR filing_deadline >= instruction_received)
      ) STRICT;
      CREATE INDEX cases_status_deadline ON cases (status, filing_deadline);
      CREATE INDEX cases_deadline ON cases (filing_deadline) WHERE filing_deadline IS NOT NULL;

      CREATE TABLE case_people (
        case_id   TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        -- RESTRICT: a person linked to a case cannot be deleted
        person_id TEXT NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
        position  INTEGER NOT NULL,
        PRIMARY KEY (case_id, person_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX case_people_person ON case_people (person_id);

      CREATE TABLE case_parties (
        case_id     TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        party_id    TEXT NOT NULL REFERENCES parties (id) ON DELETE RESTRICT,
        role        TEXT NOT NULL CHECK (role IN (${roles})),
        role_detail TEXT NOT NULL DEFAULT '',
        linked_at   TEXT NOT NULL,
        PRIMARY KEY (case_id, party_id, role)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX case_parties_party ON case_parties (party_id);

      CREATE TABLE hearings (
        id          TEXT PRIMARY KEY,
        case_id     TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        position    INTEGER NOT NULL,
        date        TEXT NOT NULL CHECK (date(date) IS date),
        time        TEXT NOT NULL DEFAULT '' CHECK (time = '' OR (time GLOB '[0-2][0-9]:[0-5][0-9]' AND time < '24:00')),
        description TEXT NOT NULL,
        venue       TEXT NOT NULL DEFAULT '',
        UNIQUE (case_id, position)
      ) STRICT;
      CREATE INDEX hearings_date ON hearings (date);
      CREATE INDEX hearings_case ON hearings (case_id, date);

      -- The questions in the letter of instruction: the report must answer each, in its original
      -- wording, so the text is stored exactly as entered and the order is explicit.
      CREATE TABLE loi_questions (
        id       TEXT PRIMARY KEY,
        case_id  TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        text     TEXT NOT NULL CHECK (length(text) >= 1),
        UNIQUE (case_id, position)
      ) STRICT;
    `);
  },
};
