// Owns SHA-256 hashing of backup parts, on the job's own thread or on a thread of its own so that
// hashing a large part overlaps with encrypting or decrypting it (on machines with cores to spare).
// The hashing thread is a few lines of plain JavaScript (no build step, same in tests and in the
// packaged app); bytes are copied to it, at most HASH_BACKLOG_BYTES ahead of what it has hashed.
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ThreadFeed } from './threadFeed';

export interface PartHash {
  /** Adds bytes; the caller may reuse `data` as soon as this returns (or its promise resolves). */
  update(data: Buffer): Promise<void> | void;
  digest(): Promise<string>;
}

export interface HashService {
  newHash(): PartHash;
  close(): Promise<void>;
}

/** Everything on the calling thread: for small jobs and as the reference behaviour. */
export function inThreadHashes(): HashService {
  return {
    newHash() {
      const hash = createHash('sha256');
      return {
        update: (data) => void hash.update(data),
        digest: async () => hash.digest('hex'),
      };
    },
    close: async () => undefined,
  };
}

const HASH_BACKLOG_BYTES = 8 * 1024 * 1024;

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const hashes = new Map();
parentPort.on('message', (m) => {
  if (m.t === 'u') {
    let h = hashes.get(m.id);
    if (!h) hashes.set(m.id, (h = createHash('sha256')));
    h.update(m.data);
    parentPort.postMessage({ t: 'a', n: m.data.byteLength });
  } else if (m.t === 'd') {
    const h = hashes.get(m.id) || createHash('sha256');
    hashes.delete(m.id);
    parentPort.postMessage({ t: 'h', id: m.id, hex: h.digest('hex') });
  }
});
`;

type Reply = { t: 'h'; id: number; hex: string };

export function threadedHashes(): HashService {
  const digests = new Map<number, { resolve: (hex: string) => void; reject: (err: Error) => void }>();
  const feed = new ThreadFeed<Reply>(
    new Worker(WORKER_SOURCE, { eval: true, stdin: false }),
    HASH_BACKLOG_BYTES,
    (reply) => {
      digests.get(reply.id)?.resolve(reply.hex);
      digests.delete(reply.id);
    },
    'hashing thread stopped',
  );
  feed.onFailure((err) => {
    for (const waiter of digests.values()) waiter.reject(err);
    digests.clear();
  });
  let nextId = 1;

  return {
    newHash() {
      const id = nextId++;
      return {
        update(data) {
          if (data.length === 0) {
            if (feed.failure) throw feed.failure;
            return;
          }
          return feed.send({ t: 'u', id, data }, data.length);
        },
        digest() {
          if (feed.failure) return Promise.reject(feed.failure);
          return new Promise<string>((resolve, reject) => {
            digests.set(id, { resolve, reject });
            feed.post({ t: 'd', id });
          });
        },
      };
    },
    close: () => feed.close(),
  };
}

export type HashingMode = 'auto' | 'thread' | 'inline';

/** Below this, starting a thread costs more than it saves. */
const THREADED_HASH_THRESHOLD = 8 * 1024 * 1024;
/**
 * With fewer cores, the I/O threads and the garbage collector already keep the second core busy;
 * measured on a two-core machine, a hashing thread made backups slower, not faster.
 */
const THREADED_HASH_MIN_CORES = 4;

/** The hashing to use for a job of about `bytes`. */
export function hashesFor(bytes: number, mode: HashingMode = 'auto'): HashService {
  const threaded = mode === 'thread' || (mode === 'auto' && bytes >= THREADED_HASH_THRESHOLD && availableParallelism() >= THREADED_HASH_MIN_CORES);
  return threaded ? threadedHashes() : inThreadHashes();
}
