// Owns checking a restored vault's page HMACs while it is written: on the restore's own thread for
// small vaults, or on a second backup-worker thread for large ones, so that SHA-512 (most of the
// cost of restoring) runs on another core alongside decrypting, hashing and writing. Both sides
// of the thread live here: the restore feeds bytes in file order and later asks for the verdict;
// the thread runs a PageMacVerifier and answers. Bytes are copied across (threadFeed.ts), with at
// most MAC_BACKLOG_BYTES in flight.
import { availableParallelism } from 'node:os';
import { Worker, type MessagePort } from 'node:worker_threads';
import { PageMacVerifier } from '../../../db/vault/pageMacs';
import { workerEntry } from './runner';
import { ThreadFeed, type Ack } from './threadFeed';

export interface PageMacCheck {
  /** Gives the vault key; call once, before the first update. */
  begin(key: Buffer): void;
  /** Feeds the next bytes of vault.db; the caller may reuse `data` once this returns or its promise resolves. */
  update(data: Buffer): Promise<void> | void;
  /** Every problem found (empty when every page authenticates). */
  finish(): Promise<string[]>;
  /** Stops the thread, if any; safe to call more than once. */
  close(): Promise<void>;
}

export type PageMacMode = 'auto' | 'thread' | 'inline';

/** The job a page-MAC thread is started with (through the backup worker's own entry file); the key follows in a message. */
export type PageMacJob = Record<string, never>;

type ToThread = { t: 'k'; keyHex: string } | { t: 'u'; data: Buffer } | { t: 'end' };
type FromThread = { t: 'done'; problems: string[] };

const MAC_BACKLOG_BYTES = 32 * 1024 * 1024;
/** Below this, starting a thread costs more than it saves. */
const THREADED_THRESHOLD = 16 * 1024 * 1024;

export function inlinePageMacs(): PageMacCheck {
  let verifier: PageMacVerifier | null = null;
  let verdict: string[] | null = null;
  const started = (): PageMacVerifier => {
    if (!verifier) throw new Error('page check not begun');
    return verifier;
  };
  return {
    begin: (key) => void (verifier = new PageMacVerifier(key)),
    update: (data) => started().update(data),
    finish: async () => (verdict ??= started().finish()),
    close: async () => verifier?.wipe(),
  };
}

/** Starts the thread at once, so that its start-up overlaps with opening the backup. */
export function threadedPageMacs(): PageMacCheck {
  const entry = workerEntry();
  const worker = new Worker(entry.url, {
    workerData: { kind: 'pageMacs', job: {} satisfies PageMacJob },
    ...(entry.execArgv ? { execArgv: entry.execArgv } : {}),
    stdin: false,
  });
  let verdict: { resolve: (problems: string[]) => void; reject: (err: Error) => void } | null = null;
  const feed = new ThreadFeed<FromThread>(worker, MAC_BACKLOG_BYTES, (reply) => verdict?.resolve(reply.problems), 'page check thread stopped');
  feed.onFailure((err) => verdict?.reject(err));
  return {
    begin: (key) => feed.post({ t: 'k', keyHex: key.toString('hex') } satisfies ToThread),
    update(data) {
      if (data.length === 0) return;
      return feed.send({ t: 'u', data } satisfies ToThread, data.length);
    },
    finish() {
      if (feed.failure) return Promise.reject(feed.failure);
      return new Promise<string[]>((resolve, reject) => {
        verdict = { resolve, reject };
        feed.post({ t: 'end' } satisfies ToThread);
      });
    },
    close: () => feed.close(),
  };
}

/** The check for a restore of about `bytes`: a thread when it is large and there is a core to spare. */
export function pageMacsFor(bytes: number, mode: PageMacMode = 'auto'): PageMacCheck {
  const threaded = mode === 'thread' || (mode === 'auto' && bytes >= THREADED_THRESHOLD && availableParallelism() >= 2);
  return threaded ? threadedPageMacs() : inlinePageMacs();
}

/** The thread's side: take the key, verify what arrives, acknowledge it, answer once at the end. */
export function servePageMacs(port: MessagePort, _job: PageMacJob): void {
  let verifier: PageMacVerifier | null = null;
  port.on('message', (message: ToThread) => {
    if (message.t === 'k') {
      const key = Buffer.from(message.keyHex, 'hex');
      verifier = new PageMacVerifier(key);
      key.fill(0);
    } else if (!verifier) {
      throw new Error('page check not begun');
    } else if (message.t === 'u') {
      // Structured clone delivers a plain Uint8Array; view it as a Buffer without copying.
      const { buffer, byteOffset, byteLength } = message.data;
      verifier.update(Buffer.from(buffer, byteOffset, byteLength));
      port.postMessage({ t: 'a', n: byteLength } satisfies Ack);
    } else {
      port.postMessage({ t: 'done', problems: verifier.finish() } satisfies FromThread);
    }
  });
}
