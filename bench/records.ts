// Case-records benchmarks, measured through the real router (zod validation, handler, output
// validation) on seeded vaults: opening a case, searching, the dashboard and autosaving a draft at
// 100,000 notes, and how opening a case and searching grow from 10,000 to 100,000 notes (and to
// 1,000,000 with HEARTH_BENCH_HUGE=1). Seeded vaults are cached under the system temp folder
// (hearth-bench-cache), keyed by size, schema and generator version, and reused between runs.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CaseSummary, Result } from '../contract';
import Database from 'better-sqlite3-multiple-ciphers';
import { LATEST_SCHEMA_VERSION, migrate } from '../db/migrations';
import { TEST_KDF } from '../db/testing';
import { handlers } from '../main/handlers';
import { createRouter, type Router } from '../main/router/router';
import { systemClock } from '../main/services/clock';
import { createServices, shutdownServices, type Services } from '../main/services/services';
import { seedVault } from '../scripts/seed';
import type { BenchSuite } from './suites';

/** Bump when the seed generator changes what it writes, so cached vaults are rebuilt. */
const GENERATOR_VERSION = 2;
const PASSPHRASE = 'bench passphrase, not a real one';
const NOTES_PER_CASE = 250;
const RUNS = 200;
const WARMUP = 20;

const QUERIES = [
  'school', 'bedtime routine', 'grandmother', 'contact centre', 'drum', 'capacity', 'Makaton', 'autism', 'bruise', 'attendance',
  'interpreter', 'grandm', 'contac', 'domestic abuse', 'rain stick', 'lunch', 'Nan', 'tearful', 'genogram', 'CAMHS', 'football',
  'dinosaurs', 'supervision', 'hug', 'snakes and ladders',
];

interface Opened {
  services: Services;
  router: Router;
  call(name: string, payload: unknown): Promise<Result<unknown>>;
  close(): void;
}

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(sorted.length * 0.95) - 1)]!;
}

/** A short hash of the schema the migrations build, so a changed migration never reuses an old vault. */
function schemaKey(): string {
  const db = new Database(':memory:');
  try {
    migrate(db);
    const sql = (db.prepare('SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name').pluck().all() as string[]).join('\n');
    return `schema${LATEST_SCHEMA_VERSION}-${createHash('sha256').update(sql).digest('hex').slice(0, 10)}`;
  } finally {
    db.close();
  }
}

/** The seeded vault for `notes`, from the cache or built now (then cached). */
async function seededVault(notes: number, log: (m: string) => void): Promise<string> {
  const root = join(tmpdir(), 'hearth-bench-cache');
  const dir = join(root, `records-${notes}-${schemaKey()}-gen${GENERATOR_VERSION}`);
  if (existsSync(join(dir, 'seeded.json'))) return dir;
  const partial = `${dir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  log(`seeding a vault of ${notes.toLocaleString('en-GB')} notes (cached for next time)…`);
  const io = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: {} };
  const { summary } = await seedVault(io, { dir: partial, cases: Math.max(10, Math.round(notes / NOTES_PER_CASE)), notes, kdf: TEST_KDF, log }, { passphrase: PASSPHRASE });
  log(`seeded in ${summary.seconds} s`);
  writeFileSync(join(partial, 'seeded.json'), `${JSON.stringify(summary)}\n`);
  renameSync(partial, dir);
  return dir;
}

async function open(dir: string): Promise<Opened> {
  const services = createServices({
    config: { dataDir: dir, appName: 'Hearth', appVersion: '0.0.0-bench', runtime: 'harness', platform: process.platform },
    clock: systemClock,
    shell: { emit() {}, reloadRenderer() {} },
    power: { onPowerEvent: () => () => {} },
    dialogs: { chooseSaveFile: async () => null, chooseOpenFile: async () => null },
    autoSnapshots: false,
    kdf: TEST_KDF,
  });
  const router = createRouter(handlers, services);
  const call = (name: string, payload: unknown) => router.dispatch(name, payload, { trusted: true });
  const unlocked = await call('unlockVault', { method: 'passphrase', secret: PASSPHRASE });
  if (!unlocked.ok) throw new Error(`Could not unlock the bench vault: ${unlocked.error.code}`);
  return { services, router, call, close: () => shutdownServices(services) };
}

/** Times `count` calls (after a warm-up), failing loudly if any is refused. */
async function time(app: Opened, name: string, payloadFor: (i: number) => unknown, count = RUNS): Promise<number[]> {
  const samples: number[] = [];
  for (let i = -WARMUP; i < count; i++) {
    const payload = payloadFor(i + WARMUP);
    const started = performance.now();
    const result = await app.call(name, payload);
    const elapsed = performance.now() - started;
    if (!result.ok) throw new Error(`${name} was refused during the bench: ${result.error.code} ${result.error.message}`);
    if (i >= 0) samples.push(elapsed);
  }
  return samples;
}

async function caseIds(app: Opened): Promise<string[]> {
  const result = await app.call('listCases', { sort: 'updated' });
  if (!result.ok) throw new Error('listCases failed');
  return (result.value as { cases: CaseSummary[] }).cases.map((c) => c.id);
}

async function caseOpenP95(app: Opened, ids: string[]): Promise<number> {
  return p95(await time(app, 'getCase', (i) => ({ id: ids[(i * 7919) % ids.length] })));
}

async function searchP95(app: Opened, ids: string[]): Promise<number> {
  return p95(
    await time(app, 'search', (i) => {
      const query = QUERIES[i % QUERIES.length]!;
      // Most searches are across everything; some narrow to a case, a type or a date range.
      if (i % 5 === 1) return { query, caseId: ids[i % ids.length], limit: 50 };
      if (i % 5 === 3) return { query, entryTypes: ['home_visit', 'observation'], from: '2025-01-01', limit: 50 };
      return { query, limit: 50 };
    }),
  );
}

async function noteSaveP95(app: Opened, caseId: string): Promise<number> {
  const paragraph = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
  const fields = (text: string) => ({
    entryType: 'home_visit',
    occurredAt: new Date().toISOString(),
    durationMinutes: 60,
    place: 'Family home',
    present: ['Jordan', 'Ms Ellis'],
    narrative: paragraph(text),
    ownVoice: paragraph('"I like it when Mum sings."'),
    analysis: paragraph('The warmth between them appeared genuine.'),
    actions: paragraph('Ask the school for attendance records.'),
  });
  const created = await app.call('createNote', { caseId, ...fields('Arrived at ten.') });
  if (!created.ok) throw new Error('createNote failed');
  const note = created.value as { id: string; revision: number };
  let revision = note.revision;
  let text = 'Arrived at ten.';
  const samples: number[] = [];
  try {
    for (let i = -WARMUP; i < RUNS; i++) {
      text += ` Jordan showed me his drum kit and played a rhythm (${i}).`;
      const started = performance.now();
      const saved = await app.call('saveDraft', { id: note.id, ...fields(text), expectedRevision: revision });
      const elapsed = performance.now() - started;
      if (!saved.ok) throw new Error(`saveDraft refused: ${saved.error.message}`);
      revision = (saved.value as { revision: number }).revision;
      if (i >= 0) samples.push(elapsed);
    }
  } finally {
    await app.call('discardDraft', { id: note.id });
  }
  return p95(samples);
}

const round = (n: number) => Math.round(n * 100) / 100;

export const recordsSuite: BenchSuite = {
  name: 'records',
  description: 'case records through the router: open a case, search, dashboard, autosave (seeded vaults, cached)',
  targets: {
    case_open_p95_ms: { max: 10 },
    search_p95_ms: { max: 30 },
    dashboard_p95_ms: { max: 20 },
    note_save_p95_ms: { max: 5 },
  },
  async run(ctx) {
    const sizes = process.env.HEARTH_BENCH_HUGE === '1' ? [10_000, 100_000, 1_000_000] : [10_000, 100_000];
    const metrics: Record<string, number> = {};
    const growth: string[] = [];
    for (const notes of sizes) {
      const dir = await seededVault(notes, ctx.log);
      const app = await open(dir);
      try {
        const ids = await caseIds(app);
        const caseOpen = await caseOpenP95(app, ids);
        const search = await searchP95(app, ids);
        growth.push(`${notes.toLocaleString('en-GB').padStart(9)} notes: case_open p95 ${caseOpen.toFixed(2)} ms, search p95 ${search.toFixed(2)} ms`);
        const label = notes >= 1_000_000 ? `${notes / 1_000_000}m` : `${notes / 1000}k`;
        metrics[`case_open_p95_ms_${label}`] = round(caseOpen);
        metrics[`search_p95_ms_${label}`] = round(search);
        if (notes === 100_000) {
          metrics.case_open_p95_ms = round(caseOpen);
          metrics.search_p95_ms = round(search);
          metrics.dashboard_p95_ms = round(p95(await time(app, 'getDashboard', () => ({}))));
          metrics.note_save_p95_ms = round(await noteSaveP95(app, ids[0]!));
        }
      } finally {
        app.close();
      }
    }
    ctx.log('how opening a case and searching grow:');
    for (const row of growth) ctx.log(row);
    return metrics;
  },
};
