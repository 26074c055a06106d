// Owns the automatic local snapshots: encrypted backups in <data folder>/snapshots/, one a day,
// keeping the newest of each of the 7 most recent days and of the 4 most recent weeks. Pruning
// only ever deletes regular files inside that folder whose names match the snapshot pattern
// exactly; anything else there (or anywhere else) is never touched.
import { lstatSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { FILE_EXTENSION } from './format';
import { stampFor } from './swap';

export const SNAPSHOTS_DIR = 'snapshots';
export const KEEP_DAILY = 7;
export const KEEP_WEEKLY = 4;
/** A partial snapshot this old belongs to a run that crashed, not to one in progress. */
const STALE_PARTIAL_MS = 24 * 60 * 60 * 1000;

const SNAPSHOT_NAME = /^hearth-snapshot-(\d{4})-(\d{2})-(\d{2})T(\d{2})-(\d{2})-(\d{2})\.hearthbackup$/;
const PARTIAL_NAME = /^hearth-snapshot-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.hearthbackup\.partial-[0-9a-f]{12}$/;

export interface SnapshotFile {
  name: string;
  path: string;
  takenAt: Date;
}

export const snapshotsDir = (dataDir: string): string => join(dataDir, SNAPSHOTS_DIR);
export const snapshotNameFor = (date: Date): string => `hearth-snapshot-${stampFor(date)}${FILE_EXTENSION}`;

function parseName(name: string): Date | null {
  const m = SNAPSHOT_NAME.exec(name);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  // Reject names like 2026-02-31 that Date would quietly roll over.
  return stampFor(date) === name.slice('hearth-snapshot-'.length, -FILE_EXTENSION.length) ? date : null;
}

const isPlainFile = (path: string): boolean => {
  try {
    return lstatSync(path).isFile();
  } catch {
    return false;
  }
};

/** Snapshots in `dir` (the snapshots folder itself), newest first. */
export function listSnapshots(dir: string): SnapshotFile[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const found: SnapshotFile[] = [];
  for (const name of names) {
    const takenAt = parseName(name);
    const path = join(dir, name);
    if (takenAt && isPlainFile(path)) found.push({ name, path, takenAt });
  }
  return found.sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime());
}

const dayKey = (d: Date): string => d.toISOString().slice(0, 10);

/** ISO 8601 week, e.g. 2026-W48 (weeks start on Monday; the week's Thursday decides its year). */
function weekKey(d: Date): string {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  t.setUTCDate(t.getUTCDate() + 4 - (t.getUTCDay() || 7));
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((t.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${t.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** Which snapshots the policy keeps: the newest of each of the most recent days and weeks, and any dated after `now`. */
export function snapshotsToKeep(snapshots: readonly SnapshotFile[], now: Date): Set<string> {
  const keep = new Set<string>();
  const past = snapshots.filter((s) => s.takenAt.getTime() <= now.getTime());
  for (const s of snapshots) if (!past.includes(s)) keep.add(s.name); // clock trouble: keep, never guess
  for (const [key, limit] of [[dayKey, KEEP_DAILY], [weekKey, KEEP_WEEKLY]] as const) {
    const seen = new Set<string>();
    for (const s of past) {
      const k = key(s.takenAt);
      if (seen.has(k)) continue;
      if (seen.size >= limit) break;
      seen.add(k);
      keep.add(s.name); // newest first, so the first of each day or week is its newest
    }
  }
  return keep;
}

/** Deletes snapshots the policy does not keep, and partial snapshots left by a crash. Returns the names deleted. */
export function pruneSnapshots(dir: string, now: Date): string[] {
  const snapshots = listSnapshots(dir);
  const keep = snapshotsToKeep(snapshots, now);
  const deleted: string[] = [];
  for (const s of snapshots) {
    if (keep.has(s.name)) continue;
    rmSync(s.path);
    deleted.push(s.name);
  }
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    // no folder, nothing to tidy
  }
  for (const name of names) {
    if (!PARTIAL_NAME.test(name)) continue;
    const path = join(dir, name);
    try {
      const st = lstatSync(path);
      if (st.isFile() && now.getTime() - st.mtimeMs > STALE_PARTIAL_MS) {
        rmSync(path);
        deleted.push(name);
      }
    } catch {
      // vanished meanwhile
    }
  }
  return deleted;
}

/** True when no snapshot has been taken yet on `now`'s (UTC) day. */
export function snapshotDue(dir: string, now: Date): boolean {
  const today = dayKey(now);
  return !listSnapshots(dir).some((s) => dayKey(s.takenAt) === today);
}

/** The snapshot folder, created (owner-only) if missing. */
export function ensureSnapshotsDir(dataDir: string): string {
  const dir = snapshotsDir(dataDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}
