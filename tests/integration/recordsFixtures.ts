// Owns valid example payloads for the case-records operations, shared by the integration and
// property tests. Each builder takes overrides, so a test states only what it is about.
import { plainToRichText, type InputOf, type Contract } from '../../contract';
import type { Harness } from './harness';

type In<N extends keyof Contract> = InputOf<Contract[N]>;

export const rich = plainToRichText;

export const personInput = (over: Partial<In<'createPerson'>> = {}): In<'createPerson'> => ({
  fullName: 'Jordan Ellis',
  preferredName: 'Jordy',
  pronouns: 'he/him',
  dateOfBirth: '2015-04-12',
  phone: '',
  email: '',
  address: '',
  languages: 'English, British Sign Language',
  interpreterNeeded: true,
  accessibilityNeeds: 'Needs a quiet room with low lighting.',
  importantPeople: 'Nan (Margaret), his older sister Kayleigh',
  communication: {
    modes: ['signing', 'music', 'movement'],
    bestWays: 'Makaton signs alongside short spoken phrases; drumming to show how he feels.',
    whatHelps: 'Time to answer, a visual timetable, his weighted blanket.',
    whatToAvoid: 'Busy rooms, raised voices, more than one question at a time.',
  },
  ...over,
});

export const caseInput = (personIds: string[], over: Partial<In<'createCase'>> = {}): In<'createCase'> => ({
  title: 'Ellis parenting assessment',
  workType: 'parenting_assessment',
  status: 'instructed',
  personIds,
  instructingParty: 'Harrow & Webb Solicitors',
  instructingReference: 'HW/2291/EL',
  court: 'Family Court at Leeds',
  caseNumber: 'LS25C00412',
  instructionReceived: '2026-01-10',
  letterOfInstructionDate: '2026-01-08',
  filingDeadline: '2026-03-20',
  hearings: [{ date: '2026-04-02', time: '10:30', description: 'Issues resolution hearing', venue: 'Leeds Combined Court' }],
  questions: [{ text: 'What are the parenting strengths and vulnerabilities of the mother?' }, { text: 'Can Jordan safely return to her care, and with what support?' }],
  agreedHours: 40,
  feeCapPence: 250_000,
  summary: 'Assessment of the mother as a sole carer.',
  ...over,
});

export const noteInput = (caseId: string, over: Partial<In<'createNote'>> = {}): In<'createNote'> => ({
  caseId,
  entryType: 'home_visit',
  occurredAt: '2026-02-03T10:00:00+00:00',
  durationMinutes: 90,
  place: 'Family home, Armley',
  present: ['Jordan', 'Ms Ellis (mother)'],
  narrative: rich('Jordan showed me his drum kit and played a rhythm for the visit.'),
  ownVoice: rich('"I like it when Mum sings the bedtime song."'),
  analysis: rich('The warmth between Jordan and his mother appeared genuine and well established.'),
  actions: rich('Ask the school for attendance records.'),
  ...over,
});

export const partyInput = (over: Partial<In<'createParty'>> = {}): In<'createParty'> => ({
  name: 'Priya Shah',
  kind: 'solicitor',
  organisation: 'Harrow & Webb Solicitors',
  jobTitle: 'Associate',
  phone: '0113 496 0000',
  email: 'priya.shah@example.org',
  address: '',
  notes: '',
  ...over,
});

export const taskInput = (caseId: string, over: Partial<In<'createTask'>> = {}): In<'createTask'> => ({
  caseId,
  title: 'Request school records',
  dueDate: '2026-02-10',
  detail: '',
  ...over,
});

/** A person, a case about them and a draft note: the usual starting point. */
export async function seedCase(h: Harness) {
  const person = await h.ok('createPerson', personInput());
  const kase = await h.ok('createCase', caseInput([person.id]));
  const note = await h.ok('createNote', noteInput(kase.id));
  return { person, kase, note };
}
