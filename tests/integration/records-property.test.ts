// Property-based tests for every case-records operation, through the router against one real
// vault: random JSON, and near-valid payloads (a valid payload with one part dropped, replaced by
// junk, or joined by an unknown key). Each request ends in a valid result or a typed error, never a
// crash (INTERNAL); and a request that fails changes nothing at all.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { casesOperations, notesOperations, partiesOperations, peopleOperations, searchOperations, tasksOperations } from '../../contract';
import { openHarness, type Harness } from './harness';
import { caseInput, noteInput, partyInput, personInput, rich, taskInput } from './recordsFixtures';

const recordOperations = { ...peopleOperations, ...partiesOperations, ...casesOperations, ...notesOperations, ...tasksOperations, ...searchOperations };
const records = Object.keys(recordOperations) as (keyof typeof recordOperations)[];
const TYPED = new Set(['INVALID_INPUT', 'NOT_FOUND', 'REFUSED', 'PAYLOAD_TOO_LARGE']);
const RUNS_RANDOM = 40;
const RUNS_NEAR = 80;

let h: Harness;
const pool = { person: [] as string[], linkedPerson: [] as string[], kase: [] as string[], draft: [] as string[], final: [] as string[], party: [] as string[], task: [] as string[] };

beforeAll(async () => {
  h = await openHarness();
  for (let i = 0; i < 3; i++) {
    const free = await h.ok('createPerson', personInput({ fullName: `Free Person ${i}` }));
    const linked = await h.ok('createPerson', personInput({ fullName: `Linked Person ${i}` }));
    const kase = await h.ok('createCase', caseInput([linked.id], { instructionReceived: '2026-01-10' }));
    const draft = await h.ok('createNote', noteInput(kase.id));
    const final = await h.ok('finaliseNote', { id: (await h.ok('createNote', noteInput(kase.id))).id });
    const party = await h.ok('createParty', partyInput());
    const task = await h.ok('createTask', taskInput(kase.id));
    pool.person.push(free.id);
    pool.linkedPerson.push(linked.id);
    pool.kase.push(kase.id);
    pool.draft.push(draft.id);
    pool.final.push(final.id);
    pool.party.push(party.id);
    pool.task.push(task.id);
  }
});
afterAll(() => h.close());

/** Every table's rows except FTS5's own shadow tables (whose content search_index itself shows). */
function fingerprint(): string {
  const db = h.services.vault.db();
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_index_%' ORDER BY name").pluck().all() as string[];
  return tables.map((t) => `${t}:${JSON.stringify(db.prepare(`SELECT * FROM "${t}" ORDER BY 1`).raw().all())}`).join('\n');
}

const uuid = fc.uuid({ version: 4 });
const pick = (ids: string[]) => fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...ids) }, { weight: 1, arbitrary: uuid });
const isoDate = fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const weirdText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('', ' ', '"', '*', 'AND', 'NEAR(', '\u0000', '\u0002x\u0003', '%_\\', 'x'.repeat(5000), '2026-02-30', '25:99'),
);
const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  weirdText,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constantFrom(null, undefined, -1, 0, 1e9, [], {}),
  uuid,
  isoDate,
);

/** Every [path, value] inside a payload, so a mutation can reach nested fields (a question's text…). */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([k, v]) => paths(v, [...prefix, k]))];
}

function setAt(root: unknown, path: (string | number)[], next: unknown, remove: boolean): unknown {
  if (path.length === 0) return remove ? undefined : next;
  const [head, ...rest] = path;
  if (Array.isArray(root)) {
    const copy = [...(root as unknown[])];
    if (rest.length === 0 && remove) copy.splice(head as number, 1);
    else copy[head as number] = setAt(copy[head as number], rest, next, remove);
    return copy;
  }
  const copy: Record<string, unknown> = { ...(root as Record<string, unknown>) };
  if (rest.length === 0 && remove) delete copy[head!];
  else copy[head!] = setAt(copy[head!], rest, next, remove);
  return copy;
}

/** A valid payload, or that payload with one part dropped, replaced or joined by an unknown key. */
function nearValid(base: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<unknown> {
  return base.chain((valid) => {
    const all = paths(valid).filter((p) => p.length > 0);
    const mutations: fc.Arbitrary<unknown>[] = [fc.constant(valid), fc.tuple(fc.string({ maxLength: 12 }), junk).map(([k, v]) => ({ ...valid, [k]: v }))];
    if (all.length > 0) {
      mutations.push(fc.tuple(fc.constantFrom(...all), junk).map(([p, v]) => setAt(valid, p, v, false)));
      mutations.push(fc.constantFrom(...all).map((p) => setAt(valid, p, undefined, true)));
    }
    return fc.oneof(...mutations);
  });
}

const fields = <T extends { caseId?: unknown }>(v: T) => {
  const { caseId: _caseId, ...rest } = v;
  return rest;
};

/** A valid payload per operation, drawing ids from the records made in beforeAll (or a random uuid). */
const valid = (): Record<(typeof records)[number], fc.Arbitrary<Record<string, unknown>>> => ({
  listPeople: fc.record({ query: fc.constantFrom('Person', 'linked', '') }),
  getPerson: fc.record({ id: pick(pool.person.concat(pool.linkedPerson)) }),
  createPerson: fc.constant(personInput()),
  updatePerson: pick(pool.person).map((id) => ({ id, ...personInput({ fullName: 'Renamed Person' }) })),
  deletePerson: fc.record({ id: pick(pool.linkedPerson) }),
  listParties: fc.record({ query: fc.constantFrom('Shah', '') }),
  createParty: fc.constant(partyInput()),
  updateParty: pick(pool.party).map((id) => ({ id, ...partyInput({ organisation: 'Renamed LLP' }) })),
  deleteParty: fc.record({ id: pick(pool.party) }),
  linkParty: fc.record({ caseId: pick(pool.kase), partyId: pick(pool.party), role: fc.constantFrom('mother', 'imca', 'other'), roleDetail: fc.constant('') }),
  unlinkParty: fc.record({ caseId: pick(pool.kase), partyId: pick(pool.party), role: fc.constantFrom('mother', 'other') }),
  listCases: fc.record({ statuses: fc.constant(['active', 'instructed']), sort: fc.constantFrom('deadline', 'title', 'updated') }),
  getCase: fc.record({ id: pick(pool.kase) }),
  createCase: pick(pool.linkedPerson).map((p) => caseInput([p])),
  updateCase: fc.tuple(pick(pool.kase), pick(pool.linkedPerson), isoDate).map(([id, p, deadline]) => ({ id, ...caseInput([p], { filingDeadline: deadline }) })),
  createNote: pick(pool.kase).map((caseId) => noteInput(caseId)),
  saveDraft: fc.tuple(pick(pool.draft.concat(pool.final)), fc.nat(5)).map(([id, rev]) => ({ id, ...fields(noteInput(pool.kase[0]!)), expectedRevision: rev })),
  finaliseNote: fc.record({ id: pick(pool.draft.concat(pool.final)) }),
  amendNote: fc.tuple(pick(pool.final.concat(pool.draft)), fc.string({ minLength: 1, maxLength: 20 })).map(([id, word]) => ({ id, reason: 'Correction', changes: { place: `Place ${word}`, analysis: rich(`Revised ${word}`) } })),
  setNoteSignificant: fc.record({ id: pick(pool.draft.concat(pool.final)), significant: fc.boolean() }),
  discardDraft: fc.record({ id: pick(pool.draft.concat(pool.final)) }),
  getNote: fc.record({ id: pick(pool.draft.concat(pool.final)) }),
  listNotes: fc.record({ caseId: pick(pool.kase), entryTypes: fc.constant(['home_visit']), from: isoDate, limit: fc.integer({ min: 1, max: 20 }) }),
  listTasks: fc.record({ caseId: pick(pool.kase) }),
  createTask: fc.tuple(pick(pool.kase), isoDate).map(([caseId, dueDate]) => taskInput(caseId, { dueDate })),
  updateTask: fc.tuple(pick(pool.task), isoDate).map(([id, dueDate]) => ({ id, ...fields(taskInput('')), dueDate })),
  setTaskDone: fc.record({ id: pick(pool.task), done: fc.boolean() }),
  deleteTask: fc.record({ id: pick(pool.task) }),
  getDashboard: fc.record({ today: isoDate }),
  search: fc.record({ query: fc.constantFrom('drum', 'Person', 'lunch bedtime'), caseId: pick(pool.kase), limit: fc.integer({ min: 1, max: 50 }) }),
});

const stats = { ok: 0, refused: 0 };

async function check(operation: string, payload: unknown): Promise<void> {
  const before = fingerprint();
  const result = await h.raw(operation, payload);
  if (result.ok) {
    stats.ok++;
    return;
  }
  stats.refused++;
  expect(TYPED.has(result.error.code), `${operation} ended in ${result.error.code}`).toBe(true);
  expect(typeof result.error.message).toBe('string');
  expect(fingerprint(), `${operation} failed with ${result.error.code} but changed the vault`).toBe(before);
}

describe('every case-records operation, with random payloads', () => {
  it('covers all 30 operations', () => {
    expect(Object.keys(valid()).sort()).toEqual([...records].sort());
  });

  it.each(records)('%s: random JSON gets a typed error or a valid result, and a failure changes nothing', async (operation) => {
    await fc.assert(fc.asyncProperty(fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.anything({ maxDepth: 2 })), (payload) => check(operation, payload)), { numRuns: RUNS_RANDOM });
  });

  it.each(records)('%s: near-valid payloads get a typed error or a valid result, and a failure changes nothing', async (operation) => {
    await fc.assert(fc.asyncProperty(nearValid(valid()[operation]), (payload) => check(operation, payload)), { numRuns: RUNS_NEAR });
  });

  it('search never fails on whatever is typed', async () => {
    const typed = fc.oneof(
      weirdText,
      fc.array(fc.constantFrom('"', '*', 'AND', 'OR', 'NOT', 'NEAR(', ')', '^', ':', '-', '+', 'drum', 'lunch', 'é', '\u0000', ' ', '""'), { maxLength: 12 }).map((parts) => parts.join(' ')),
      fc.array(fc.constantFrom('"', '*', '(', ')', '^', ':', 'a', 'Z', '0'), { maxLength: 30 }).map((parts) => parts.join('')),
    );
    await fc.assert(
      fc.asyncProperty(typed, async (query) => {
        const result = await h.raw('search', { query });
        if (!result.ok) expect(result.error.code).toBe('INVALID_INPUT');
      }),
      { numRuns: 400 },
    );
  });

  it('did exercise both outcomes', () => {
    expect(stats.ok).toBeGreaterThan(200);
    expect(stats.refused).toBeGreaterThan(1000);
  });
});
