// Owns the encrypted body of a backup: plaintext cut into fixed-size chunks, each sealed with
// AES-256-GCM under a nonce and associated data that carry its index and whether it is the last.
// A reader therefore notices any chunk that is missing, repeated, moved, cut short or added after the end.
import { createCipheriv, createDecipheriv } from 'node:crypto';
import { damaged } from './errors';
import {
  RECORD_FLAG_FINAL,
  RECORD_FLAG_MORE,
  RECORD_HEADER_BYTES,
  TAG_BYTES,
  chunkAad,
  chunkNonce,
} from './format';
import type { BlockReader, WritableFile } from './io';
import { noteShortLivedBytes } from './memory';

const MAX_WRITES_IN_FLIGHT = 3;

/** Size on disk of one full record: flags + length + ciphertext + tag. */
export const recordBytes = (chunkSize: number): number => RECORD_HEADER_BYTES + chunkSize + TAG_BYTES;

export class ChunkWriter {
  #out: WritableFile;
  #encKey: Buffer;
  #headerMac: Buffer;
  #chunkSize: number;
  #buf: Buffer;
  #fill = 0;
  #index = 0n;
  #inflight: Promise<void>[] = [];
  #failure: unknown = null;
  #finished = false;
  #signal: AbortSignal | undefined;

  constructor(out: WritableFile, encKey: Buffer, headerMac: Buffer, chunkSize: number, signal?: AbortSignal) {
    this.#out = out;
    this.#encKey = encKey;
    this.#headerMac = headerMac;
    this.#chunkSize = chunkSize;
    this.#buf = Buffer.alloc(chunkSize);
    this.#signal = signal;
  }

  /** Adds plaintext. A full chunk is sealed only once more plaintext arrives, so the last chunk is always flagged final. */
  async push(data: Buffer): Promise<void> {
    let offset = 0;
    while (offset < data.length) {
      if (this.#fill === this.#chunkSize) await this.#seal(RECORD_FLAG_MORE);
      const n = data.copy(this.#buf, this.#fill, offset);
      this.#fill += n;
      offset += n;
    }
  }

  /** Seals the final chunk (possibly empty) and waits for every write to land. Does not fsync. */
  async finish(): Promise<void> {
    if (this.#finished) throw new Error('already finished');
    await this.#seal(RECORD_FLAG_FINAL);
    this.#finished = true;
    await this.settle();
    if (this.#failure) throw this.#failure;
  }

  async #seal(flags: number): Promise<void> {
    this.#signal?.throwIfAborted();
    const length = this.#fill;
    const cipher = createCipheriv('aes-256-gcm', this.#encKey, chunkNonce(this.#index, flags));
    cipher.setAAD(chunkAad(this.#headerMac, this.#index, flags, length));
    const head = Buffer.alloc(RECORD_HEADER_BYTES);
    head.writeUInt8(flags, 0);
    head.writeUInt32BE(length, 1);
    const body = cipher.update(this.#buf.subarray(0, length));
    const last = cipher.final();
    const tag = cipher.getAuthTag();
    this.#index += 1n;
    this.#fill = 0;
    noteShortLivedBytes(body.length);
    // A few writes in flight: the next chunks are sealed while earlier ones go to disk.
    while (this.#inflight.length >= MAX_WRITES_IN_FLIGHT) await this.#inflight.shift();
    if (this.#failure) throw this.#failure;
    const pieces = last.length > 0 ? [head, body, last, tag] : [head, body, tag];
    this.#inflight.push(
      this.#out.write(pieces).catch((err: unknown) => {
        this.#failure ??= err;
      }),
    );
  }

  /** Waits for every write in flight without sealing anything; also used before cleaning up after a failure. */
  async settle(): Promise<void> {
    await Promise.all(this.#inflight);
    this.#inflight = [];
  }
}

export class ChunkReader {
  #in: BlockReader;
  #encKey: Buffer;
  #headerMac: Buffer;
  #chunkSize: number;
  #index = 0n;
  #done = false;
  #signal: AbortSignal | undefined;

  constructor(input: BlockReader, encKey: Buffer, headerMac: Buffer, chunkSize: number, signal?: AbortSignal) {
    this.#in = input;
    this.#encKey = encKey;
    this.#headerMac = headerMac;
    this.#chunkSize = chunkSize;
    this.#signal = signal;
  }

  get done(): boolean {
    return this.#done;
  }

  /**
   * The next chunk's plaintext, released only after its tag checks out; null once the final chunk
   * has been read and nothing follows it. Throws DAMAGED for anything else.
   */
  async next(): Promise<Buffer | null> {
    if (this.#done) return null;
    this.#signal?.throwIfAborted();
    const head = await this.#in.read(RECORD_HEADER_BYTES);
    if (head.length < RECORD_HEADER_BYTES) throw damaged(); // cut short: the final chunk never came
    const flags = head.readUInt8(0);
    const length = head.readUInt32BE(1);
    if (flags !== RECORD_FLAG_MORE && flags !== RECORD_FLAG_FINAL) throw damaged();
    if (length > this.#chunkSize || (flags === RECORD_FLAG_MORE && length !== this.#chunkSize)) throw damaged();
    const body = await this.#in.read(length + TAG_BYTES);
    if (body.length < length + TAG_BYTES) throw damaged();
    const decipher = createDecipheriv('aes-256-gcm', this.#encKey, chunkNonce(this.#index, flags));
    decipher.setAAD(chunkAad(this.#headerMac, this.#index, flags, length));
    decipher.setAuthTag(body.subarray(length));
    let plain: Buffer;
    try {
      const first = decipher.update(body.subarray(0, length));
      const last = decipher.final();
      plain = last.length > 0 ? Buffer.concat([first, last]) : first;
    } catch {
      throw damaged();
    }
    this.#index += 1n;
    noteShortLivedBytes(plain.length);
    if (flags === RECORD_FLAG_FINAL) {
      if ((await this.#in.read(1)).length > 0) throw damaged(); // bytes after the final chunk
      this.#done = true;
    }
    return plain;
  }
}
