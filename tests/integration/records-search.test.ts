// Search through the router against a real vault: notes, people and cases in one ranked list,
// highlighted snippets, the filters, accents, prefixes, FTS syntax typed as plain words, and an
// index that follows every change in the same transaction.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE_AND_CASES_FROM } from '../../db/repos/fts';
import { openHarness, type Harness } from './harness';
import { caseInput, noteInput, personInput, rich } from './recordsFixtures';

let h: Harness;
let caseA: string;
let caseB: string;
let personId: string;
let visitNote: string;
let phoneNote: string;

beforeAll(async () => {
  h = await openHarness();
  personId = (await h.ok('createPerson', personInput({ fullName: 'Chloé Marsh', preferredName: 'Clo', languages: 'Polish' }))).id;
  const other = (await h.ok('createPerson', personInput({ fullName: 'Dev Patel', preferredName: '' }))).id;
  caseA = (await h.ok('createCase', caseInput([personId], { title: 'Marsh special guardianship', workType: 'special_guardianship', questions: [{ text: 'Is the grandmother able to meet Chloé’s needs into adulthood?' }] }))).id;
  caseB = (await h.ok('createCase', caseInput([other], { title: 'Patel capacity assessment', workType: 'mca_capacity', questions: [] }))).id;
  visitNote = (await h.ok('createNote', noteInput(caseA, { occurredAt: '2026-02-10T10:00:00+00:00', narrative: rich('Grandmother prepared a packed lunch; Chloé helped spread the butter.') }))).id;
  phoneNote = (await h.ok('createNote', noteInput(caseA, { entryType: 'phone', occurredAt: '2026-03-02T16:00:00+00:00', narrative: rich('Call with the grandmother about lunch money for school trips.') }))).id;
  await h.ok('createNote', noteInput(caseB, { occurredAt: '2026-02-11T10:00:00+00:00', narrative: rich('Mr Patel made lunch independently and explained each step.') }));
});
afterAll(() => h.close());

const ids = async (input: Parameters<Harness['ok']>[1] & object) => (await h.ok('search', input as never)).results.map((r: { id: string }) => r.id);

describe('search', () => {
  it('finds notes, people and cases, with highlighted snippet parts and useful titles', async () => {
    const { results } = await h.ok('search', { query: 'grandmother' });
    expect(results.map((r) => r.kind).sort()).toEqual(['case', 'note', 'note']);
    const note = results.find((r) => r.id === visitNote)!;
    expect(note).toMatchObject({ caseId: caseA, title: 'Home visit: Marsh special guardianship', date: '2026-02-10T10:00:00+00:00', entryType: 'home_visit' });
    expect(note.snippet.filter((p) => p.match).map((p) => p.text.toLowerCase())).toEqual(['grandmother']);
    expect(note.snippet.map((p) => p.text).join('')).toContain('packed lunch');
    const person = (await h.ok('search', { query: 'Polish' })).results[0];
    expect(person).toMatchObject({ kind: 'person', id: personId, caseId: null, title: 'Chloé Marsh (Clo)', date: null, entryType: null });
  });

  it('ignores accents and matches the last word as a prefix', async () => {
    expect(await ids({ query: 'chloe' })).toContain(personId);
    expect(await ids({ query: 'CHLOÉ' })).toContain(personId);
    expect(await ids({ query: 'grandmoth' })).toContain(visitNote);
    expect(await ids({ query: 'packed grandmoth' })).toEqual([visitNote]);
    expect(await ids({ query: 'grandmoth packed' })).toEqual([]); // only the last word is a prefix
  });

  it('filters by case, kind, entry type and date range (the last two mean notes only)', async () => {
    expect((await ids({ query: 'lunch' })).length).toBe(3);
    expect(new Set(await ids({ query: 'lunch', caseId: caseA }))).toEqual(new Set([visitNote, phoneNote]));
    expect(await ids({ query: 'lunch', entryTypes: ['phone'] })).toEqual([phoneNote]);
    expect(await ids({ query: 'lunch', caseId: caseA, from: '2026-02-01', to: '2026-02-28' })).toEqual([visitNote]);
    expect(await ids({ query: 'grandmother', kinds: ['case'] })).toEqual([caseA]);
    expect(await ids({ query: 'grandmother', kinds: ['case', 'case', 'case'] })).toEqual([caseA]);
    expect(await ids({ query: 'marsh', caseId: caseA, kinds: ['person'] })).toEqual([personId]);
    expect(await ids({ query: 'grandmother', kinds: ['case'], entryTypes: ['phone'] })).toEqual([]);
    expect((await h.err('search', { query: 'lunch', from: '2026-03-01', to: '2026-02-01' })).fields).toHaveProperty('to');
  });

  it('treats FTS5 syntax as plain words and never fails on odd input', async () => {
    for (const query of ['"', '""', 'AND', 'lunch OR', 'NEAR(lunch', '*', 'lunch*', '^lunch', 'col:lunch', '(', '-lunch', "O'Brien", '👍', '…', 'a']) {
      const result = await h.call('search', { query });
      expect(result.ok, `query ${JSON.stringify(query)}`).toBe(true);
    }
    // A NUL cannot be typed; like every text field, the contract refuses it with a clear message.
    expect(await h.err('search', { query: '\u0000' })).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await ids({ query: 'lunch OR' })).toEqual([]); // "or" is a word here, and no note has it
    expect(await ids({ query: '"packed lunch"' })).toEqual([visitNote]);
  });

  it('limits the results and rejects an empty query', async () => {
    expect((await h.ok('search', { query: 'lunch', limit: 1 })).results).toHaveLength(1);
    expect((await h.err('search', { query: '   ' })).fields).toEqual({ query: 'Enter something to search for.' });
  });

  it('follows edits at once: updated cases and saved drafts are found by their new words only', async () => {
    await h.ok('updateCase', { id: caseB, ...caseInput([personId], { title: 'Patel deputyship review', questions: [] }) });
    expect(await ids({ query: 'deputyship' })).toEqual([caseB]);
    expect(await ids({ query: 'capacity', kinds: ['case'] })).toEqual([]);
    const { caseId: _c, ...fields } = noteInput(caseA, { entryType: 'phone', occurredAt: '2026-03-02T16:00:00+00:00', narrative: rich('Call about the trampoline in the garden.') });
    await h.ok('saveDraft', { id: phoneNote, ...fields });
    expect(await ids({ query: 'trampoline' })).toEqual([phoneNote]);
    expect(await ids({ query: 'lunch', entryTypes: ['phone'] })).toEqual([]);
  });
});

describe('how the index is kept', () => {
  it('numbers people and cases above notes, so the ranking window always reaches them', () => {
    const db = h.services.vault.db();
    const rows = db.prepare('SELECT kind, doc_id FROM search_docs').all() as { kind: string; doc_id: number }[];
    for (const r of rows) expect(r.doc_id >= PEOPLE_AND_CASES_FROM, `${r.kind} ${r.doc_id}`).toBe(r.kind !== 'note');
  });

  it('finds a person within a case only while they are linked to it', async () => {
    const newcomer = await h.ok('createPerson', personInput({ fullName: 'Wilhelmina Oakes', preferredName: '' }));
    expect(await ids({ query: 'Wilhelmina', caseId: caseA })).toEqual([]);
    await h.ok('updateCase', { id: caseA, ...caseInput([personId, newcomer.id], { title: 'Marsh special guardianship' }) });
    expect(await ids({ query: 'Wilhelmina', caseId: caseA })).toEqual([newcomer.id]);
    await h.ok('updateCase', { id: caseA, ...caseInput([personId], { title: 'Marsh special guardianship' }) });
    expect(await ids({ query: 'Wilhelmina', caseId: caseA })).toEqual([]);
    expect(await ids({ query: 'Wilhelmina' })).toEqual([newcomer.id]);
  });

  it('never lets typed words reach the filter tokens', async () => {
    expect(await ids({ query: 'hkindnote' })).toEqual([]);
    expect(await ids({ query: `hcase${caseA.replaceAll('-', '')}` })).toEqual([]);
  });
});
