// Cases, tasks and the dashboard through the router against a real vault: the case view, questions
// in their original wording with stable ids, deadlines that cannot precede the instruction, and the
// dashboard's overdue / due-soon / hearings / status counts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseStatuses } from '../../contract';
import { manualClock, openHarness, vaultFingerprint, type Harness } from './harness';
import { caseInput, noteInput, personInput, taskInput } from './recordsFixtures';

let h: Harness;
let personId: string;
const clock = manualClock('2026-03-16T12:00:00.000Z');
const MISSING = '7f0c4a52-5d1e-4a8e-9a43-1f7b1e2f3a4b';

beforeAll(async () => {
  h = await openHarness({ clock });
  personId = (await h.ok('createPerson', personInput())).id;
});
afterAll(() => h.close());

describe('cases', () => {
  it('creates a case and returns the whole case view', async () => {
    const input = caseInput([personId]);
    const kase = await h.ok('createCase', input);
    expect(kase).toMatchObject({ ...input, questions: input.questions.map((q) => ({ id: expect.any(String), text: q.text })) });
    expect(kase.people).toEqual([expect.objectContaining({ id: personId, fullName: 'Jordan Ellis' })]);
    expect(kase.counts).toEqual({ notes: 0, drafts: 0, significant: 0, openTasks: 0 });
    expect(await h.ok('getCase', { id: kase.id })).toEqual(kase);
  });

  it('keeps letter-of-instruction questions verbatim and in order, with ids that survive edits', async () => {
    const wording = 'In the light of  the parents’ history, what — if any — support would be needed?';
    const kase = await h.ok('createCase', caseInput([personId], { questions: [{ text: 'Q one?' }, { text: wording }, { text: 'Q three?' }] }));
    const [q1, q2, q3] = kase.questions;
    expect(q2!.text).toBe(wording);
    const updated = await h.ok('updateCase', {
      id: kase.id,
      ...caseInput([personId]),
      questions: [{ id: q3!.id, text: 'Q three?' }, { id: q1!.id, text: 'Q one, corrected?' }, { text: 'A new question?' }],
    });
    expect(updated.questions.map((q) => q.text)).toEqual(['Q three?', 'Q one, corrected?', 'A new question?']);
    expect(updated.questions.slice(0, 2).map((q) => q.id)).toEqual([q3!.id, q1!.id]);

    const error = await h.err('updateCase', { id: kase.id, ...caseInput([personId]), questions: [{ id: q2!.id, text: 'Gone already' }] });
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.fields).toHaveProperty(['questions.0.id']);
  });

  it('refuses a filing deadline before the instruction was received, on create and on update, changing nothing', async () => {
    const before = vaultFingerprint(h);
    const error = await h.err('createCase', caseInput([personId], { instructionReceived: '2026-02-01', filingDeadline: '2026-01-31' }));
    expect(error).toEqual({
      code: 'REFUSED',
      message: 'The filing deadline cannot be before the date the instruction was received.',
      fields: { filingDeadline: 'The filing deadline cannot be before the date the instruction was received.' },
    });
    expect(vaultFingerprint(h)).toBe(before);

    const kase = await h.ok('createCase', caseInput([personId]));
    const snapshot = vaultFingerprint(h);
    expect((await h.err('updateCase', { id: kase.id, ...caseInput([personId], { filingDeadline: '2025-12-01' }) })).fields).toHaveProperty('filingDeadline');
    expect(vaultFingerprint(h)).toBe(snapshot);
    // A letter of instruction dated before it arrived, and an earlier hearing, are normal.
    await h.ok('updateCase', { id: kase.id, ...caseInput([personId], { letterOfInstructionDate: '2025-12-20', hearings: [{ date: '2025-12-01', time: '', description: 'CMH', venue: '' }] }) });
  });

  it('refuses people who do not exist, and a case that does not exist', async () => {
    const error = await h.err('createCase', caseInput([personId, MISSING]));
    expect(error).toMatchObject({ code: 'NOT_FOUND', fields: { personIds: expect.any(String) } });
    expect((await h.err('updateCase', { id: MISSING, ...caseInput([personId]) })).code).toBe('NOT_FOUND');
    expect((await h.err('getCase', { id: MISSING })).code).toBe('NOT_FOUND');
    expect((await h.err('createCase', caseInput([]))).fields).toEqual({ personIds: 'Choose the person or people the case is about.' });
  });

  it('counts notes, drafts, significant notes and open tasks on the case view', async () => {
    const kase = await h.ok('createCase', caseInput([personId]));
    const a = await h.ok('createNote', noteInput(kase.id));
    await h.ok('createNote', noteInput(kase.id));
    await h.ok('finaliseNote', { id: a.id });
    await h.ok('setNoteSignificant', { id: a.id, significant: true });
    await h.ok('createTask', taskInput(kase.id));
    const done = await h.ok('createTask', taskInput(kase.id, { title: 'Done already' }));
    await h.ok('setTaskDone', { id: done.id, done: true });
    expect((await h.ok('getCase', { id: kase.id })).counts).toEqual({ notes: 2, drafts: 1, significant: 1, openTasks: 1 });
  });

  it('lists cases filtered by status and sorted by deadline, title or last update', async () => {
    const other = await h.ok('createPerson', personInput({ fullName: 'Lena Novak' }));
    const early = await h.ok('createCase', caseInput([other.id, personId], { title: 'Aardvark early', status: 'active', filingDeadline: '2026-03-01', hearings: [{ date: '2026-03-20', time: '', description: 'FH', venue: '' }] }));
    const late = await h.ok('createCase', caseInput([other.id], { title: 'Zebra late', status: 'active', filingDeadline: '2026-12-01' }));
    const { cases } = await h.ok('listCases', { statuses: ['active'] });
    expect(cases.map((c) => c.id)).toEqual([early.id, late.id]);
    expect(cases[0]).toMatchObject({ people: ['Lena Novak', 'Jordan Ellis'], nextHearing: '2026-03-20', filingDeadline: '2026-03-01' });
    expect((await h.ok('listCases', { statuses: ['active'], sort: 'title' })).cases.map((c) => c.title)).toEqual(['Aardvark early', 'Zebra late']);
    clock.advance(1000);
    await h.ok('updateCase', { id: early.id, ...caseInput([other.id], { title: 'Aardvark early', status: 'active' }) });
    expect((await h.ok('listCases', { sort: 'updated' })).cases[0]?.id).toBe(early.id);
  });
});

describe('tasks', () => {
  it('creates, updates, completes, reopens and deletes a task', async () => {
    const kase = await h.ok('createCase', caseInput([personId]));
    const task = await h.ok('createTask', taskInput(kase.id));
    expect(task).toMatchObject({ caseId: kase.id, title: 'Request school records', dueDate: '2026-02-10', done: false, doneAt: null });
    const updated = await h.ok('updateTask', { id: task.id, title: 'Request GP records', dueDate: '2026-02-12', detail: 'Consent form signed.' });
    expect(updated).toMatchObject({ title: 'Request GP records', dueDate: '2026-02-12', detail: 'Consent form signed.' });
    expect((await h.ok('setTaskDone', { id: task.id, done: true })).doneAt).toBe(new Date(clock.now()).toISOString());
    expect((await h.ok('setTaskDone', { id: task.id, done: false })).doneAt).toBeNull();
    expect((await h.ok('listTasks', { caseId: kase.id })).tasks).toHaveLength(1);
    expect(await h.ok('deleteTask', { id: task.id })).toEqual({ ok: true });
    expect((await h.err('deleteTask', { id: task.id })).code).toBe('NOT_FOUND');
    expect((await h.err('listTasks', { caseId: MISSING })).code).toBe('NOT_FOUND');
  });

  it('refuses a due date before the instruction was received, and an instruction date after a task is due', async () => {
    const kase = await h.ok('createCase', caseInput([personId], { instructionReceived: '2026-01-10' }));
    const before = vaultFingerprint(h);
    expect(await h.err('createTask', taskInput(kase.id, { dueDate: '2026-01-09' }))).toEqual({
      code: 'REFUSED',
      message: 'The due date cannot be before the date the instruction was received.',
      fields: { dueDate: 'The due date cannot be before the date the instruction was received.' },
    });
    expect(vaultFingerprint(h)).toBe(before);
    const task = await h.ok('createTask', taskInput(kase.id, { dueDate: '2026-01-10' }));
    const snapshot = vaultFingerprint(h);
    expect((await h.err('updateTask', { id: task.id, title: 'x', dueDate: '2025-06-01', detail: '' })).fields).toHaveProperty('dueDate');
    expect((await h.err('updateCase', { id: kase.id, ...caseInput([personId], { instructionReceived: '2026-01-11' }) })).fields).toHaveProperty('instructionReceived');
    expect(vaultFingerprint(h)).toBe(snapshot);
    expect((await h.err('createTask', taskInput(MISSING))).code).toBe('NOT_FOUND');
  });
});

describe('dashboard', () => {
  it('gathers overdue and due-soon deadlines, hearings in 14 days and cases by status', async () => {
    const fresh = await openHarness({ clock: manualClock('2026-03-16T09:00:00.000Z') });
    try {
      const pid = (await fresh.ok('createPerson', personInput())).id;
      const active = await fresh.ok('createCase', caseInput([pid], {
        title: 'Active case',
        status: 'active',
        instructionReceived: '2026-01-01',
        filingDeadline: '2026-03-20',
        hearings: [
          { date: '2026-03-30', time: '14:00', description: 'Final hearing', venue: 'Court 3' },
          { date: '2026-03-31', time: '', description: 'Too far away', venue: '' },
        ],
      }));
      const filed = await fresh.ok('createCase', caseInput([pid], { title: 'Filed case', status: 'filed', filingDeadline: '2026-03-01', hearings: [{ date: '2026-03-16', time: '', description: 'Today', venue: '' }] }));
      await fresh.ok('createCase', caseInput([pid], { title: 'Overdue report', status: 'report_due', filingDeadline: '2026-03-15', hearings: [] }));
      await fresh.ok('createCase', caseInput([pid], { title: 'Archived', status: 'archived', hearings: [{ date: '2026-03-17', time: '', description: 'Ignored', venue: '' }] }));
      const overdueTask = await fresh.ok('createTask', taskInput(active.id, { title: 'Chase LA disclosure', dueDate: '2026-03-10' }));
      await fresh.ok('createTask', taskInput(active.id, { title: 'Due in a week', dueDate: '2026-03-23' }));
      await fresh.ok('createTask', taskInput(active.id, { title: 'Too late for due soon', dueDate: '2026-03-24' }));
      const done = await fresh.ok('createTask', taskInput(filed.id, { title: 'Done and overdue', dueDate: '2026-03-01' }));
      await fresh.ok('setTaskDone', { id: done.id, done: true });

      const dash = await fresh.ok('getDashboard', {});
      expect(dash.today).toBe('2026-03-16');
      expect(dash.overdue.map((d) => [d.kind, d.title, d.date])).toEqual([
        ['task', 'Chase LA disclosure', '2026-03-10'],
        ['filing', 'Filing deadline', '2026-03-15'],
      ]);
      expect(dash.overdue[0]).toMatchObject({ taskId: overdueTask.id, caseId: active.id, caseTitle: 'Active case' });
      expect(dash.dueSoon.map((d) => [d.kind, d.title, d.date])).toEqual([
        ['filing', 'Filing deadline', '2026-03-20'],
        ['task', 'Due in a week', '2026-03-23'],
      ]);
      expect(dash.hearings.map((d) => [d.title, d.date, d.time])).toEqual([
        ['Today', '2026-03-16', ''],
        ['Final hearing', '2026-03-30', '14:00'],
      ]);
      expect(dash.casesByStatus).toEqual(Object.fromEntries(caseStatuses.map((s) => [s, { active: 1, filed: 1, report_due: 1, archived: 1 }[s as string] ?? 0])));
      expect((await fresh.ok('getDashboard', { today: '2026-03-01' })).overdue).toEqual([]);
    } finally {
      fresh.close();
    }
  });
});
