// The seed generator: what it writes is exactly what the app would accept and show. A small seeded
// vault is read back through the router, so every case view, note and search result passes the
// contract's output validation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedRecords } from '../../scripts/seed/fill';
import { openHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(() => h.close());

describe('seed generator', () => {
  it('fills a vault with every kind of record, all readable through the router', async () => {
    const summary = seedRecords(h.services.vault.db(), { cases: 12, notes: 600, seed: 7, today: '2026-11-23' });
    expect(summary).toMatchObject({ cases: 12, notes: 600 });
    expect(summary.finalised).toBeGreaterThan(300);
    expect(summary.amended).toBeGreaterThan(0);
    expect(summary.significant).toBeGreaterThan(0);

    const { cases } = await h.ok('listCases', {});
    expect(new Set(cases.map((c) => c.workType)).size).toBe(10);
    let notes = 0;
    const entryTypes = new Set<string>();
    for (const c of cases) {
      const kase = await h.ok('getCase', { id: c.id });
      expect(kase.questions.length).toBeGreaterThan(0);
      expect(kase.parties.length).toBeGreaterThan(0);
      notes += kase.counts.notes;
      for (const n of kase.latestNotes) entryTypes.add(n.entryType);
      if (kase.latestNotes[0]) await h.ok('getNote', { id: kase.latestNotes[0].id });
      await h.ok('listTasks', { caseId: c.id });
    }
    expect(notes).toBe(600);
    expect(entryTypes.size).toBe(10);
    const { people } = await h.ok('listPeople', {});
    for (const p of people.slice(0, 10)) expect((await h.ok('getPerson', { id: p.id })).communication.modes.length).toBeGreaterThan(0);
    expect((await h.ok('search', { query: 'school' })).results.length).toBeGreaterThan(0);
    await h.ok('getDashboard', {});
  });
});
