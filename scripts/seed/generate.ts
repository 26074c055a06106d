// Owns turning a seeded random source into realistic records: people with communication profiles,
// parties, cases of every work type with letter-of-instruction questions, and notes of every entry
// type with narrative, own voice and analysis kept apart. Values have the contract's shapes.
import { fakerEN_GB as faker } from '@faker-js/faker';
import type {
  partyRoles,
  workTypes} from '../../contract';
import {
  caseStatuses,
  communicationModes,
  entryTypes,
  workTypeLabels,
  type CaseFields,
  type EntryType,
  type NoteFields,
  type RichText,
} from '../../contract';
import type { PersonFields } from '../../contract/people';
import * as P from './phrases';

const pick = <T>(items: readonly T[]): T => faker.helpers.arrayElement(items);
const some = <T>(items: readonly T[], min: number, max: number): T[] => faker.helpers.arrayElements(items, { min, max });
const isoDay = (d: Date): string => d.toISOString().slice(0, 10);
const addDays = (day: string, n: number): string => isoDay(new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000));

export function seedFaker(seed: number): void {
  faker.seed(seed);
}

export function personFields(kind: 'child' | 'adult'): PersonFields {
  const sex = pick(['female', 'male'] as const);
  const first = faker.person.firstName(sex);
  const last = faker.datatype.boolean(0.8) ? pick(P.surnames) : faker.person.lastName();
  const town = pick(P.towns);
  const age = kind === 'child' ? faker.number.int({ min: 1, max: 17 }) : faker.number.int({ min: 19, max: 92 });
  const modes = some(communicationModes, 1, 3);
  const fill = (s: string) => s.replaceAll('{name}', faker.person.firstName()).replaceAll('{name2}', faker.person.firstName());
  return {
    fullName: `${first} ${last}`,
    preferredName: faker.datatype.boolean(0.3) ? first.slice(0, Math.max(3, Math.ceil(first.length / 2))) : '',
    pronouns: sex === 'female' ? 'she/her' : faker.datatype.boolean(0.95) ? 'he/him' : 'they/them',
    dateOfBirth: isoDay(faker.date.birthdate({ mode: 'age', min: age, max: age })),
    phone: kind === 'adult' ? faker.phone.number() : '',
    email: kind === 'adult' && faker.datatype.boolean(0.5) ? faker.internet.email({ firstName: first, lastName: last }).toLowerCase() : '',
    address: `${faker.location.streetAddress()}\n${town}\n${faker.location.zipCode()}`,
    languages: pick(P.languages),
    interpreterNeeded: faker.datatype.boolean(0.12),
    accessibilityNeeds: pick(P.accessibility),
    importantPeople: fill(pick(P.importantPeople)),
    communication: { modes, bestWays: pick(P.bestWays), whatHelps: some(P.whatHelps, 1, 2).join(' '), whatToAvoid: some(P.whatToAvoid, 1, 2).join(' ') },
  };
}

export function partyFields() {
  const town = pick(P.towns);
  const kind = pick(['solicitor', 'solicitor', 'professional', 'professional', 'family', 'other'] as const);
  const name = `${faker.person.prefix()} ${faker.person.firstName()} ${pick(P.surnames)}`.replace(/^(Mr|Mrs|Ms|Miss|Dr)\.? /, (m) => m.replace('.', ''));
  const organisation = kind === 'solicitor' ? pick(P.firms) : kind === 'professional' ? pick(P.councils(town)) : '';
  const jobTitle = kind === 'solicitor' ? pick(['Solicitor', 'Associate', 'Partner', 'Trainee solicitor']) : kind === 'professional' ? pick(['Social worker', 'Team manager', 'Health visitor', 'Designated safeguarding lead', 'Children’s guardian']) : '';
  return {
    name,
    kind,
    organisation,
    jobTitle,
    phone: faker.phone.number(),
    email: kind === 'family' ? '' : faker.internet.email().toLowerCase(),
    address: kind === 'family' ? '' : `${faker.location.streetAddress()}, ${town}`,
    notes: kind === 'solicitor' ? 'Prefers updates by email; copy in the paralegal.' : '',
  };
}

export const rolesFor = (kind: string): readonly (typeof partyRoles)[number][] =>
  kind === 'solicitor'
    ? ['instructing_solicitor', 'solicitor_for_applicant', 'solicitor_for_respondent', 'solicitor_for_child']
    : kind === 'professional'
      ? ['allocated_social_worker', 'childrens_guardian', 'imca', 'health_professional', 'teacher', 'independent_reviewing_officer', 'interpreter']
      : kind === 'family'
        ? ['mother', 'father', 'sgo_applicant', 'kinship_carer', 'foster_carer', 'attorney', 'deputy']
        : ['other'];

/** A case of the given work type, instructed some time in the two years before `today`. */
export function caseFields(workType: (typeof workTypes)[number], personIds: string[], surname: string, today: string): CaseFields {
  const town = pick(P.towns);
  const received = addDays(today, -faker.number.int({ min: 7, max: 720 }));
  const deadline = addDays(received, faker.number.int({ min: 42, max: 140 }));
  const old = deadline < today;
  const status = old ? pick(['filed', 'closed', 'closed', 'archived', 'report_due'] as const) : pick(caseStatuses.slice(0, 4));
  const hearings = Array.from({ length: faker.number.int({ min: 0, max: 3 }) }, (_, i) => ({
    date: addDays(received, faker.number.int({ min: 14, max: 200 }) + i * 10),
    time: faker.datatype.boolean(0.8) ? pick(['10:00', '10:30', '11:00', '14:00', '14:30']) : '',
    description: pick(P.hearingTypes),
    venue: pick(P.courts(town)),
  }));
  const bank = P.questions[workType] ?? P.questions.other!;
  const court = workType === 'cop_s49' || workType === 'best_interests' ? 'Court of Protection' : pick(P.courts(town));
  return {
    title: `${surname}: ${workTypeLabels[workType]}`,
    workType,
    status,
    personIds,
    instructingParty: faker.datatype.boolean(0.7) ? pick(P.firms) : pick(P.councils(town)),
    instructingReference: `${faker.string.alpha({ length: 2, casing: 'upper' })}/${faker.number.int({ min: 1000, max: 9999 })}/${surname.slice(0, 2).toUpperCase()}`,
    court,
    caseNumber: court === 'Court of Protection' ? `COP ${faker.number.int({ min: 1_000_000, max: 9_999_999 })}T` : `${town.slice(0, 2).toUpperCase()}${received.slice(2, 4)}C${faker.number.int({ min: 10_000, max: 99_999 })}`,
    instructionReceived: received,
    letterOfInstructionDate: addDays(received, -faker.number.int({ min: 0, max: 5 })),
    filingDeadline: deadline,
    hearings,
    questions: some(bank, Math.min(2, bank.length), bank.length).map((text) => ({ text })),
    agreedHours: faker.helpers.arrayElement([null, 24, 30, 36, 40, 48]),
    feeCapPence: faker.helpers.arrayElement([null, 180_000, 250_000, 320_000]),
    summary: `Instructed by ${faker.datatype.boolean() ? 'the local authority' : 'the parents’ solicitors'} following the case management hearing.`,
  };
}

interface Cast {
  child: string;
  adult: string;
  party: string;
  partyRole: string;
  town: string;
}

function fillSlots(text: string, cast: Cast): string {
  return text.replace(/\{(\w+)\}/g, (_, slot: string) => {
    switch (slot) {
      case 'child': return cast.child;
      case 'adult': return cast.adult;
      case 'party': return cast.party;
      case 'partyRole': return cast.partyRole;
      case 'place': return pick(P.places(cast.town));
      case 'room': return pick(P.rooms);
      case 'activity': return pick(P.activities);
      case 'instrument': return pick(P.instruments);
      case 'material': return pick(P.artMaterials);
      case 'homeState': return pick(P.homeStates);
      case 'time': return pick(['9:30am', '10am', '11.15am', '1pm', '2.30pm', '3.45pm', '4pm']);
      case 'section': return pick(['C', 'E', 'F', 'G']);
      case 'p1': return String(faker.number.int({ min: 1, max: 150 }));
      case 'p2': return String(faker.number.int({ min: 151, max: 400 }));
      case 'count': return String(faker.number.int({ min: 3, max: 21 }));
      default: return slot;
    }
  });
}

const paragraph = (text: string, bold = false) => ({ type: 'paragraph' as const, content: [{ type: 'text' as const, text, ...(bold ? { marks: [{ type: 'bold' as const }] } : {}) }] });
const doc = (...blocks: NonNullable<RichText['content']>): RichText => ({ type: 'doc', content: blocks });
const bullets = (items: string[]) => ({ type: 'bulletList' as const, content: items.map((t) => ({ type: 'listItem' as const, content: [paragraph(t)] })) });

/** A note of the given type at the given moment (an ISO instant with offset). */
export function noteFields(entryType: EntryType, occurredAt: string, cast: Cast): NoteFields {
  // The opening sentence sets the scene; a selection of the rest follows in their natural order.
  const [opening, ...rest] = P.narrative[entryType];
  const chosen = new Set(some(rest, 2, rest.length));
  const sentences = [opening!, ...rest.filter((s) => chosen.has(s))].map((s) => fillSlots(s, cast));
  const split = Math.ceil(sentences.length / 2);
  const narrative = doc(paragraph(sentences.slice(0, split).join(' ')), paragraph(sentences.slice(split).join(' ')));
  const reflective = entryType === 'reflection' || entryType === 'document_review';
  return {
    entryType,
    occurredAt,
    durationMinutes: entryType === 'phone' ? faker.number.int({ min: 5, max: 40 }) : faker.helpers.arrayElement([null, 45, 60, 90, 120]),
    place: entryType === 'phone' || entryType === 'video_call' || reflective ? '' : pick(P.places(cast.town)),
    present: reflective ? [] : some([cast.child, cast.adult, cast.party], 1, 3),
    narrative,
    ownVoice: reflective ? doc() : doc(...some(P.ownVoice, 1, 3).map((s) => paragraph(fillSlots(s, cast)))),
    analysis: doc(paragraph(some(P.analysis, 1, 3).map((s) => fillSlots(s, cast)).join(' '))),
    actions: faker.datatype.boolean(0.6) ? doc(paragraph('Actions', true), bullets(some(P.actions, 1, 3))) : doc(),
  };
}

export const pickEntryType = (): EntryType => pick(entryTypes);
export const pickTaskTitle = (): string => pick(P.taskTitles);
export const pickTown = (): string => pick(P.towns);
export { addDays, pick, some };
