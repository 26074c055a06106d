// Owns SQLCipher 4's per-page authentication outside SQLite: deriving the HMAC key from the raw
// key and page 1's salt, and checking every page's HMAC-SHA512 as bytes stream past in order (from
// the file for "Check vault integrity", or from a backup as it is restored). What Zetetic's
// `PRAGMA cipher_integrity_check` does; this build of SQLite3 Multiple Ciphers lacks that pragma.
import { hash, pbkdf2Sync, timingSafeEqual } from 'node:crypto';

/** SQLCipher 4 defaults: 4096-byte pages, each ending in a 16-byte IV and a 64-byte HMAC-SHA512. */
export const PAGE_SIZE = 4096;
const HMAC_BYTES = 64;
const SALT_BYTES = 16;
const SHA512_BLOCK = 128;
/** SQLite never writes the page holding the lock bytes (its PENDING_BYTE, 1 GiB), so it carries no HMAC. */
const LOCK_BYTE_OFFSET = 0x40000000;
const MAX_LISTED = 100;

/**
 * Checks pages fed in file order, in pieces of any size. Each page's HMAC is
 * HMAC-SHA512(hmacKey, encrypted bytes ‖ IV ‖ page number as 4 bytes little-endian), where
 * hmacKey = PBKDF2-HMAC-SHA512(key, salt XOR 0x3a, 2 iterations, 32 bytes) and the salt is page 1's
 * first 16 bytes (which the HMAC does not cover). HMAC is computed as two one-shot SHA-512 calls
 * over pre-padded buffers: about twice as fast as a fresh `createHmac` per page.
 * Problems name page numbers only, never content.
 */
export class PageMacVerifier {
  readonly #key: Buffer;
  /** ipad-xored key block, then the page's authenticated bytes, then the page number. */
  readonly #inner = Buffer.alloc(SHA512_BLOCK + PAGE_SIZE - HMAC_BYTES + 4);
  /** opad-xored key block, then the inner digest. */
  readonly #outer = Buffer.alloc(SHA512_BLOCK + HMAC_BYTES);
  /** The computed HMAC, and the one stored at the page's end. */
  readonly #mac = Buffer.alloc(HMAC_BYTES);
  readonly #stored = Buffer.alloc(HMAC_BYTES);
  readonly #carry = Buffer.alloc(PAGE_SIZE);
  #carried = 0;
  #nextPage = 1;
  readonly problems: string[] = [];

  readonly #lockByteOffset: number;

  /**
   * `key` is the raw 32-byte SQLCipher key; it is copied, and wiped by {@link finish}.
   * `lockByteOffset` is SQLite's PENDING_BYTE, which SQLite's own tests can move too; only tests
   * pass it, so that the page it lands on need not be a gigabyte into the file.
   */
  constructor(key: Buffer, opts: { lockByteOffset?: number } = {}) {
    this.#key = Buffer.from(key);
    this.#lockByteOffset = opts.lockByteOffset ?? LOCK_BYTE_OFFSET;
  }

  update(data: Buffer): void {
    let at = 0;
    if (this.#carried > 0) {
      const take = Math.min(PAGE_SIZE - this.#carried, data.length);
      data.copy(this.#carry, this.#carried, 0, take);
      this.#carried += take;
      at = take;
      if (this.#carried < PAGE_SIZE) return;
      this.#page(this.#carry);
      this.#carried = 0;
    }
    for (; at + PAGE_SIZE <= data.length; at += PAGE_SIZE) this.#page(data.subarray(at, at + PAGE_SIZE));
    if (at < data.length) {
      data.copy(this.#carry, 0, at);
      this.#carried = data.length - at;
    }
  }

  /** Ends the stream: returns every problem found (empty when all pages authenticate) and wipes the keys. */
  finish(): string[] {
    if (this.#carried > 0) this.#note(`The file size is not a whole number of ${PAGE_SIZE}-byte pages.`);
    if (this.#nextPage === 1 && this.#carried === 0) this.#note('The file holds no pages.');
    this.wipe();
    return this.problems;
  }

  wipe(): void {
    this.#key.fill(0);
    this.#inner.fill(0);
    this.#outer.fill(0);
    this.#mac.fill(0);
    this.#carry.fill(0);
  }

  #page(page: Buffer): void {
    const pgno = this.#nextPage++;
    if (pgno === 1) this.#deriveKey(page.subarray(0, SALT_BYTES));
    if ((pgno - 1) * PAGE_SIZE === this.#lockByteOffset) return;
    if (this.problems.length > MAX_LISTED) return;
    const inner = this.#inner;
    // Page 1's salt is not authenticated; its bytes from the salt on are, shifted into place.
    const from = pgno === 1 ? SALT_BYTES : 0;
    const end = PAGE_SIZE - HMAC_BYTES;
    const start = SHA512_BLOCK + from;
    page.copy(inner, start, from, end);
    inner.writeUInt32LE(pgno, SHA512_BLOCK + end);
    const innerInput = from === 0 ? inner : Buffer.concat([inner.subarray(0, SHA512_BLOCK), inner.subarray(start)]);
    // Digests come back as one-byte-per-byte strings ('binary' is Node's name for latin1) and are
    // written into reused buffers: a fresh Buffer per digest, two per page, made the whole check
    // about a quarter slower in allocation and garbage collection.
    this.#outer.write(hash('sha512', innerInput, 'binary'), SHA512_BLOCK, HMAC_BYTES, 'binary');
    this.#mac.write(hash('sha512', this.#outer, 'binary'), 0, HMAC_BYTES, 'binary');
    page.copy(this.#stored, 0, end);
    if (!timingSafeEqual(this.#mac, this.#stored)) this.#note(`Page ${pgno} failed its authentication check (HMAC).`);
  }

  #deriveKey(salt: Buffer): void {
    const hmacKey = pbkdf2Sync(this.#key, Buffer.from(salt.map((b) => b ^ 0x3a)), 2, 32, 'sha512');
    const block = Buffer.alloc(SHA512_BLOCK);
    hmacKey.copy(block);
    for (let i = 0; i < SHA512_BLOCK; i++) {
      this.#inner[i] = block[i]! ^ 0x36;
      this.#outer[i] = block[i]! ^ 0x5c;
    }
    block.fill(0);
    hmacKey.fill(0);
  }

  #note(problem: string): void {
    if (this.problems.length === MAX_LISTED) this.problems.push('Further page problems were not listed.');
    else if (this.problems.length < MAX_LISTED) this.problems.push(problem);
  }
}
