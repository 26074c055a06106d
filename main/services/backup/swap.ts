// Owns putting a restored (already verified) vault in place of the current one, keeping the
// current one as a dated safety copy, in an order that survives a crash at any point.
//
// The vault is several files in the data folder (vault.db, its -wal/-shm, vault.key.json, later
// attachments/), so no single rename can swap it. Instead:
//   1. take the vault's lock (refuses while the vault is open in Hearth or the companion);
//   2. create safety-copies/<date>/ and write swap-in-progress.json (fsynced) naming both folders;
//   3. move the current vault's files into the safety copy: -wal and -shm first, so a write-ahead
//      log can never be left beside a database it does not belong to;
//   4. move the restored files in: vault.db first, the key file last (a key file always describes
//      a whole vault, as when a vault is created);
//   5. fsync the folders, delete the journal, release the lock.
// After a crash, completeInterruptedSwap() (call it before opening the vault) finishes the job
// from the journal: every step is a rename that is skipped when already done. It rolls back only
// if the restored files have gone missing.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, rmdirSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { z } from 'zod';
import { acquireVaultLock, isVaultLocked, type VaultLock } from '../../../db/vault/lock';
import { DB_FILE } from '../../../db/vault/sqlcipher';
import { ENVELOPE_FILE } from '../../../db/vault/envelope';
import { BackupError } from './errors';
import { fsyncDir, randomSuffix } from './io';

export const SAFETY_COPIES_DIR = 'safety-copies';
export const RESTORE_STAGING_DIR = 'restoring';
export const SWAP_JOURNAL = 'swap-in-progress.json';

/** Everything that makes up a vault, in the order it leaves the data folder. */
const OUTGOING = [`${DB_FILE}-wal`, `${DB_FILE}-shm`, DB_FILE, ENVELOPE_FILE, 'attachments'];
/** The order restored files arrive in. */
const INCOMING = [DB_FILE, 'attachments', ENVELOPE_FILE];

const journalSchema = z.strictObject({
  safetyCopy: z.string(),
  restored: z.string(),
  /** Which of OUTGOING the previous vault had when the swap began. */
  outgoing: z.array(z.enum(OUTGOING as [string, ...string[]])),
});
type Journal = z.infer<typeof journalSchema>;

/** 2026-11-23T12-00-00 (UTC): sorts by time and is safe in every file system's names. */
export function stampFor(date: Date): string {
  return date.toISOString().slice(0, 19).replaceAll(':', '-');
}

/** A fresh folder inside the data folder to restore into, so the final moves are same-disk renames. */
export function newRestoreStagingDir(dataDir: string): string {
  return join(dataDir, RESTORE_STAGING_DIR, randomSuffix());
}

function writeJournal(dataDir: string, journal: Journal): void {
  const tmp = join(dataDir, `.${SWAP_JOURNAL}.${randomSuffix()}.tmp`);
  writeFileSync(tmp, JSON.stringify(journal), { mode: 0o600, flush: true });
  renameSync(tmp, join(dataDir, SWAP_JOURNAL));
  fsyncDir(dataDir);
}

const moveIfPresent = (from: string, to: string): void => {
  if (existsSync(from) && !existsSync(to)) renameSync(from, to);
};

function within(parent: string, child: string): boolean {
  const rel = relative(resolve(parent), resolve(child));
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

interface SwapPaths {
  dataDir: string;
  safetyCopy: string;
  restored: string;
  outgoing: readonly string[];
}

/** Every step skips itself when already done, so this also finishes an interrupted swap. */
function rollForward(p: SwapPaths): void {
  // All of the previous vault leaves before anything arrives; an item already in the safety copy
  // has left, and whatever now has its name in the data folder is the restored one.
  for (const name of p.outgoing) moveIfPresent(join(p.dataDir, name), join(p.safetyCopy, name));
  fsyncDir(p.safetyCopy);
  if (existsSync(join(p.restored, DB_FILE))) {
    // Never bring a database in beside a write-ahead log that is not its own.
    for (const side of [`${DB_FILE}-wal`, `${DB_FILE}-shm`]) {
      if (existsSync(join(p.dataDir, side))) throw new BackupError('SWAP_REFUSED');
    }
  }
  for (const name of INCOMING) moveIfPresent(join(p.restored, name), join(p.dataDir, name));
  fsyncDir(p.dataDir);
}

/** Only when the restored files have vanished: put the previous vault back as it was. */
function rollBack(p: SwapPaths): void {
  mkdirSync(p.restored, { recursive: true, mode: 0o700 });
  for (const name of INCOMING) {
    const arrived = existsSync(join(p.dataDir, name)) && (!p.outgoing.includes(name) || existsSync(join(p.safetyCopy, name)));
    if (arrived) moveIfPresent(join(p.dataDir, name), join(p.restored, name));
  }
  for (const name of [...p.outgoing].reverse()) moveIfPresent(join(p.safetyCopy, name), join(p.dataDir, name));
  fsyncDir(p.dataDir);
}

function finish(p: SwapPaths): void {
  rmSync(join(p.dataDir, SWAP_JOURNAL), { force: true });
  fsyncDir(p.dataDir);
  for (const dir of [p.restored, p.safetyCopy]) {
    try {
      rmdirSync(dir); // only if empty: anything left in it is not ours to delete
    } catch {
      // not empty, or already gone
    }
  }
}

/**
 * Swaps the restored vault in. `restoredDir` must hold a vault that restoreBackup has verified,
 * on the same disk as `dataDir` (use newRestoreStagingDir). The current vault must be closed.
 * Returns the safety copy's folder, or null when there was no vault to keep (a fresh install).
 */
export function swapInRestoredVault(dataDir: string, restoredDir: string, now = new Date()): { safetyCopyDir: string | null } {
  if (!existsSync(join(restoredDir, DB_FILE)) || !existsSync(join(restoredDir, ENVELOPE_FILE))) throw new BackupError('SWAP_REFUSED');
  if (existsSync(join(dataDir, SWAP_JOURNAL))) throw new BackupError('SWAP_REFUSED');
  if (isVaultLocked(dataDir)) {
    throw new BackupError('SWAP_REFUSED', 'Lock your vault (or close the other program using it) before restoring. Your current vault is unchanged.');
  }
  let lock: VaultLock;
  try {
    lock = acquireVaultLock(dataDir);
  } catch (err) {
    throw new BackupError('SWAP_REFUSED', undefined, { cause: err });
  }
  try {
    const outgoing = OUTGOING.filter((name) => existsSync(join(dataDir, name)));
    const base = join(dataDir, SAFETY_COPIES_DIR);
    mkdirSync(base, { recursive: true, mode: 0o700 });
    let safetyCopy = join(base, stampFor(now));
    if (existsSync(safetyCopy)) safetyCopy = `${safetyCopy}-${randomSuffix()}`;
    mkdirSync(safetyCopy, { mode: 0o700 });
    fsyncDir(base);
    const paths: SwapPaths = { dataDir, safetyCopy, restored: resolve(restoredDir), outgoing };
    writeJournal(dataDir, { safetyCopy: relative(dataDir, safetyCopy), restored: relative(dataDir, paths.restored), outgoing });
    try {
      rollForward(paths);
    } catch (err) {
      // Still running, so undo at once rather than leave the data folder without a vault.
      rollBack(paths);
      finish(paths);
      throw err instanceof BackupError ? err : new BackupError('SWAP_REFUSED', undefined, { cause: err });
    }
    finish(paths);
    return { safetyCopyDir: outgoing.length > 0 ? safetyCopy : null };
  } finally {
    lock.release();
  }
}

const JOURNAL_TMP = /^\.swap-in-progress\.json\.[0-9a-f]{12}\.tmp$/;

/** A swap that died before its journal existed changed nothing but may leave a half-written journal and an empty safety-copy folder. */
function removeCrashLeftovers(dataDir: string): void {
  try {
    for (const name of readdirSync(dataDir)) if (JOURNAL_TMP.test(name)) rmSync(join(dataDir, name), { force: true });
    const copies = join(dataDir, SAFETY_COPIES_DIR);
    if (existsSync(copies)) {
      for (const name of readdirSync(copies)) {
        try {
          rmdirSync(join(copies, name)); // empty folders only
        } catch {
          // holds a safety copy: keep it
        }
      }
    }
  } catch {
    // tidying only
  }
}

/**
 * Call at start-up, before opening the vault. If a swap was interrupted, finishes it (or, if the
 * restored files are gone, puts the previous vault back). Returns what it did.
 */
export function completeInterruptedSwap(dataDir: string): 'none' | 'completed' | 'rolled-back' {
  const journalPath = join(dataDir, SWAP_JOURNAL);
  if (!existsSync(journalPath)) {
    removeCrashLeftovers(dataDir);
    return 'none';
  }
  let journal: Journal;
  try {
    journal = journalSchema.parse(JSON.parse(readFileSync(journalPath, 'utf8')));
  } catch (err) {
    throw new BackupError('SWAP_REFUSED', 'Hearth found an unfinished restore it cannot read. Nothing has been changed. Please contact the person who supports your IT.', { cause: err });
  }
  const paths: SwapPaths = {
    dataDir,
    safetyCopy: resolve(dataDir, journal.safetyCopy),
    restored: resolve(dataDir, journal.restored),
    outgoing: journal.outgoing,
  };
  if (!within(dataDir, paths.safetyCopy) || !within(dataDir, paths.restored)) throw new BackupError('SWAP_REFUSED');
  const arrivedOrWaiting = (name: string): boolean =>
    existsSync(join(paths.restored, name)) ||
    (existsSync(join(dataDir, name)) && (!journal.outgoing.includes(name) || existsSync(join(paths.safetyCopy, name))));
  if (arrivedOrWaiting(DB_FILE) && arrivedOrWaiting(ENVELOPE_FILE)) {
    rollForward(paths);
    finish(paths);
    return 'completed';
  }
  rollBack(paths);
  finish(paths);
  return 'rolled-back';
}
