// Vault benchmarks: the unlock KDF at the creation-calibrated parameters, opening the vault after
// the KDF, and the cost of SQLCipher on the same insert/read/FTS workload against plain SQLite.
// Two diagnostics explain that cost: the same workload with pages encrypted but not authenticated
// (SQLite3 Multiple Ciphers' `hmac_use = 0`: not SQLCipher 4's default format, so never used by
// Hearth), and the same notes saved one per transaction, as the app saves them.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { faker } from '@faker-js/faker';
import { calibrateKdf, createVault, openVault, type KdfParams } from '../db/vault';
import { derivePassphraseKey } from '../db/vault/kdf';
import { applyConnectionSettings, keyPragma, openKeyed } from '../db/vault/sqlcipher';
import { median } from './report';
import type { BenchSuite } from './suites';

const NOTES = 3000;
const CASES = 60;
const BATCH = 50;
const WORKLOAD_RUNS = 5;
/** Notes saved one per transaction in the commit-by-commit diagnostic. */
const SINGLE_COMMITS = 600;
const OPEN_RUNS = 7;
const KDF_RUNS = 3;
const PASSPHRASE = 'bench passphrase, not a real one';

interface Corpus {
  notes: { caseId: number; writtenAt: string; body: string }[];
  queries: string[];
  lookups: number[];
}

/** Synthetic notes (faker, fixed seed): roughly a year of a busy practice's contemporaneous notes. */
function makeCorpus(): Corpus {
  faker.seed(20261123);
  const start = Date.UTC(2025, 10, 1);
  const notes = Array.from({ length: NOTES }, (_, i) => ({
    caseId: 1 + (i % CASES),
    writtenAt: new Date(start + i * 3_600_000 * 3).toISOString(),
    body: faker.word.words({ count: { min: 40, max: 160 } }),
  }));
  const queries = Array.from({ length: 200 }, () => faker.word.words({ count: { min: 1, max: 2 } }).replace(/[^a-z ]/gi, ''));
  const lookups = Array.from({ length: 2000 }, () => faker.number.int({ min: 1, max: NOTES }));
  return { notes, queries: queries.filter((q) => q.trim() !== ''), lookups };
}

function writeNotes(db: Database.Database, corpus: Corpus, perTransaction = BATCH): void {
  db.exec(`
    CREATE TABLE bench_notes (id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL, written_at TEXT NOT NULL, body TEXT NOT NULL) STRICT;
    CREATE INDEX bench_notes_by_case ON bench_notes (case_id, written_at);
    CREATE VIRTUAL TABLE bench_notes_fts USING fts5(body, content='bench_notes', content_rowid='id');
  `);
  const insert = db.prepare('INSERT INTO bench_notes (case_id, written_at, body) VALUES (?, ?, ?)');
  const index = db.prepare('INSERT INTO bench_notes_fts (rowid, body) VALUES (?, ?)');
  const batch = db.transaction((rows: Corpus['notes']) => {
    for (const n of rows) index.run(insert.run(n.caseId, n.writtenAt, n.body).lastInsertRowid, n.body);
  });
  for (let i = 0; i < corpus.notes.length; i += perTransaction) batch(corpus.notes.slice(i, i + perTransaction));
}

function readNotes(db: Database.Database, corpus: Corpus): number {
  let seen = 0;
  const byId = db.prepare('SELECT id, case_id, written_at, body FROM bench_notes WHERE id = ?');
  for (const id of corpus.lookups) seen += byId.get(id) ? 1 : 0;
  const byCase = db.prepare('SELECT id, written_at, substr(body, 1, 80) FROM bench_notes WHERE case_id = ? ORDER BY written_at DESC');
  for (let c = 1; c <= CASES; c++) seen += byCase.all(c).length;
  const search = db.prepare('SELECT rowid FROM bench_notes_fts WHERE bench_notes_fts MATCH ? ORDER BY rank LIMIT 20');
  for (const q of corpus.queries) seen += search.all(`"${q}"`).length;
  return seen;
}

type Storage = 'plain' | 'sqlcipher' | 'sqlcipher-without-hmac';

function openFor(storage: Storage, path: string, key: Buffer): Database.Database {
  let db: Database.Database;
  if (storage === 'sqlcipher') {
    db = openKeyed(path, key, { readonly: false, create: true });
  } else {
    db = new Database(path);
    if (storage === 'sqlcipher-without-hmac') {
      db.pragma("cipher = 'sqlcipher'");
      db.pragma('legacy = 4');
      db.pragma('hmac_use = 0');
      db.pragma(keyPragma(key));
    }
  }
  applyConnectionSettings(db, { readonly: false });
  return db;
}

/** Write everything, close, reopen cold (so pages are read back and decrypted), then read. Times each half. */
function runWorkload(path: string, corpus: Corpus, storage: Storage, key: Buffer): { writeMs: number; readMs: number } {
  const open = (): Database.Database => openFor(storage, path, key);
  let start = performance.now();
  let db = open();
  writeNotes(db, corpus);
  db.close();
  const writeMs = performance.now() - start;
  start = performance.now();
  db = open();
  const seen = readNotes(db, corpus);
  db.close();
  const readMs = performance.now() - start;
  if (seen === 0) throw new Error('The workload read nothing back.');
  return { writeMs, readMs };
}

export const vaultSuite: BenchSuite = {
  name: 'vault',
  description: 'unlock KDF, open after the KDF, and SQLCipher overhead against plain SQLite',
  targets: {
    kdf_ms: { min: 250, max: 1500 },
    unlock_open_ms: { max: 150 },
    encryption_overhead_ratio: { max: 1.3 },
  },
  async run(ctx) {
    ctx.log('calibrating Argon2id as `vault create` does…');
    const { measuredMs: _calibrationMs, ...kdf } = await calibrateKdf();
    const kdfParams: KdfParams = kdf;

    const kdfTimes: number[] = [];
    for (let i = 0; i < KDF_RUNS; i++) {
      const start = performance.now();
      (await derivePassphraseKey(PASSPHRASE, randomBytes(16), kdfParams)).fill(0);
      kdfTimes.push(performance.now() - start);
    }

    ctx.log(`timing open after the KDF (${OPEN_RUNS} runs, ${NOTES} notes in the vault)…`);
    const corpus = makeCorpus();
    const dir = join(ctx.tempDir('vault'), 'vault');
    const { vault, recoveryKey } = await createVault(dir, { passphrase: PASSPHRASE, kdf: kdfParams });
    writeNotes(vault.db, corpus);
    vault.close();
    const openTimes: number[] = [];
    for (let i = 0; i < OPEN_RUNS; i++) {
      // The recovery key skips Argon2 (HKDF only), so this is the open, key check and migration check.
      const start = performance.now();
      const opened = await openVault(dir, { recoveryKey });
      openTimes.push(performance.now() - start);
      opened.close();
    }

    ctx.log(`running the insert/read/FTS workload ${WORKLOAD_RUNS} times: encrypted, plain, and encrypted without HMAC; then ${SINGLE_COMMITS} single-note commits each way…`);
    const encrypted: { writeMs: number; readMs: number }[] = [];
    const plain: { writeMs: number; readMs: number }[] = [];
    const withoutHmac: { writeMs: number; readMs: number }[] = [];
    const commits: Record<'plain' | 'sqlcipher', number[]> = { plain: [], sqlcipher: [] };
    const oneByOne = { ...corpus, notes: corpus.notes.slice(0, SINGLE_COMMITS) };
    for (let i = 0; i < WORKLOAD_RUNS; i++) {
      const key = randomBytes(32);
      encrypted.push(runWorkload(join(ctx.tempDir('sqlcipher'), 'w.db'), corpus, 'sqlcipher', key));
      plain.push(runWorkload(join(ctx.tempDir('plain'), 'w.db'), corpus, 'plain', key));
      withoutHmac.push(runWorkload(join(ctx.tempDir('no-hmac'), 'w.db'), corpus, 'sqlcipher-without-hmac', key));
      for (const storage of ['plain', 'sqlcipher'] as const) {
        const db = openFor(storage, join(ctx.tempDir(`commits-${storage}`), 'w.db'), key);
        const start = performance.now();
        writeNotes(db, oneByOne, 1);
        commits[storage].push(performance.now() - start);
        db.close();
      }
      key.fill(0);
    }
    const total = (runs: typeof plain) => median(runs.map((r) => r.writeMs + r.readMs));
    const writes = (runs: typeof plain) => median(runs.map((r) => r.writeMs));
    const reads = (runs: typeof plain) => median(runs.map((r) => r.readMs));

    return {
      kdf_ms: median(kdfTimes),
      kdf_memory_kib: kdfParams.memoryKiB,
      kdf_iterations: kdfParams.iterations,
      kdf_parallelism: kdfParams.parallelism,
      unlock_open_ms: median(openTimes),
      workload_sqlcipher_ms: total(encrypted),
      workload_plain_ms: total(plain),
      encryption_overhead_ratio: total(encrypted) / total(plain),
      // The two halves, to show where the cost lies: writing encrypts and authenticates every page.
      encryption_overhead_write_ratio: writes(encrypted) / writes(plain),
      encryption_overhead_read_ratio: reads(encrypted) / reads(plain),
      // Diagnostics. Pages encrypted only: how much of the cost is SQLCipher 4's HMAC-SHA512 per page.
      encryption_overhead_without_hmac_ratio: total(withoutHmac) / total(plain),
      // One note per transaction with fsync, as the app saves: the crypto per commit is the same.
      encryption_overhead_single_commits_ratio: median(commits.sqlcipher) / median(commits.plain),
      note_commit_sqlcipher_ms: median(commits.sqlcipher) / SINGLE_COMMITS,
    };
  },
};
