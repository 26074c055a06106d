// Handlers: contemporaneous notes. Drafts autosave; finalising signs with the practitioner's name;
// a finalised note changes only by amendment. The plain text for previews and the search index is
// derived here, where the rich-text format (the contract's) is known.
import { richTextToPlain, type notesOperations } from '../../contract';
import {
  amendNote,
  createNote,
  discardDraft,
  finaliseNote,
  getNote,
  saveDraft,
  setNoteSignificant,
  type NoteDescriber,
  type NoteValues,
} from '../../db/repos/notes';
import { listNotes } from '../../db/repos/noteList';
import type { HandlerMap } from '../router/types';
import { db, nowIso, practitionerName, withRecordErrors } from './records';

const PREVIEW_CHARS = 160;

/** The first words of a text, on one line, cut at a word boundary. */
export function previewOf(text: string, max = PREVIEW_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

// The entry type is a filter, not text: indexing its label would make "visit" match every home visit.
const textOf = (v: Partial<NoteValues>): string[] => [
  richTextToPlain(v.narrative),
  richTextToPlain(v.ownVoice),
  richTextToPlain(v.analysis),
  richTextToPlain(v.actions),
  v.place ?? '',
  (v.present ?? []).join(', '),
];

/** Preview from the note as amended; the index holds the original and every amendment, reasons included. */
export const describeNote: NoteDescriber = (note, current) => ({
  preview: previewOf(richTextToPlain(current.narrative)),
  title: '',
  body: [...textOf(note), ...note.amendments.flatMap((a) => [a.reason, ...textOf(a.changes)])].filter(Boolean).join('\n'),
});

export const notesHandlers: HandlerMap<typeof notesOperations> = withRecordErrors({
  createNote: ({ caseId, ...fields }, { services }) => createNote(db(services), caseId, fields, nowIso(services), describeNote),
  saveDraft: ({ id, expectedRevision, ...fields }, { services }) => saveDraft(db(services), id, fields, expectedRevision, nowIso(services), describeNote),
  finaliseNote: ({ id }, { services }) => finaliseNote(db(services), id, practitionerName(services), nowIso(services)),
  amendNote: ({ id, reason, changes }, { services }) =>
    amendNote(db(services), id, { reason, changes, amendedBy: practitionerName(services) }, nowIso(services), describeNote),
  setNoteSignificant: ({ id, significant }, { services }) => setNoteSignificant(db(services), id, significant, nowIso(services)),
  discardDraft: ({ id }, { services }) => {
    discardDraft(db(services), id);
    return { ok: true as const };
  },
  getNote: ({ id }, { services }) => getNote(db(services), id),
  listNotes: (query, { services }) => listNotes(db(services), query),
});
