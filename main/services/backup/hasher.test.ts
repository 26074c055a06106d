import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inThreadHashes, threadedHashes } from './hasher';

describe('hashing on its own thread', () => {
  it('gives the same SHA-256 as hashing in place, for parts big and small, interleaved', async () => {
    const service = threadedHashes();
    try {
      const big = randomBytes(20 * 1024 * 1024); // more than the backlog allows, so back-pressure is exercised
      const small = randomBytes(100);
      const a = service.newHash();
      const b = service.newHash();
      const empty = service.newHash();
      for (let at = 0; at < big.length; at += 1024 * 1024) {
        const piece = Buffer.from(big.subarray(at, at + 1024 * 1024));
        await a.update(piece);
        piece.fill(0); // the caller may reuse its buffer at once
        if (at === 0) await b.update(small);
      }
      expect(await a.digest()).toBe(createHash('sha256').update(big).digest('hex'));
      expect(await b.digest()).toBe(createHash('sha256').update(small).digest('hex'));
      expect(await empty.digest()).toBe(createHash('sha256').digest('hex'));
    } finally {
      await service.close();
    }
  });

  it('matches the in-thread service', async () => {
    const data = randomBytes(5000);
    const inline = inThreadHashes().newHash();
    await inline.update(data);
    const threaded = threadedHashes();
    const h = threaded.newHash();
    await h.update(data);
    expect(await h.digest()).toBe(await inline.digest());
    await threaded.close();
  });
});
