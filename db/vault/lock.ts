// Owns vault.lock: a file that says which process has the vault open for writing, so the
// command-line companion never changes a vault that the app is using. A lock left behind by a
// process that has died is taken over.
import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { VaultError } from './errors';

export const LOCK_FILE = 'vault.lock';
/** A lock file that cannot be read (its writer died mid-write) is stale after this long. */
const UNREADABLE_GRACE_MS = 10_000;

export interface VaultLock {
  readonly path: string;
  release(): void;
}

interface LockOwner {
  pid: number;
  host: string;
  token: string;
}

function readOwner(path: string): LockOwner | null {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockOwner>;
    if (typeof parsed.pid === 'number' && typeof parsed.host === 'string' && typeof parsed.token === 'string') {
      return parsed as LockOwner;
    }
  } catch {
    // Unreadable: judged by age below.
  }
  return null;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Stale: names a process on this machine that no longer runs, or is unreadable and old. */
function isStale(path: string): boolean {
  const owner = readOwner(path);
  if (owner === null) {
    try {
      return Date.now() - statSync(path).mtimeMs > UNREADABLE_GRACE_MS;
    } catch {
      return true;
    }
  }
  return owner.host === hostname() && owner.pid !== process.pid && !isAlive(owner.pid);
}

/** Takes the vault's lock or throws VAULT_IN_USE. A lock held by this same process also counts as in use. */
export function acquireVaultLock(dir: string): VaultLock {
  const path = join(dir, LOCK_FILE);
  const owner: LockOwner = { pid: process.pid, host: hostname(), token: randomBytes(8).toString('hex') };
  for (let attempt = 0; attempt < 2; attempt++) {
    let fd: number;
    try {
      fd = openSync(path, 'wx', 0o600);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      if (attempt === 0 && isStale(path)) {
        rmSync(path, { force: true });
        continue;
      }
      throw new VaultError('VAULT_IN_USE');
    }
    try {
      writeSync(fd, JSON.stringify(owner));
    } finally {
      closeSync(fd);
    }
    let released = false;
    return {
      path,
      release() {
        if (released) return;
        released = true;
        if (readOwner(path)?.token === owner.token) rmSync(path, { force: true });
      },
    };
  }
  throw new VaultError('VAULT_IN_USE');
}

/** True when a live process (possibly this one) holds the vault's lock. */
export function isVaultLocked(dir: string): boolean {
  const path = join(dir, LOCK_FILE);
  try {
    statSync(path);
  } catch {
    return false;
  }
  const owner = readOwner(path);
  if (owner?.pid === process.pid && owner.host === hostname()) return true;
  return !isStale(path);
}
