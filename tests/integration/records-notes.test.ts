// Contemporaneous notes through the router against a real vault: drafts and autosave, finalising
// (signing), amendments with the original kept, the significant flag, discarding drafts, the
// timeline with its cursor, and every refusal leaving the vault exactly as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { richTextToPlain } from '../../contract';
import { manualClock, openHarness, PRACTITIONER, vaultFingerprint, type Harness } from './harness';
import { caseInput, noteInput, personInput, rich } from './recordsFixtures';

let h: Harness;
let caseId: string;
const clock = manualClock('2026-02-03T11:00:00.000Z');

beforeAll(async () => {
  h = await openHarness({ clock });
  const person = await h.ok('createPerson', personInput());
  caseId = (await h.ok('createCase', caseInput([person.id]))).id;
});
afterAll(() => h.close());

/** Asserts that `action` is refused with `code` and leaves every table untouched. */
async function refusedUnchanged(action: () => Promise<{ ok: boolean; error?: { code: string; message: string; fields?: Record<string, string> } }>, code: string) {
  const before = vaultFingerprint(h);
  const result = await action();
  expect(result.ok).toBe(false);
  expect(result.error?.code).toBe(code);
  expect(vaultFingerprint(h)).toBe(before);
  return result.error!;
}

describe('drafts', () => {
  it('creates a draft with revision 1, unsigned and unamended', async () => {
    const note = await h.ok('createNote', noteInput(caseId));
    expect(note).toMatchObject({ caseId, status: 'draft', revision: 1, signedBy: null, signedAt: null, significant: false, amendments: [] });
    expect(note.createdAt).toBe('2026-02-03T11:00:00.000Z');
    expect(await h.ok('getNote', { id: note.id })).toEqual(note);
  });

  it('refuses a note for a case that does not exist', async () => {
    const error = await refusedUnchanged(() => h.call('createNote', noteInput('7f0c4a52-5d1e-4a8e-9a43-1f7b1e2f3a4b')), 'NOT_FOUND');
    expect(error.message).toMatch(/case could not be found/);
  });

  it('autosaves: each change bumps the revision; saving the same text changes nothing', async () => {
    const note = await h.ok('createNote', noteInput(caseId));
    clock.advance(60_000);
    const { caseId: _c, ...fields } = noteInput(caseId, { narrative: rich('Jordan was drumming on the table when I arrived.') });
    const saved = await h.ok('saveDraft', { id: note.id, ...fields, expectedRevision: 1 });
    expect(saved.revision).toBe(2);
    expect(richTextToPlain(saved.narrative)).toBe('Jordan was drumming on the table when I arrived.');
    expect(saved.updatedAt).toBe('2026-02-03T11:01:00.000Z');
    const before = vaultFingerprint(h);
    expect((await h.ok('saveDraft', { id: note.id, ...fields, expectedRevision: 2 })).revision).toBe(2);
    expect(vaultFingerprint(h)).toBe(before);
  });

  it('refuses a save from a stale editor and keeps the newer text', async () => {
    const note = await h.ok('createNote', noteInput(caseId));
    const { caseId: _c, ...fields } = noteInput(caseId, { narrative: rich('Newer text from another window.') });
    await h.ok('saveDraft', { id: note.id, ...fields, expectedRevision: 1 });
    const error = await refusedUnchanged(() => h.call('saveDraft', { id: note.id, ...fields, place: 'Elsewhere', expectedRevision: 1 }), 'REFUSED');
    expect(error.message).toMatch(/saved from somewhere else/);
    expect((await h.ok('getNote', { id: note.id })).place).toBe('Family home, Armley');
  });

  it('rejects an invalid draft at the router with field messages', async () => {
    const note = await h.ok('createNote', noteInput(caseId));
    const { caseId: _c, ...fields } = noteInput(caseId);
    const error = await refusedUnchanged(() => h.raw('saveDraft', { id: note.id, ...fields, durationMinutes: -5 }), 'INVALID_INPUT');
    expect(error.fields).toEqual({ durationMinutes: 'Duration cannot be negative.' });
  });
});

describe('finalising and amending', () => {
  it('signs with the practitioner’s name and the time, and never edits in place afterwards', async () => {
    const draft = await h.ok('createNote', noteInput(caseId));
    clock.set('2026-02-03T12:15:00.000Z');
    const final = await h.ok('finaliseNote', { id: draft.id });
    expect(final).toMatchObject({ status: 'final', signedBy: PRACTITIONER, signedAt: '2026-02-03T12:15:00.000Z', revision: 2 });

    const { caseId: _c, ...fields } = noteInput(caseId, { narrative: rich('Rewritten after signing.') });
    const error = await refusedUnchanged(() => h.call('saveDraft', { id: draft.id, ...fields }), 'REFUSED');
    expect(error.message).toBe('This note is finalised. Add an amendment instead.');
    expect(await refusedUnchanged(() => h.call('finaliseNote', { id: draft.id }), 'REFUSED')).toMatchObject({ message: 'This note is already finalised.' });
    expect((await refusedUnchanged(() => h.call('discardDraft', { id: draft.id }), 'REFUSED')).message).toMatch(/part of the record/);
  });

  it('refuses to finalise an empty note, or without a name to sign with', async () => {
    const empty = await h.ok('createNote', noteInput(caseId, { narrative: rich(''), ownVoice: rich(''), analysis: rich(' '), actions: rich('') }));
    expect((await refusedUnchanged(() => h.call('finaliseNote', { id: empty.id }), 'REFUSED')).message).toMatch(/empty/);

    const note = await h.ok('createNote', noteInput(caseId));
    await h.ok('updateSettings', { practitionerName: '' });
    try {
      expect((await refusedUnchanged(() => h.call('finaliseNote', { id: note.id }), 'REFUSED')).message).toMatch(/Add your name in Settings/);
    } finally {
      await h.ok('updateSettings', { practitionerName: PRACTITIONER });
    }
  });

  it('amends a finalised note: the original stays, the amendment says who, when, why and what changed', async () => {
    const draft = await h.ok('createNote', noteInput(caseId, { narrative: rich('Visit began at 10:00. Jordan hummed a tune.') }));
    const final = await h.ok('finaliseNote', { id: draft.id });
    clock.set('2026-02-05T09:00:00.000Z');
    const amended = await h.ok('amendNote', {
      id: draft.id,
      reason: 'The visit was on the 4th; I recorded the wrong day.',
      changes: { occurredAt: '2026-02-04T10:00:00+00:00', place: 'Family home, Armley', analysis: rich('On reflection the warmth seemed guarded.') },
    });
    // Original fields as signed, untouched.
    expect(amended.occurredAt).toBe(final.occurredAt);
    expect(amended.analysis).toEqual(final.analysis);
    expect(amended.signedAt).toBe(final.signedAt);
    expect(amended.revision).toBe(final.revision + 1);
    // Only what really changed is recorded (the place was already that).
    expect(amended.amendments).toEqual([
      {
        id: expect.any(String),
        amendedAt: '2026-02-05T09:00:00.000Z',
        amendedBy: PRACTITIONER,
        reason: 'The visit was on the 4th; I recorded the wrong day.',
        changes: { occurredAt: '2026-02-04T10:00:00+00:00', analysis: rich('On reflection the warmth seemed guarded.') },
      },
    ]);
    // Lists follow the amended note; search finds the original and the amendment.
    const listed = (await h.ok('listNotes', { caseId, limit: 200 })).notes.find((n) => n.id === draft.id)!;
    expect(listed).toMatchObject({ occurredAt: '2026-02-04T10:00:00+00:00', amendmentCount: 1, status: 'final' });
    for (const query of ['guarded', 'hummed']) {
      expect((await h.ok('search', { query })).results.map((r) => r.id)).toContain(draft.id);
    }
    const again = await h.ok('amendNote', { id: draft.id, reason: 'Added the school’s view.', changes: { actions: rich('Speak to the SENCo.') } });
    expect(again.amendments.map((a) => a.reason)).toEqual(['The visit was on the 4th; I recorded the wrong day.', 'Added the school’s view.']);
  });

  it('refuses an amendment without a reason, one that changes nothing, and one to a draft', async () => {
    const note = await h.ok('finaliseNote', { id: (await h.ok('createNote', noteInput(caseId))).id });
    const noReason = await refusedUnchanged(() => h.raw('amendNote', { id: note.id, reason: '   ', changes: { place: 'Contact centre' } }), 'INVALID_INPUT');
    expect(noReason.fields?.reason).toBe('Enter the reason for the amendment.');
    const missing = await refusedUnchanged(() => h.raw('amendNote', { id: note.id, changes: { place: 'Contact centre' } }), 'INVALID_INPUT');
    expect(Object.keys(missing.fields ?? {})).toEqual(['reason']);
    expect((await refusedUnchanged(() => h.call('amendNote', { id: note.id, reason: 'Tidy', changes: {} }), 'REFUSED')).fields).toHaveProperty('changes');
    await refusedUnchanged(() => h.call('amendNote', { id: note.id, reason: 'Tidy', changes: { place: note.place } }), 'REFUSED');
    const draft = await h.ok('createNote', noteInput(caseId));
    expect((await refusedUnchanged(() => h.call('amendNote', { id: draft.id, reason: 'Tidy', changes: { place: 'X' } }), 'REFUSED')).message).toMatch(/still a draft/);
  });

  it('the database itself refuses to change or delete a finalised note', async () => {
    const note = await h.ok('finaliseNote', { id: (await h.ok('createNote', noteInput(caseId))).id });
    const db = h.services.vault.db();
    expect(() => db.prepare("UPDATE notes SET narrative = '{}' WHERE id = ?").run(note.id)).toThrow(/never edited in place/);
    expect(() => db.prepare("UPDATE notes SET status = 'draft', signed_at = NULL, signed_by = NULL WHERE id = ?").run(note.id)).toThrow();
    expect(() => db.prepare('DELETE FROM notes WHERE id = ?').run(note.id)).toThrow(/cannot be deleted/);
  });
});

describe('significance and discarding', () => {
  it('flags drafts and finalised notes as significant without making an open editor stale', async () => {
    const draft = await h.ok('createNote', noteInput(caseId));
    const flagged = await h.ok('setNoteSignificant', { id: draft.id, significant: true });
    expect(flagged).toMatchObject({ significant: true, revision: draft.revision });
    const final = await h.ok('finaliseNote', { id: draft.id });
    expect((await h.ok('setNoteSignificant', { id: final.id, significant: false })).significant).toBe(false);
    expect((await h.ok('setNoteSignificant', { id: final.id, significant: true })).significant).toBe(true);
    const counts = (await h.ok('getCase', { id: caseId })).counts;
    expect(counts.significant).toBeGreaterThanOrEqual(1);
  });

  it('discards a draft completely, including from search', async () => {
    const draft = await h.ok('createNote', noteInput(caseId, { narrative: rich('Xylophone practice in the garden.') }));
    expect((await h.ok('search', { query: 'xylophone' })).results).toHaveLength(1);
    expect(await h.ok('discardDraft', { id: draft.id })).toEqual({ ok: true });
    expect((await h.err('getNote', { id: draft.id })).code).toBe('NOT_FOUND');
    expect((await h.ok('search', { query: 'xylophone' })).results).toHaveLength(0);
    await refusedUnchanged(() => h.call('discardDraft', { id: draft.id }), 'NOT_FOUND');
  });
});

describe('the timeline', () => {
  it('pages newest first with an opaque cursor, and filters by entry type and date', async () => {
    const person = await h.ok('createPerson', personInput({ fullName: 'Timeline Person' }));
    const kase = await h.ok('createCase', caseInput([person.id], { title: 'Timeline case' }));
    const days = ['2026-02-01', '2026-02-02', '2026-02-03', '2026-02-04', '2026-02-05', '2026-02-06', '2026-02-07'];
    for (const [i, day] of days.entries()) {
      await h.ok('createNote', noteInput(kase.id, { occurredAt: `${day}T09:00:00+00:00`, entryType: i % 2 ? 'phone' : 'home_visit' }));
    }
    const seen: string[] = [];
    let before: string | undefined;
    for (const size of [3, 3, 1]) {
      const page: { notes: { occurredAt: string }[]; nextCursor: string | null } = await h.ok('listNotes', { caseId: kase.id, limit: 3, ...(before ? { before } : {}) });
      expect(page.notes).toHaveLength(size);
      seen.push(...page.notes.map((n) => n.occurredAt.slice(0, 10)));
      before = page.nextCursor ?? undefined;
    }
    expect(before).toBeUndefined();
    expect(seen).toEqual([...days].reverse());

    const phones = await h.ok('listNotes', { caseId: kase.id, entryTypes: ['phone'], from: '2026-02-03', to: '2026-02-06' });
    expect(phones.notes.map((n) => [n.entryType, n.occurredAt.slice(0, 10)])).toEqual([
      ['phone', '2026-02-06'],
      ['phone', '2026-02-04'],
    ]);
    expect((await h.ok('getCase', { id: kase.id })).latestNotes.map((n) => n.occurredAt.slice(0, 10))).toEqual([...days].reverse());
  });

  it('refuses a cursor it did not make, a reversed date range and a missing case', async () => {
    expect((await h.err('listNotes', { caseId, before: 'not-a-cursor' })).fields).toHaveProperty('before');
    expect((await h.err('listNotes', { caseId, from: '2026-03-01', to: '2026-02-01' })).fields).toHaveProperty('to');
    expect((await h.err('listNotes', { caseId: '7f0c4a52-5d1e-4a8e-9a43-1f7b1e2f3a4b' })).code).toBe('NOT_FOUND');
  });
});
