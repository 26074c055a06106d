// Backup benchmarks: export, check and restore against a plain copy of the same bytes to the same
// disk in the same run, plus memory growth and the longest event-loop stall during an export.
// Two vaults, both cached in <tmp>/hearth-bench-cache and reused across runs: a practice-sized one
// (25 MB of notes) and one of at least 1 GiB padded with incompressible blobs (skipped with
// HEARTH_BENCH_QUICK=1). The headline keys come from the largest vault measured: on a small
// vault a ratio to `cp` mostly measures fixed costs (starting the worker, pinning, fsync), not
// throughput. Each vault's figures also appear with a _practice or _1gb suffix. Jobs run the
// bundled backup worker, built at the start, as the app does. The restore_floor_* keys are
// diagnostics: the least any restore of the same bytes could take on this machine
// (restoreFloor.ts), so a missed restore target shows what is the machine and what the code.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, openSync, fsyncSync, closeSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { faker } from '@faker-js/faker';
import { createVault, openVault, type KdfParams, type Vault } from '../db/vault';
import { exportBackup, restoreBackup, verifyBackup } from '../main/services/backup';
import { BUNDLED_WORKER_FILE, runBundledWorkerFrom } from '../main/services/backup/runner';
import { median } from './report';
import { measureRestoreFloor, type RestoreFloor } from './restoreFloor';
import type { BenchContext, BenchSuite } from './suites';

const PASSPHRASE = 'bench passphrase, not a real one';
/** Weak on purpose: the KDF is the vault suite's subject; here it would only blur the byte-bound work. */
const BENCH_KDF: KdfParams = { algorithm: 'argon2id', memoryKiB: 8192, iterations: 1, parallelism: 1 };
const CACHE = join(tmpdir(), 'hearth-bench-cache');
const RUNS = 5;
const MiB = 1024 * 1024;

interface BenchVaultSpec {
  label: 'practice' | '1gb';
  notes: number;
  paddingMiB: number;
}

const PRACTICE: BenchVaultSpec = { label: 'practice', notes: 20_000, paddingMiB: 0 };
const LARGE: BenchVaultSpec = { label: '1gb', notes: 20_000, paddingMiB: 1040 };

interface CachedVault {
  dir: string;
  recoveryKey: string;
}

/** Builds the vault once (synthetic notes and padding only) and reuses it; a half-built one is rebuilt. */
async function cachedVault(spec: BenchVaultSpec, ctx: BenchContext): Promise<CachedVault> {
  const dir = join(CACHE, `backup-${spec.label}-v1`);
  const ready = join(dir, 'bench-ready.json');
  if (existsSync(ready)) return { dir: join(dir, 'vault'), ...(JSON.parse(readFileSync(ready, 'utf8')) as { recoveryKey: string }) };
  ctx.log(`building the ${spec.label} bench vault in ${dir} (once; reused by later runs)…`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const { vault, recoveryKey } = await createVault(join(dir, 'vault'), { passphrase: PASSPHRASE, kdf: BENCH_KDF });
  try {
    faker.seed(5);
    const db = vault.db;
    db.exec(`CREATE TABLE bench_notes (id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL, written_at TEXT NOT NULL, body TEXT NOT NULL);
             CREATE INDEX bench_notes_by_case ON bench_notes (case_id, written_at);
             CREATE VIRTUAL TABLE bench_notes_fts USING fts5(body, content='bench_notes', content_rowid='id');
             CREATE TABLE bench_padding (id INTEGER PRIMARY KEY, blob BLOB NOT NULL);`);
    const insert = db.prepare('INSERT INTO bench_notes (case_id, written_at, body) VALUES (?, ?, ?)');
    const index = db.prepare('INSERT INTO bench_notes_fts (rowid, body) VALUES (?, ?)');
    const notes = db.transaction((n: number) => {
      for (let i = 0; i < n; i++) {
        const body = faker.word.words({ count: { min: 40, max: 160 } });
        index.run(insert.run(1 + (i % 80), new Date(Date.UTC(2025, 0, 1) + i * 3_600_000).toISOString(), body).lastInsertRowid, body);
      }
    });
    for (let done = 0; done < spec.notes; done += 1000) notes(Math.min(1000, spec.notes - done));
    const pad = db.prepare('INSERT INTO bench_padding (blob) VALUES (?)');
    const padBatch = db.transaction((n: number) => {
      for (let i = 0; i < n; i++) pad.run(randomBytes(MiB));
    });
    for (let done = 0; done < spec.paddingMiB; done += 64) padBatch(Math.min(64, spec.paddingMiB - done));
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    vault.close();
  }
  writeFileSync(ready, JSON.stringify({ recoveryKey }));
  return { dir: join(dir, 'vault'), recoveryKey };
}

/** The baseline: copy the file, then fsync the copy (a backup is fsynced too; a copy still in the page cache is not on the disk). */
function plainCopy(from: string, to: string): number {
  settleDisk();
  const start = performance.now();
  copyFileSync(from, to);
  const fd = openSync(to, 'r+');
  fsyncSync(fd);
  closeSync(fd);
  const elapsed = performance.now() - start;
  rmSync(to);
  return elapsed;
}

/** Flushes other runs' dirty pages first, so no measurement pays for the one before it. */
function settleDisk(): void {
  spawnSync('sync');
}

async function timed<T>(action: () => Promise<T>): Promise<number> {
  settleDisk();
  const start = performance.now();
  await action();
  return performance.now() - start;
}

interface VaultFigures {
  vaultBytes: number;
  floor: RestoreFloor;
  backup: number;
  verify: number;
  restore: number;
  cp: number;
  peakRssMb: number;
  maxBlockMs: number;
  p99BlockMs: number;
}

/**
 * RUNS rounds of cp, backup, cp, check, cp, restore. Every ratio divides by the median of all the
 * copies of vault.db made in the same run (the backup file is the same bytes plus 0.1%), so one
 * slow copy, and this virtual disk has them, does not flatter or sink a single figure.
 */
async function measure(vault: Vault, cached: CachedVault, ctx: BenchContext, label: string): Promise<VaultFigures> {
  const scratch = ctx.tempDir(`backup-${label}`);
  const dbPath = join(cached.dir, 'vault.db');
  const out = join(scratch, 'bench.hearthbackup');
  const backups: number[] = [];
  const verifies: number[] = [];
  const restores: number[] = [];
  const copies: number[] = [];
  let peakRss = 0;
  let maxBlockMs = 0;
  let p99BlockMs = 0;
  const copy = (): void => void copies.push(plainCopy(dbPath, join(scratch, 'cp-vault.db')));
  for (let run = 0; run < RUNS; run++) {
    ctx.log(`${label}: run ${run + 1} of ${RUNS}`);
    rmSync(out, { force: true });
    copy();

    settleDisk();
    globalThis.gc?.();
    const idle = process.memoryUsage.rss();
    let peak = idle;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage.rss());
    }, 5);
    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    const start = performance.now();
    await exportBackup({ vault, outPath: out });
    backups.push(performance.now() - start);
    loop.disable();
    clearInterval(sampler);
    peakRss = Math.max(peakRss, (peak - idle) / MiB);
    maxBlockMs = Math.max(maxBlockMs, loop.max / 1e6);
    p99BlockMs = Math.max(p99BlockMs, loop.percentile(99) / 1e6);

    copy();
    verifies.push(await timed(() => verifyBackup(out, { recoveryKey: cached.recoveryKey })));
    copy();
    const target = join(scratch, `restored-${run}`);
    restores.push(await timed(() => restoreBackup(out, { recoveryKey: cached.recoveryKey }, target)));
    rmSync(target, { recursive: true, force: true });
  }
  rmSync(out, { force: true });
  return {
    vaultBytes: statSync(dbPath).size,
    floor: await measureRestoreFloor(cached.dir, cached.recoveryKey),
    backup: median(backups),
    verify: median(verifies),
    restore: median(restores),
    cp: median(copies),
    peakRssMb: peakRss,
    maxBlockMs,
    p99BlockMs,
  };
}

function keysFor(f: VaultFigures, suffix: string): Record<string, number> {
  return {
    [`backup_vs_cp_ratio${suffix}`]: f.backup / f.cp,
    [`verify_vs_cp_ratio${suffix}`]: f.verify / f.cp,
    [`restore_vs_cp_ratio${suffix}`]: f.restore / f.cp,
    [`backup_peak_rss_mb${suffix}`]: f.peakRssMb,
    [`backup_event_loop_max_block_ms${suffix}`]: f.maxBlockMs,
    [`backup_event_loop_p99_ms${suffix}`]: f.p99BlockMs,
    [`backup_ms${suffix}`]: f.backup,
    [`verify_ms${suffix}`]: f.verify,
    [`restore_ms${suffix}`]: f.restore,
    [`backup_cp_ms${suffix}`]: f.cp,
    [`backup_vault_mb${suffix}`]: f.vaultBytes / MiB,
    // Diagnostics: the least any restore of these bytes could take here (restoreFloor.ts).
    [`restore_floor_vs_cp_ratio${suffix}`]: f.floor.floorMs / f.cp,
    [`restore_floor_ms${suffix}`]: f.floor.floorMs,
    [`restore_crypto_core_ms${suffix}`]: f.floor.cryptoCoreMs,
    [`restore_integrity_check_ms${suffix}`]: f.floor.integrityMs,
  };
}

/**
 * Builds the app and points backup jobs at the bundled worker, so the bench measures what ships
 * rather than TypeScript compiled on the fly as each worker thread starts.
 */
function useShippedWorker(ctx: BenchContext): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  ctx.log('building the app, to measure the bundled backup worker…');
  const built = spawnSync(join(root, 'node_modules', '.bin', 'electron-vite'), ['build'], { cwd: root, stdio: 'ignore', shell: process.platform === 'win32' });
  const outDir = join(root, 'out', 'main');
  if (built.status !== 0 || !existsSync(join(outDir, BUNDLED_WORKER_FILE))) throw new Error('bench: electron-vite build failed; run `npm run build` to see why');
  runBundledWorkerFrom(outDir);
}

export async function runBackupBench(ctx: BenchContext, opts: { large?: boolean } = {}): Promise<Record<string, number>> {
  useShippedWorker(ctx);
  const specs = opts.large ? [PRACTICE, LARGE] : [PRACTICE];
  const results: Record<string, number> = {};
  let headline: VaultFigures | null = null;
  for (const spec of specs) {
    const cached = await cachedVault(spec, ctx);
    const vault = await openVault(cached.dir, { recoveryKey: cached.recoveryKey });
    try {
      const figures = await measure(vault, cached, ctx, spec.label);
      Object.assign(results, keysFor(figures, `_${spec.label}`));
      headline = figures;
    } finally {
      vault.close();
    }
  }
  const {
    backup_ms: _b,
    backup_cp_ms: _c,
    verify_ms: _v,
    restore_ms: _r,
    backup_vault_mb: _m,
    restore_floor_ms: _f,
    restore_crypto_core_ms: _k,
    restore_integrity_check_ms: _i,
    ...ratios
  } = keysFor(headline!, '');
  return { ...ratios, ...results };
}

export const backupSuite: BenchSuite = {
  name: 'backup',
  description: 'backup export / check / restore against cp of the same bytes; memory; event-loop stalls (HEARTH_BENCH_QUICK=1 skips the 1 GiB vault)',
  targets: {
    backup_vs_cp_ratio: { max: 2.0 },
    verify_vs_cp_ratio: { max: 1.5 },
    restore_vs_cp_ratio: { max: 2.5 },
    backup_peak_rss_mb: { max: 64 },
    backup_event_loop_max_block_ms: { max: 100 },
  },
  run: (ctx) => runBackupBench(ctx, { large: process.env.HEARTH_BENCH_QUICK !== '1' }),
};
