// The contents, not just the encryption: crafted backups sealed with the vault's real key, so they
// authenticate perfectly, each with one thing wrong inside. Every part missing, corrupted, extra,
// repeated or out of place must be caught, and so must a sound-looking database that is not.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestVault } from '../../db/testing';
import { BackupError, exportBackup, restoreBackup } from '../../main/services/backup';
import { runRead } from '../../main/services/backup/readJob';
import { craftBackup, readEnvelopeBytes, seededVault, type CraftedPart } from '../../main/services/backup/testing';

let tv: TestVault;
let scratch: string;
let keyHex: string;
let envelope: Buffer;
let database: Buffer;
let counts: Record<string, number>;
let schemaVersion: number;

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const listing = (parts: CraftedPart[]) => parts.map((p) => ({ name: p.name, size: p.data.length, sha256: sha(p.data) }));

function manifest(overrides: Record<string, unknown> = {}, parts: CraftedPart[] = goodParts()): CraftedPart {
  const body = {
    format: 'hearth-backup-manifest',
    version: 1,
    createdAt: '2026-11-23T12:00:00.000Z',
    appVersion: '0.1.0',
    schemaVersion,
    counts,
    parts: listing(parts),
    ...overrides,
  };
  return { name: 'manifest.json', data: Buffer.from(JSON.stringify(body)) };
}

const goodParts = (): CraftedPart[] => [
  { name: 'vault.key.json', data: envelope },
  { name: 'vault.db', data: database },
];

let counter = 0;
async function outcome(
  parts: CraftedPart[],
  opts: { endMarker?: boolean; trailing?: Buffer; rawNames?: boolean; restore?: boolean } = {},
): Promise<string> {
  const path = join(scratch, `crafted-${counter++}.hearthbackup`);
  await craftBackup(path, { keyHex, envelope, parts, ...opts });
  const target = opts.restore ? join(scratch, `restored-${counter}`) : undefined;
  try {
    await runRead({ path, secret: { passphrase: tv.passphrase }, ...(target ? { restoreTo: target } : {}) });
    return 'accepted';
  } catch (err) {
    if (err instanceof BackupError) {
      if (target) expect(existsSync(target), 'a failed restore leaves no folder behind').toBe(false);
      return err.problem;
    }
    throw err;
  } finally {
    rmSync(path, { force: true });
  }
}

beforeAll(async () => {
  tv = await seededVault({ people: 12, notes: 30 });
  scratch = mkdtempSync(join(tmpdir(), 'hearth-manifest-'));
  keyHex = tv.vault.rawKeyHex();
  envelope = readEnvelopeBytes(tv.dir);
  // A real database snapshot: made by a real backup, restored, read back.
  const real = join(scratch, 'real.hearthbackup');
  const result = await exportBackup({ vault: tv.vault, outPath: real });
  await restoreBackup(real, { passphrase: tv.passphrase }, join(scratch, 'real'));
  database = readFileSync(join(scratch, 'real', 'vault.db'));
  counts = result.counts;
  schemaVersion = result.schemaVersion;
});

afterAll(() => {
  tv.cleanup();
  rmSync(scratch, { recursive: true, force: true });
});

describe('a faithfully crafted backup', () => {
  it('is accepted and restores, so every refusal below is down to the one thing changed', async () => {
    expect(await outcome([...goodParts(), manifest()])).toBe('accepted');
    expect(await outcome([...goodParts(), manifest()], { restore: true })).toBe('accepted');
    expect(readdirSync(join(scratch, `restored-${counter}`)).sort()).toEqual(['vault.db', 'vault.key.json']);
  });
});

describe('parts missing', () => {
  it('the manifest', async () => {
    expect(await outcome(goodParts())).toBe('DAMAGED');
  });
  it('the database, listed or not', async () => {
    expect(await outcome([goodParts()[0]!, manifest()])).toBe('DAMAGED');
    expect(await outcome([goodParts()[0]!, manifest({}, [goodParts()[0]!])])).toBe('DAMAGED');
  });
  it('the key envelope, listed or not', async () => {
    expect(await outcome([goodParts()[1]!, manifest()])).toBe('DAMAGED');
    expect(await outcome([goodParts()[1]!, manifest({}, [goodParts()[1]!])])).toBe('DAMAGED');
  });
  it('the end marker', async () => {
    expect(await outcome([...goodParts(), manifest()], { endMarker: false })).toBe('DAMAGED');
  });
});

describe('parts corrupted', () => {
  it('the database, with the manifest left as it was', async () => {
    const bad = Buffer.from(database);
    bad[5000] = bad[5000]! ^ 1;
    expect(await outcome([goodParts()[0]!, { name: 'vault.db', data: bad }, manifest()])).toBe('DAMAGED');
  });
  it('the database cut short or lengthened, with the manifest left as it was', async () => {
    expect(await outcome([goodParts()[0]!, { name: 'vault.db', data: database.subarray(0, 4096) }, manifest()])).toBe('DAMAGED');
    expect(await outcome([goodParts()[0]!, { name: 'vault.db', data: Buffer.concat([database, Buffer.alloc(4096)]) }, manifest()])).toBe('DAMAGED');
  });
  it('the key envelope, or one that is not the header’s', async () => {
    const bad = Buffer.from(envelope);
    bad[40] = bad[40]! ^ 1;
    expect(await outcome([{ name: 'vault.key.json', data: bad }, goodParts()[1]!, manifest()])).toBe('DAMAGED');
    // Even with a manifest that agrees with it: the envelope part must be the one in the header.
    const parts = [{ name: 'vault.key.json', data: bad }, goodParts()[1]!];
    expect(await outcome([...parts, manifest({}, parts)])).toBe('DAMAGED');
  });
  it('the manifest: not JSON, wrong shape, wrong hash, wrong size, unknown fields', async () => {
    expect(await outcome([...goodParts(), { name: 'manifest.json', data: Buffer.from('{ not json') }])).toBe('DAMAGED');
    expect(await outcome([...goodParts(), { name: 'manifest.json', data: Buffer.from([0xff, 0xfe, 0x00]) }])).toBe('DAMAGED');
    expect(await outcome([...goodParts(), manifest({ format: 'something-else' })])).toBe('DAMAGED');
    expect(await outcome([...goodParts(), manifest({ version: 2 })])).toBe('DAMAGED');
    expect(await outcome([...goodParts(), manifest({ counts: { notes: -1 } })])).toBe('DAMAGED');
    expect(await outcome([...goodParts(), manifest({ extra: true })])).toBe('DAMAGED');
    const wrongHash = listing(goodParts()).map((p) => (p.name === 'vault.db' ? { ...p, sha256: sha(Buffer.from('x')) } : p));
    expect(await outcome([...goodParts(), manifest({ parts: wrongHash })])).toBe('DAMAGED');
    const wrongSize = listing(goodParts()).map((p) => (p.name === 'vault.db' ? { ...p, size: p.size + 1 } : p));
    expect(await outcome([...goodParts(), manifest({ parts: wrongSize })])).toBe('DAMAGED');
    const listedTwice = [...listing(goodParts()), listing(goodParts())[1]!];
    expect(await outcome([...goodParts(), manifest({ parts: listedTwice })])).toBe('DAMAGED');
  });
});

describe('parts extra, repeated or out of place', () => {
  it('a part the manifest does not list', async () => {
    const extra = { name: 'attachments/a1', data: Buffer.from('scan') };
    expect(await outcome([...goodParts(), extra, manifest()])).toBe('DAMAGED');
  });
  it('a listed attachment is fine, an unlisted one is not', async () => {
    const parts = [...goodParts(), { name: 'attachments/a1', data: Buffer.from('scan') }];
    expect(await outcome([...parts, manifest({}, parts)])).toBe('accepted');
  });
  it('the same part twice', async () => {
    const parts = [...goodParts(), goodParts()[1]!];
    expect(await outcome([...parts, manifest()], { rawNames: true })).toBe('DAMAGED');
  });
  it('a part after the manifest, or plaintext after the end marker', async () => {
    expect(await outcome([goodParts()[0]!, manifest(), goodParts()[1]!])).toBe('DAMAGED');
    expect(await outcome([...goodParts(), manifest()], { trailing: Buffer.from('more') })).toBe('DAMAGED');
  });
  it('names that would escape the restore folder, or that this version does not know', async () => {
    for (const name of ['../escaped', '/tmp/escaped', 'attachments/../../escaped', 'settings.json']) {
      const parts = [...goodParts(), { name, data: Buffer.from('x') }];
      expect(await outcome([...parts, manifest()], { rawNames: true, restore: true }), name).toBe('DAMAGED');
    }
    expect(existsSync(join(scratch, '..', 'escaped'))).toBe(false);
  });
});

describe('a database that authenticates but is not sound', () => {
  it('passes the byte checks but is refused by restore’s integrity_check', async () => {
    // Scramble a page in the middle, then list the scrambled file honestly in the manifest.
    const bad = Buffer.from(database);
    bad.fill(0x41, 4096 * 3, 4096 * 4);
    const parts = [goodParts()[0]!, { name: 'vault.db', data: bad }];
    expect(await outcome([...parts, manifest({}, parts)])).toBe('accepted'); // checking alone cannot know
    expect(await outcome([...parts, manifest({}, parts)], { restore: true })).toBe('RESTORED_VAULT_FAILED_CHECK');
  });
  it('holds different rows from the ones its manifest promises', async () => {
    const wrongCounts = { ...counts, backup_test_notes: (counts.backup_test_notes ?? 0) + 1 };
    expect(await outcome([...goodParts(), manifest({ counts: wrongCounts })], { restore: true })).toBe('RESTORED_VAULT_FAILED_CHECK');
    expect(await outcome([...goodParts(), manifest({ schemaVersion: schemaVersion + 1 })], { restore: true })).toBe('RESTORED_VAULT_FAILED_CHECK');
  });
});
