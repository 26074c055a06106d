// Owns the archive inside a backup's encrypted body: a sequence of named parts, each framed with
// its size, then an end marker. Parts are streamed (never held whole in memory), each is hashed
// as it passes, and part names are checked so a restore can never write outside its folder.
import type { ChunkReader, ChunkWriter } from './chunks';
import { damaged } from './errors';
import { inThreadHashes, type HashService, type PartHash } from './hasher';

export const PART_ENVELOPE = 'vault.key.json';
export const PART_DATABASE = 'vault.db';
export const PART_MANIFEST = 'manifest.json';
export const ATTACHMENTS_PREFIX = 'attachments/';

const ENTRY_PART = 0x50; // 'P'
const ENTRY_END = 0x45; // 'E'
const MAX_NAME_BYTES = 1024;
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/**
 * Names this format version knows: the three fixed parts, and attachments/<segments>. Segments
 * start with a letter or digit, so `.`, `..`, hidden names and absolute paths are impossible.
 */
export function isValidPartName(name: string): boolean {
  if (name === PART_ENVELOPE || name === PART_DATABASE || name === PART_MANIFEST) return true;
  if (!name.startsWith(ATTACHMENTS_PREFIX) || Buffer.byteLength(name) > MAX_NAME_BYTES) return false;
  return name.slice(ATTACHMENTS_PREFIX.length).split('/').every((s) => SEGMENT.test(s));
}

export interface PartRecord {
  name: string;
  size: number;
  sha256: string;
}

export class ArchiveWriter {
  #chunks: ChunkWriter;
  #hashes: HashService;
  #current: { name: string; size: number; written: number; hash: PartHash } | null = null;
  #names = new Set<string>();

  constructor(chunks: ChunkWriter, hashes: HashService = inThreadHashes()) {
    this.#chunks = chunks;
    this.#hashes = hashes;
  }

  async beginPart(name: string, size: number): Promise<void> {
    if (this.#current) throw new Error('previous part not ended');
    if (!isValidPartName(name) || this.#names.has(name)) throw new Error('invalid or repeated part name');
    if (!Number.isSafeInteger(size) || size < 0) throw new RangeError('part size');
    const nameBytes = Buffer.from(name, 'utf8');
    const head = Buffer.alloc(1 + 2 + nameBytes.length + 8);
    head.writeUInt8(ENTRY_PART, 0);
    head.writeUInt16BE(nameBytes.length, 1);
    nameBytes.copy(head, 3);
    head.writeBigUInt64BE(BigInt(size), 3 + nameBytes.length);
    this.#names.add(name);
    this.#current = { name, size, written: 0, hash: this.#hashes.newHash() };
    await this.#chunks.push(head);
  }

  async write(data: Buffer): Promise<void> {
    const part = this.#current;
    if (!part) throw new Error('no part open');
    if (part.written + data.length > part.size) throw new Error('part longer than declared');
    await part.hash.update(data);
    part.written += data.length;
    await this.#chunks.push(data);
  }

  async endPart(): Promise<PartRecord> {
    const part = this.#current;
    if (!part) throw new Error('no part open');
    if (part.written !== part.size) throw new Error('part shorter than declared');
    this.#current = null;
    return { name: part.name, size: part.size, sha256: await part.hash.digest() };
  }

  /** Convenience for small parts held in memory. */
  async writePart(name: string, data: Buffer): Promise<PartRecord> {
    await this.beginPart(name, data.length);
    await this.write(data);
    return this.endPart();
  }

  async end(): Promise<void> {
    if (this.#current) throw new Error('part still open');
    await this.#chunks.push(Buffer.from([ENTRY_END]));
    await this.#chunks.finish();
  }
}

/** Reads parts back. Every byte it hands out has already been authenticated by the ChunkReader. */
export class ArchiveReader {
  #chunks: ChunkReader;
  #hashes: HashService;
  #pending: Buffer = Buffer.alloc(0);
  #current: { name: string; size: number; left: number; hash: PartHash } | null = null;
  #names = new Set<string>();
  #ended = false;

  constructor(chunks: ChunkReader, hashes: HashService = inThreadHashes()) {
    this.#chunks = chunks;
    this.#hashes = hashes;
  }

  /** Up to `max` plaintext bytes (at least one), or an empty buffer when the plaintext has run out. */
  async #some(max: number): Promise<Buffer> {
    while (this.#pending.length === 0) {
      const next = await this.#chunks.next();
      if (next === null) return Buffer.alloc(0);
      this.#pending = next;
    }
    const out = this.#pending.subarray(0, max);
    this.#pending = this.#pending.subarray(out.length);
    return out;
  }

  async #exact(n: number): Promise<Buffer> {
    const first = await this.#some(n);
    if (first.length === n) return first;
    const pieces = [first];
    let have = first.length;
    while (have < n) {
      const more = await this.#some(n - have);
      if (more.length === 0) throw damaged();
      pieces.push(more);
      have += more.length;
    }
    return Buffer.concat(pieces);
  }

  /** The next part's name and size, or null at the end marker (after proving nothing follows it). */
  async nextPart(): Promise<{ name: string; size: number } | null> {
    if (this.#current) throw new Error('previous part not read');
    if (this.#ended) return null;
    const [type] = await this.#exact(1);
    if (type === ENTRY_END) {
      if ((await this.#some(1)).length > 0) throw damaged(); // plaintext after the end marker
      this.#ended = true;
      return null;
    }
    if (type !== ENTRY_PART) throw damaged();
    const nameLength = (await this.#exact(2)).readUInt16BE(0);
    if (nameLength === 0 || nameLength > MAX_NAME_BYTES) throw damaged();
    const nameBytes = await this.#exact(nameLength);
    let name: string;
    try {
      name = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(nameBytes);
    } catch {
      throw damaged();
    }
    const size = (await this.#exact(8)).readBigUInt64BE(0);
    if (!isValidPartName(name) || this.#names.has(name) || size > BigInt(Number.MAX_SAFE_INTEGER)) throw damaged();
    this.#names.add(name);
    this.#current = { name, size: Number(size), left: Number(size), hash: this.#hashes.newHash() };
    return { name, size: Number(size) };
  }

  /** Streams the current part to `sink` (awaited, so a slow disk slows the reader) and returns its SHA-256. */
  async readPart(sink: (data: Buffer) => Promise<void> | void, maxPiece = 1024 * 1024): Promise<PartRecord> {
    const part = this.#current;
    if (!part) throw new Error('no part open');
    while (part.left > 0) {
      const piece = await this.#some(Math.min(part.left, maxPiece));
      if (piece.length === 0) throw damaged();
      await part.hash.update(piece);
      part.left -= piece.length;
      await sink(piece);
    }
    this.#current = null;
    return { name: part.name, size: part.size, sha256: await part.hash.digest() };
  }

  /** Reads the current part into memory, refusing one larger than `limit`. */
  async readSmallPart(limit: number): Promise<{ record: PartRecord; data: Buffer }> {
    const part = this.#current;
    if (!part) throw new Error('no part open');
    if (part.size > limit) throw damaged();
    const pieces: Buffer[] = [];
    const record = await this.readPart((d) => {
      pieces.push(Buffer.from(d));
    });
    return { record, data: Buffer.concat(pieces) };
  }
}
