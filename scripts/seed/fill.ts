// Owns filling an open vault with generated records through the same repositories the app uses,
// so every row, amendment and search entry is exactly what the app would have written. Writes are
// batched into large transactions (one fsync per batch, not per record).
import type Database from 'better-sqlite3-multiple-ciphers';
import { partyRoleLabels, workTypes } from '../../contract';
import { createCase } from '../../db/repos/cases';
import { amendNote, createNote, finaliseNote, setNoteSignificant } from '../../db/repos/notes';
import { createParty, linkParty } from '../../db/repos/parties';
import { createPerson } from '../../db/repos/people';
import { getSetting, setSetting } from '../../db/repos/settings';
import { createTask, setTaskDone } from '../../db/repos/tasks';
import { describeNote } from '../../main/handlers/notes';
import { SETTING_PRACTITIONER } from '../../main/services/vaultSession';
import { addDays, caseFields, noteFields, partyFields, personFields, pick, pickEntryType, pickTaskTitle, pickTown, rolesFor, seedFaker } from './generate';
import { fakerEN_GB as faker } from '@faker-js/faker';
import * as P from './phrases';

export interface SeedOptions {
  cases: number;
  notes: number;
  /** Faker's seed: the same seed gives the same records (dates are relative to `today`). */
  seed: number;
  /** YYYY-MM-DD; cases are instructed in the two years before it. */
  today: string;
  log?: (message: string) => void;
}

export interface SeedSummary {
  people: number;
  parties: number;
  cases: number;
  notes: number;
  finalised: number;
  amended: number;
  significant: number;
  tasks: number;
  seconds: number;
}

const CHILD_WORK = new Set(['parenting_assessment', 'special_guardianship', 'viability_kinship', 's7_s37_report', 'expert_report_part25']);
const NOTE_BATCH = 5000;

interface SeededCase {
  id: string;
  from: number;
  to: number;
  cast: { child: string; adult: string; party: string; partyRole: string; town: string };
}

/** An instant with a UK offset (BST roughly April to October), as the app's note editor writes it. */
function ukInstant(ms: number): string {
  const d = new Date(ms);
  const month = d.getUTCMonth();
  const bst = month >= 3 && month <= 9;
  const local = new Date(ms + (bst ? 3_600_000 : 0)).toISOString().slice(0, 19);
  return `${local}${bst ? '+01:00' : '+00:00'}`;
}

export function seedRecords(db: Database.Database, o: SeedOptions): SeedSummary {
  const started = performance.now();
  const log = o.log ?? (() => undefined);
  seedFaker(o.seed);
  const practitioner = getSetting(db, SETTING_PRACTITIONER) || `${faker.person.firstName()} ${faker.person.lastName()}`;
  if (!getSetting(db, SETTING_PRACTITIONER)) setSetting(db, SETTING_PRACTITIONER, practitioner);
  const todayMs = Date.parse(`${o.today}T12:00:00Z`);
  const summary: SeedSummary = { people: 0, parties: 0, cases: 0, notes: 0, finalised: 0, amended: 0, significant: 0, tasks: 0, seconds: 0 };

  const cases: SeededCase[] = [];
  const partyPool: { id: string; kind: string; name: string }[] = [];
  db.transaction(() => {
    for (let i = 0; i < o.cases; i++) {
      const workType = workTypes[i % workTypes.length]!;
      const childWork = CHILD_WORK.has(workType);
      const people = Array.from({ length: childWork ? faker.number.int({ min: 1, max: 3 }) : 1 }, () =>
        createPerson(db, personFields(childWork ? 'child' : 'adult'), new Date(todayMs - 800 * 86_400_000).toISOString()),
      );
      summary.people += people.length;
      const surname = people[0]!.fullName.split(' ').at(-1)!;
      const fields = caseFields(workType, people.map((p) => p.id), surname, o.today);
      const receivedMs = Date.parse(`${fields.instructionReceived}T09:00:00Z`);
      const kase = createCase(db, fields, new Date(receivedMs).toISOString());
      summary.cases++;

      const links = faker.number.int({ min: 2, max: 5 });
      let firstParty = { name: 'the allocated social worker', role: 'Allocated social worker' };
      for (let l = 0; l < links; l++) {
        const reuse = partyPool.length > 10 && faker.datatype.boolean(0.35);
        const party = reuse ? pick(partyPool) : (() => {
          const values = partyFields();
          const created = createParty(db, values, new Date(receivedMs).toISOString());
          summary.parties++;
          partyPool.push({ id: created.id, kind: values.kind, name: values.name });
          return partyPool.at(-1)!;
        })();
        const role = pick(rolesFor(party.kind));
        linkParty(db, { caseId: kase.id, partyId: party.id, role, roleDetail: '' }, new Date(receivedMs).toISOString());
        if (l === 0) firstParty = { name: party.name, role: partyRoleLabels[role] };
      }

      for (let t = faker.number.int({ min: 2, max: 8 }); t > 0; t--) {
        const due = addDays(fields.instructionReceived!, faker.number.int({ min: 3, max: 160 }));
        const task = createTask(db, kase.id, { title: pickTaskTitle(), dueDate: due, detail: '' }, new Date(receivedMs).toISOString());
        if (due < o.today && faker.datatype.boolean(0.85)) setTaskDone(db, task.id, true, `${due}T17:00:00.000Z`);
        summary.tasks++;
      }
      const first = people[0]!;
      cases.push({
        id: kase.id,
        from: receivedMs,
        to: Math.min(todayMs, Date.parse(`${fields.filingDeadline}T17:00:00Z`) + 60 * 86_400_000),
        cast: {
          child: first.preferredName || first.fullName.split(' ')[0]!,
          adult: `${pick(['Ms', 'Mr', 'Mrs', 'Miss'])} ${surname}`,
          party: firstParty.name,
          partyRole: firstParty.role.toLowerCase(),
          town: pickTown(),
        },
      });
    }
  }).immediate();
  log(`case files written: ${summary.cases} cases, ${summary.people} people, ${summary.parties} parties, ${summary.tasks} tasks`);

  // Busy cases get many more notes than quiet ones: weights from an exponential spread.
  const weights = cases.map(() => -Math.log(1 - faker.number.float({ min: 0, max: 0.999 })));
  const cumulative: number[] = [];
  weights.reduce((sum, w, i) => (cumulative[i] = sum + w), 0);
  const total = cumulative.at(-1) ?? 0;
  const caseFor = (): SeededCase => {
    const r = faker.number.float({ min: 0, max: total });
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    return cases[lo]!;
  };

  for (let done = 0; done < o.notes && cases.length > 0; ) {
    const size = Math.min(NOTE_BATCH, o.notes - done);
    db.transaction(() => {
      for (let i = 0; i < size; i++) writeNote(db, caseFor(), todayMs, practitioner, summary);
    }).immediate();
    done += size;
    if (done % 10_000 === 0 || done === o.notes) log(`${done.toLocaleString('en-GB')} notes`);
  }
  summary.seconds = Math.round((performance.now() - started) / 100) / 10;
  return summary;
}

function writeNote(db: Database.Database, kase: SeededCase, todayMs: number, practitioner: string, summary: SeedSummary): void {
  const occurredMs = faker.number.int({ min: kase.from, max: Math.max(kase.from, kase.to) });
  const createdMs = occurredMs + faker.number.int({ min: 20, max: 360 }) * 60_000;
  const fields = noteFields(pickEntryType(), ukInstant(occurredMs), kase.cast);
  const note = createNote(db, kase.id, fields, new Date(createdMs).toISOString(), describeNote);
  summary.notes++;
  const recent = todayMs - occurredMs < 5 * 86_400_000;
  if (!recent || faker.datatype.boolean(0.3)) {
    finaliseNote(db, note.id, practitioner, new Date(createdMs + 30 * 60_000).toISOString());
    summary.finalised++;
    if (faker.datatype.boolean(0.04)) {
      const place = pick(P.places(kase.cast.town));
      const changes = place !== fields.place && faker.datatype.boolean()
        ? { place }
        : { analysis: { type: 'doc' as const, content: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text: `On reflection, ${pick(P.analysis).replaceAll('{child}', kase.cast.child).replaceAll('{adult}', kase.cast.adult)}` }] }] } };
      amendNote(db, note.id, { reason: pick(['Recorded the wrong venue.', 'Added detail after speaking to the school.', 'Corrected a typing error.', 'Clarified who said this.']), changes, amendedBy: practitioner }, new Date(createdMs + 2 * 86_400_000).toISOString(), describeNote);
      summary.amended++;
    }
  }
  if (faker.datatype.boolean(0.08)) {
    setNoteSignificant(db, note.id, true, new Date(createdMs + 3_600_000).toISOString());
    summary.significant++;
  }
}
