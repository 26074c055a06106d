import { mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listSnapshots, pruneSnapshots, snapshotDue, snapshotNameFor } from './snapshots';

let root: string;
let dir: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'hearth-snapshots-'));
  dir = join(root, 'snapshots');
  mkdirSync(dir);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const day = 86_400_000;
const touch = (path: string) => writeFileSync(path, 'x');

describe('snapshot pruning', () => {
  it('keeps the newest of each of 7 days and 4 weeks, and nothing else it made', () => {
    const now = new Date('2026-11-23T12:00:00Z'); // a Monday
    // Two snapshots a day for 60 days.
    for (let d = 0; d < 60; d++) {
      for (const h of [1, 9]) touch(join(dir, snapshotNameFor(new Date(now.getTime() - d * day - h * 3_600_000))));
    }
    const deleted = pruneSnapshots(dir, now);
    const kept = listSnapshots(dir).map((s) => s.takenAt.toISOString());
    expect(deleted.length).toBe(120 - kept.length);
    // 7 daily: the latest of 23 Nov back to 17 Nov, plus the newest of the 3 weeks before.
    expect(kept).toEqual([
      '2026-11-23T11:00:00.000Z',
      '2026-11-22T11:00:00.000Z',
      '2026-11-21T11:00:00.000Z',
      '2026-11-20T11:00:00.000Z',
      '2026-11-19T11:00:00.000Z',
      '2026-11-18T11:00:00.000Z',
      '2026-11-17T11:00:00.000Z',
      '2026-11-15T11:00:00.000Z',
      '2026-11-08T11:00:00.000Z',
    ]);
    // Running it again deletes nothing more.
    expect(pruneSnapshots(dir, now)).toEqual([]);
  });

  it('never deletes stray files, look-alikes, folders, links or anything outside its folder', () => {
    const now = new Date('2026-11-23T12:00:00Z');
    for (let d = 0; d < 30; d++) touch(join(dir, snapshotNameFor(new Date(now.getTime() - d * day))));
    const outside = join(root, snapshotNameFor(new Date(now.getTime() - 40 * day)));
    touch(outside);
    const strays = [
      'notes.txt',
      'hearth-snapshot-2026-01-01T00-00-00.hearthbackup.bak',
      'hearth-snapshot-2026-1-01T00-00-00.hearthbackup',
      'hearth-snapshot-2026-02-31T00-00-00.hearthbackup',
      'Hearth-snapshot-2026-01-01T00-00-00.hearthbackup',
      'my-backup.hearthbackup',
      'hearth-snapshot-2026-01-01T00-00-00.hearthbackup.partial-zzzzzzzzzzzz',
    ];
    for (const s of strays) touch(join(dir, s));
    mkdirSync(join(dir, snapshotNameFor(new Date(now.getTime() - 50 * day))));
    symlinkSync(outside, join(dir, snapshotNameFor(new Date(now.getTime() - 60 * day))));

    pruneSnapshots(dir, now);

    for (const s of strays) expect(existsSync(join(dir, s)), s).toBe(true);
    expect(existsSync(outside)).toBe(true);
    expect(existsSync(join(dir, snapshotNameFor(new Date(now.getTime() - 50 * day))))).toBe(true);
    expect(existsSync(join(dir, snapshotNameFor(new Date(now.getTime() - 60 * day))))).toBe(true);
    expect(listSnapshots(dir)).toHaveLength(9); // 7 days, plus the newest of the 2 weeks before them
  });

  it('keeps snapshots dated in the future, and clears partial files only once they are stale', () => {
    const now = new Date('2026-11-23T12:00:00Z');
    for (let d = -3; d < 20; d++) touch(join(dir, snapshotNameFor(new Date(now.getTime() - d * day))));
    const fresh = `${snapshotNameFor(now)}.partial-0123456789ab`;
    const stale = `${snapshotNameFor(new Date(now.getTime() - 3 * day))}.partial-ba9876543210`;
    touch(join(dir, fresh));
    touch(join(dir, stale));
    const old = new Date(now.getTime() - 2 * day);
    utimesSync(join(dir, stale), old, old);
    utimesSync(join(dir, fresh), now, now);
    pruneSnapshots(dir, now);
    const names = readdirSync(dir);
    expect(names).toContain(fresh);
    expect(names).not.toContain(stale);
    for (let d = -3; d < 0; d++) expect(names).toContain(snapshotNameFor(new Date(now.getTime() - d * day)));
  });

  it('says a snapshot is due once per day', () => {
    const now = new Date('2026-11-23T08:00:00Z');
    expect(snapshotDue(dir, now)).toBe(true);
    touch(join(dir, snapshotNameFor(new Date('2026-11-22T23:00:00Z'))));
    expect(snapshotDue(dir, now)).toBe(true);
    touch(join(dir, snapshotNameFor(new Date('2026-11-23T07:30:00Z'))));
    expect(snapshotDue(dir, now)).toBe(false);
    expect(snapshotDue(join(root, 'missing'), now)).toBe(true);
  });
});
