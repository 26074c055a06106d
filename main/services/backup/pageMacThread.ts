// Owns checking a restored vault's page HMACs: on the restore's own thread for small vaults, or on
// a second backup-worker thread for large ones, so that SHA-512 (most of the cost of restoring)
// runs on another core. The thread reads the restored file back from the operating system's cache,
// trailing the writer: the restore tells it how far the file has landed and never waits for it,
// and its last pages are checked while SQLite's integrity_check runs. Both sides live here.
import { closeSync, openSync, readSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker, type MessagePort } from 'node:worker_threads';
import { PageMacVerifier } from '../../../db/vault/pageMacs';
import { workerEntry } from './runner';

export interface PageMacCheck {
  /** Gives the vault key and the restored file's path; call once, after creating the file and before writing it. */
  begin(key: Buffer, path: string): void;
  /** The file now holds every byte before `end`; `data` is the piece that ended there (not kept). */
  landed(data: Buffer, end: number): void;
  /** Call once the file is complete (`size` bytes): every problem found, empty when every page authenticates. */
  finish(size: number): Promise<string[]>;
  /** Stops the thread, if any, and closes the file; safe to call more than once. */
  close(): Promise<void>;
}

export type PageMacMode = 'auto' | 'thread' | 'inline';

/** The job a page-MAC thread is started with (through the backup worker's own entry file); the key follows in a message. */
export type PageMacJob = Record<string, never>;

type ToThread = { t: 'k'; keyHex: string; fd: number } | { t: 'w'; end: number } | { t: 'end'; size: number };
type FromThread = { t: 'done'; problems: string[] };

/** Below this, starting a thread costs more than it saves. */
const THREADED_THRESHOLD = 16 * 1024 * 1024;
const READ_BYTES = 1024 * 1024;

/** Checks each piece as it lands, on the calling thread. */
export function inlinePageMacs(): PageMacCheck {
  let verifier: PageMacVerifier | null = null;
  let verdict: string[] | null = null;
  const started = (): PageMacVerifier => {
    if (!verifier) throw new Error('page check not begun');
    return verifier;
  };
  return {
    begin: (key) => void (verifier = new PageMacVerifier(key)),
    landed: (data) => started().update(data),
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
  let fd: number | null = null;
  let failure: Error | null = null;
  let verdict: { resolve: (problems: string[]) => void; reject: (err: Error) => void } | null = null;
  const fail = (err: Error): void => {
    failure ??= err;
    verdict?.reject(failure);
  };
  worker.on('message', (reply: FromThread) => verdict?.resolve(reply.problems));
  worker.on('error', fail);
  worker.on('exit', () => fail(new Error('page check thread stopped')));
  const post = (message: ToThread): void => {
    if (failure) throw failure;
    worker.postMessage(message);
  };
  return {
    begin(key, path) {
      // Opened here, not in the thread, so that close() can always close it: a thread that is
      // stopped part-way would otherwise leave it open, holding a deleted file's space.
      fd = openSync(path, 'r');
      post({ t: 'k', keyHex: key.toString('hex'), fd });
    },
    landed: (_data, end) => post({ t: 'w', end }),
    finish(size) {
      if (failure) return Promise.reject(failure);
      return new Promise<string[]>((resolve, reject) => {
        verdict = { resolve, reject };
        post({ t: 'end', size });
      });
    },
    async close() {
      worker.removeAllListeners('exit');
      await worker.terminate();
      if (fd !== null) closeSync(fd);
      fd = null;
    },
  };
}

/** The check for a restore of about `bytes`: a thread when it is large and there is a core to spare. */
export function pageMacsFor(bytes: number, mode: PageMacMode = 'auto'): PageMacCheck {
  const threaded = mode === 'thread' || (mode === 'auto' && bytes >= THREADED_THRESHOLD && availableParallelism() >= 2);
  return threaded ? threadedPageMacs() : inlinePageMacs();
}

/**
 * The thread's side: take the key and the file, check everything that has landed each time it is
 * told more has, and answer once at the end. Never writes, and never closes the file.
 */
export function servePageMacs(port: MessagePort, _job: PageMacJob): void {
  let verifier: PageMacVerifier | null = null;
  let fd = -1;
  let checked = 0;
  const buf = Buffer.alloc(READ_BYTES);
  const checkUpTo = (end: number): void => {
    while (checked < end && verifier) {
      const read = readSync(fd, buf, 0, Math.min(READ_BYTES, end - checked), checked);
      if (read === 0) throw new Error('restored file shorter than written');
      verifier.update(buf.subarray(0, read));
      checked += read;
    }
  };
  port.on('message', (message: ToThread) => {
    if (message.t === 'k') {
      const key = Buffer.from(message.keyHex, 'hex');
      verifier = new PageMacVerifier(key);
      key.fill(0);
      fd = message.fd;
    } else if (!verifier) {
      throw new Error('page check not begun');
    } else if (message.t === 'w') {
      checkUpTo(message.end);
    } else {
      checkUpTo(message.size);
      const problems = verifier.finish();
      buf.fill(0);
      port.postMessage({ t: 'done', problems } satisfies FromThread);
    }
  });
}
