// Owns starting the backup worker and talking to it: one worker per job, progress forwarded,
// an AbortSignal turned into a cancel message, and the worker's failure rebuilt as a BackupError.
//
// Which file the worker runs: from source (vitest, tsx: this module's URL ends in .ts) it is
// worker.ts, loaded through tsx's hooks; in the bundled app it is `backup-worker.js`, built as a
// second entry of the main process (electron.vite.config.ts), found beside this code or one
// folder up (when the bundler puts shared code in a chunks/ folder).
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BackupError } from './errors';
import type { BackupProgress } from './progress';
import type { CancelMessage, WorkerReply, WorkerRequest, WorkerResult } from './workerProtocol';

export const BUNDLED_WORKER_FILE = 'backup-worker.js';

let bundledFrom: URL | null = null;

/**
 * Makes jobs run the bundled worker in `dir` even while this module runs from source: for the
 * benchmark, which measures the worker that ships (and builds it first). Never called by the app.
 */
export function runBundledWorkerFrom(dir: string): void {
  bundledFrom = new URL(BUNDLED_WORKER_FILE, pathToFileURL(`${dir}/`));
}

/** The backup worker's entry file, and how to start it (also used to start a page-check thread). */
export function workerEntry(): { url: URL; execArgv?: string[] } {
  if (bundledFrom) return { url: bundledFrom };
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const tsx = pathToFileURL(createRequire(here).resolve('tsx')).href;
    // Built from a variable, so bundlers leave it alone rather than treating it as an asset.
    const source = './worker.ts';
    return { url: new URL(source, here), execArgv: ['--import', tsx] };
  }
  const candidates = [`./${BUNDLED_WORKER_FILE}`, `../${BUNDLED_WORKER_FILE}`].map((rel) => new URL(rel, here));
  return { url: candidates.find((url) => existsSync(fileURLToPath(url))) ?? candidates[0]! };
}

export interface RunOptions {
  signal?: AbortSignal;
  onProgress?: (progress: BackupProgress) => void;
}

export function runInWorker<R extends WorkerRequest>(request: R, opts: RunOptions = {}): Promise<WorkerResult<R>> {
  const { signal, onProgress } = opts;
  if (signal?.aborted) return Promise.reject(new BackupError('CANCELLED'));
  const entry = workerEntry();
  return new Promise((resolve, reject) => {
    const worker = new Worker(entry.url, {
      workerData: request,
      ...(entry.execArgv ? { execArgv: entry.execArgv } : {}),
      // The worker never needs the parent's stdin, and its own output would only be noise.
      stdin: false,
    });
    let settled = false;
    const finish = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      outcome();
    };
    const onAbort = (): void => worker.postMessage({ type: 'cancel' } satisfies CancelMessage);
    signal?.addEventListener('abort', onAbort, { once: true });

    worker.on('message', (reply: WorkerReply) => {
      if (reply.type === 'progress') {
        try {
          onProgress?.(reply.progress);
        } catch {
          // a broken progress listener must not break the backup
        }
      } else if (reply.type === 'done') {
        finish(() => resolve(reply.result as WorkerResult<R>));
      } else {
        finish(() =>
          reject(reply.error ? new BackupError(reply.error.problem, reply.error.message) : new Error(`backup worker failed (${reply.errorName})`)),
        );
      }
    });
    worker.on('error', (err) => finish(() => reject(err)));
    worker.on('exit', (code) => finish(() => reject(new Error(`backup worker stopped early (exit ${code})`))));
  });
}
