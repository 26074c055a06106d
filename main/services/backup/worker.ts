// Owns the backup worker thread: runs exactly one job (export, read = verify/restore, or the vault
// integrity check) sent in workerData, reports progress, honours a cancel message, and posts one
// final message. The same entry also serves a restore's page-check thread (pageMacThread.ts). Hashing,
// encryption, file I/O and SQLite's checks all happen here, off the main process's event loop.
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { toErrorData } from './errors';
import { runExport } from './exportJob';
import { runIntegrity } from './integrityJob';
import { servePageMacs, type PageMacJob } from './pageMacThread';
import { runRead } from './readJob';
import type { BackupProgress } from './progress';
import type { WorkerReply, WorkerRequest } from './workerProtocol';

const port = parentPort;
if (!port) throw new Error('worker.ts must run in a worker thread');

const request = workerData as WorkerRequest | { kind: 'pageMacs'; job: PageMacJob };
if (request.kind === 'pageMacs') servePageMacs(port, request.job);
else await runJob(port, request);

async function runJob(port: MessagePort, request: WorkerRequest): Promise<void> {
  const controller = new AbortController();
  port.on('message', (message: unknown) => {
    if ((message as { type?: string } | null)?.type === 'cancel') controller.abort();
  });
  port.unref(); // the job's own I/O keeps the thread alive; the port alone must not

  const send = (reply: WorkerReply): void => port.postMessage(reply);
  const onProgress = (progress: BackupProgress): void => send({ type: 'progress', progress });

  try {
    const options = { signal: controller.signal, onProgress };
    const result =
      request.kind === 'export'
        ? await runExport(request.job, options)
        : request.kind === 'integrity'
          ? runIntegrity(request.job)
          : await runRead(request.job, options);
    send({ type: 'done', result });
  } catch (err) {
    // Only the problem code and the practitioner's message cross over: no stack, no path, no SQL.
    send({ type: 'failed', error: toErrorData(err), errorName: (err as Error | null)?.name ?? 'unknown' });
  }
}
