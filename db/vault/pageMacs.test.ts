// PageMacVerifier against real SQLCipher pages: any split of the stream gives the same answer,
// and a change to any authenticated byte is pinned to its page.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestVault, type TestVault } from '../testing';
import { PAGE_SIZE, PageMacVerifier } from './pageMacs';

let tv: TestVault;
let file: Buffer;
let key: Buffer;

beforeAll(async () => {
  tv = await createTestVault();
  tv.vault.db.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  const insert = tv.vault.db.prepare('INSERT INTO filler (body) VALUES (?)');
  for (let i = 0; i < 60; i++) insert.run(`row ${i} `.repeat(200));
  tv.vault.db.pragma('wal_checkpoint(TRUNCATE)');
  key = Buffer.from(tv.vault.rawKeyHex(), 'hex');
  file = readFileSync(join(tv.dir, 'vault.db'));
});

afterAll(() => tv.cleanup());

function verify(bytes: Buffer, cuts: number[] = []): string[] {
  const verifier = new PageMacVerifier(key);
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    verifier.update(bytes.subarray(at, cut));
    at = cut;
  }
  verifier.update(bytes.subarray(at));
  return verifier.finish();
}

describe('PageMacVerifier', () => {
  it('accepts every page of a real vault, however the stream is split', () => {
    expect(file.length / PAGE_SIZE).toBeGreaterThan(20);
    expect(verify(file)).toEqual([]);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: file.length }), { maxLength: 12 }), (cuts) => {
        expect(verify(file, cuts)).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });

  it('names exactly the page whose authenticated bytes changed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 16, max: file.length - 1 }), fc.integer({ min: 1, max: 255 }), (offset, mask) => {
        const bytes = Buffer.from(file);
        bytes[offset]! ^= mask;
        const page = Math.floor(offset / PAGE_SIZE) + 1;
        expect(verify(bytes, [offset])).toEqual([`Page ${page} failed its authentication check (HMAC).`]);
      }),
      { numRuns: 40 },
    );
  });

  it('fails every page when the salt is changed, since the HMAC key comes from it', () => {
    const bytes = Buffer.from(file);
    bytes[3]! ^= 0x10;
    expect(verify(bytes)).toHaveLength(Math.min(file.length / PAGE_SIZE, 100) + (file.length / PAGE_SIZE > 100 ? 1 : 0));
  });

  it('skips the page holding SQLite’s lock bytes, which SQLite never writes, and only that page', () => {
    // Moved from 1 GiB to page 5's start, as SQLite's own tests can move it.
    const lockByteOffset = 4 * PAGE_SIZE;
    const check = (damagedPage: number): string[] => {
      const bytes = Buffer.from(file);
      bytes[(damagedPage - 1) * PAGE_SIZE + 100]! ^= 0x01;
      const verifier = new PageMacVerifier(key, { lockByteOffset });
      verifier.update(bytes);
      return verifier.finish();
    };
    expect(check(5)).toEqual([]);
    expect(check(4)).toEqual(['Page 4 failed its authentication check (HMAC).']);
    expect(check(6)).toEqual(['Page 6 failed its authentication check (HMAC).']);
  });

  it('refuses a wrong key, a ragged end and an empty stream', () => {
    const wrong = new PageMacVerifier(Buffer.alloc(32, 7));
    wrong.update(file);
    expect(wrong.finish()[0]).toBe('Page 1 failed its authentication check (HMAC).');
    expect(verify(file.subarray(0, file.length - 10))).toEqual([`The file size is not a whole number of ${PAGE_SIZE}-byte pages.`]);
    expect(verify(Buffer.alloc(0))).toEqual(['The file holds no pages.']);
  });

  it('works on its own copy of the key, so finishing leaves the caller’s key intact', () => {
    const mine = Buffer.from(key);
    const verifier = new PageMacVerifier(mine);
    verifier.update(file.subarray(0, PAGE_SIZE));
    expect(verifier.finish()).toEqual([]);
    expect(mine.equals(key)).toBe(true);
  });
});
