// The encrypted chunk layer on its own, below the archive and manifest (which would also notice
// most of these): each chunk must open only at its own position, and only the last as the last.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ChunkReader, ChunkWriter, recordBytes } from './chunks';
import { BackupError } from './errors';
import { MIN_CHUNK_SIZE } from './format';
import { BlockReader, type ReadAt, type WritableFile } from './io';

const SIZE = MIN_CHUNK_SIZE;
const RECORD = recordBytes(SIZE);

function memoryFile(): WritableFile & { bytes(): Buffer } {
  const pieces: Buffer[] = [];
  let written = 0;
  return {
    get bytesWritten() {
      return written;
    },
    async write(buffers) {
      for (const b of buffers) {
        pieces.push(Buffer.from(b));
        written += b.length;
      }
    },
    sync: async () => undefined,
    close: async () => undefined,
    bytes: () => Buffer.concat(pieces),
  };
}

const readAtBuffer =
  (data: Buffer): ReadAt =>
  async (buf, offset, length, position) =>
    data.copy(buf, offset, position, Math.min(data.length, position + length));

const key = randomBytes(32);
const headerMac = randomBytes(32);

async function seal(plain: Buffer): Promise<Buffer> {
  const file = memoryFile();
  const writer = new ChunkWriter(file, key, headerMac, SIZE);
  await writer.push(plain);
  await writer.finish();
  return file.bytes();
}

async function open(sealed: Buffer, mac = headerMac): Promise<Buffer> {
  const reader = new ChunkReader(new BlockReader(readAtBuffer(sealed), 0, sealed.length, RECORD), key, mac, SIZE);
  const out: Buffer[] = [];
  for (let chunk = await reader.next(); chunk !== null; chunk = await reader.next()) out.push(chunk);
  return Buffer.concat(out);
}

async function problem(sealed: Buffer, mac = headerMac): Promise<string> {
  try {
    await open(sealed, mac);
    return 'accepted';
  } catch (err) {
    return err instanceof BackupError ? err.problem : String(err);
  }
}

const recs = (b: Buffer): Buffer[] => Array.from({ length: Math.ceil(b.length / RECORD) }, (_, i) => b.subarray(i * RECORD, (i + 1) * RECORD));

describe('chunk layer', () => {
  it('round-trips any length, including exact multiples of the chunk size and nothing at all', async () => {
    for (const n of [0, 1, SIZE - 1, SIZE, SIZE + 1, 3 * SIZE, 3 * SIZE + 17]) {
      const plain = randomBytes(n);
      const sealed = await seal(plain);
      expect((await open(sealed)).equals(plain), `length ${n}`).toBe(true);
      expect(sealed.length).toBe(Math.max(1, Math.ceil(n / SIZE)) * 21 + n); // 5-byte record header + 16-byte tag each
    }
  });

  it('refuses chunks swapped, repeated, dropped, or the last one missing or followed by anything', async () => {
    const sealed = await seal(randomBytes(6 * SIZE + 100));
    const r = recs(sealed);
    expect(r).toHaveLength(7);
    const cases: [string, Buffer[]][] = [
      ['swapped', [r[0]!, r[2]!, r[1]!, ...r.slice(3)]],
      ['repeated', [r[0]!, r[1]!, r[1]!, ...r.slice(2)]],
      ['dropped', [r[0]!, ...r.slice(2)]],
      ['last missing', r.slice(0, 6)],
      ['last repeated', [...r, r[6]!]],
      ['garbage after', [...r, Buffer.from([0])]],
      ['full chunk passed off as last', [...r.slice(0, 5), Buffer.concat([Buffer.from([1]), r[5]!.subarray(1)])]],
      ['last passed off as not last', [...r.slice(0, 6), Buffer.concat([Buffer.from([0]), r[6]!.subarray(1)])]],
    ];
    for (const [name, parts] of cases) expect(await problem(Buffer.concat(parts)), name).toBe('DAMAGED');
  });

  it('refuses chunks under another header, or from another stream with the same key', async () => {
    const sealed = await seal(randomBytes(3 * SIZE));
    expect(await problem(sealed, randomBytes(32))).toBe('DAMAGED');
    const other = await seal(randomBytes(3 * SIZE));
    // Same key and header MAC (never the case for real backups, whose keys differ): position binding alone must hold.
    const mixed = Buffer.concat([recs(sealed)[0]!, recs(other)[1]!, ...recs(sealed).slice(2)]);
    expect(await problem(mixed)).toBe('accepted'); // same position, same key: indistinguishable, hence per-backup keys
    const moved = Buffer.concat([recs(other)[1]!, ...recs(sealed).slice(1)]);
    expect(await problem(moved)).toBe('DAMAGED');
  });
});
