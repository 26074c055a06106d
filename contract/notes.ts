// Contract: contemporaneous notes. Drafts autosave; finalising signs a note; a finalised note is
// never edited in place, only amended (who, when, why), with the original kept visible.
import { z } from 'zod';
import { op } from './define';
import { byId, idSchema, isoDateSchema, isoDateTimeSchema, okSchema, requiredText, richTextSchema, shortText } from './common';

export const entryTypes = [
  'home_visit',
  'observation',
  'phone',
  'video_call',
  'meeting',
  'creative_music',
  'creative_dance',
  'creative_art',
  'document_review',
  'reflection',
] as const;
export type EntryType = (typeof entryTypes)[number];
export const entryTypeLabels: Record<EntryType, string> = {
  home_visit: 'Home visit',
  observation: 'Observation',
  phone: 'Phone call',
  video_call: 'Video call',
  meeting: 'Meeting',
  creative_music: 'Creative session: music',
  creative_dance: 'Creative session: dance and movement',
  creative_art: 'Creative session: art',
  document_review: 'Document review',
  reflection: 'Reflection',
};

/** The fields a practitioner writes. Narrative (fact), own voice and analysis (opinion) are separate. */
export const noteFieldsSchema = z
  .object({
    entryType: z.enum(entryTypes),
    occurredAt: isoDateTimeSchema,
    durationMinutes: z.number().int().min(0, 'Duration cannot be negative.').max(24 * 60, 'Duration is at most 24 hours.').nullable(),
    place: shortText(300),
    present: z.array(requiredText('a name', 200)).max(50),
    narrative: richTextSchema,
    ownVoice: richTextSchema,
    analysis: richTextSchema,
    actions: richTextSchema,
  })
  .strict();
export type NoteFields = z.infer<typeof noteFieldsSchema>;
export const amendableFields = ['entryType', 'occurredAt', 'durationMinutes', 'place', 'present', 'narrative', 'ownVoice', 'analysis', 'actions'] as const;

export const noteStatusSchema = z.enum(['draft', 'final']);

export const amendmentSchema = z.object({
  id: idSchema,
  amendedAt: z.string(),
  amendedBy: z.string(),
  reason: z.string(),
  /** Only the fields this amendment changed, with their new values. */
  changes: noteFieldsSchema.partial(),
});
export type Amendment = z.infer<typeof amendmentSchema>;

export const noteSchema = noteFieldsSchema.extend({
  id: idSchema,
  caseId: idSchema,
  status: noteStatusSchema,
  significant: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Increments with every saved change; autosave sends it back to detect a stale editor. */
  revision: z.number().int().nonnegative(),
  signedBy: z.string().nullable(),
  signedAt: z.string().nullable(),
  amendments: z.array(amendmentSchema),
});
export type Note = z.infer<typeof noteSchema>;

export const noteSummarySchema = z.object({
  id: idSchema,
  caseId: idSchema,
  entryType: z.enum(entryTypes),
  occurredAt: z.string(),
  status: noteStatusSchema,
  significant: z.boolean(),
  amendmentCount: z.number().int().nonnegative(),
  /** The first words of the narrative, plain text. */
  preview: z.string(),
  signedAt: z.string().nullable(),
});
export type NoteSummary = z.infer<typeof noteSummarySchema>;

export const notesOperations = {
  createNote: op({ input: z.object({ caseId: idSchema }).extend(noteFieldsSchema.shape).strict(), output: noteSchema }),
  /** Autosave of a draft. Refused for a finalised note (amend it instead). */
  saveDraft: op({
    input: noteFieldsSchema.extend({ id: idSchema, expectedRevision: z.number().int().nonnegative().optional() }).strict(),
    output: noteSchema,
  }),
  /** Signs the draft with the practitioner's name and the time. */
  finaliseNote: op({ input: byId, output: noteSchema }),
  amendNote: op({
    input: z
      .object({
        id: idSchema,
        reason: requiredText('the reason for the amendment', 2000),
        changes: noteFieldsSchema.partial(),
      })
      .strict(),
    output: noteSchema,
  }),
  /** Flags a note as a significant event for the chronology (allowed on finalised notes too). */
  setNoteSignificant: op({ input: z.object({ id: idSchema, significant: z.boolean() }).strict(), output: noteSchema }),
  /** Only drafts can be discarded; finalised notes are part of the record. */
  discardDraft: op({ input: byId, output: okSchema }),
  getNote: op({ input: byId, output: noteSchema }),
  listNotes: op({
    input: z
      .object({
        caseId: idSchema,
        entryTypes: z.array(z.enum(entryTypes)).max(entryTypes.length).optional(),
        from: isoDateSchema.optional(),
        to: isoDateSchema.optional(),
        /** Cursor from the previous page (opaque). */
        before: z.string().max(200).optional(),
        limit: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
    output: z.object({ notes: z.array(noteSummarySchema), nextCursor: z.string().nullable() }),
  }),
};
