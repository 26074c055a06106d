// workerEntry: from source it runs worker.ts through tsx; told to (the benchmark does), it runs the
// bundled backup-worker.js from the given folder instead, with no loader.
import { describe, expect, it } from 'vitest';
import { BUNDLED_WORKER_FILE, runBundledWorkerFrom, workerEntry } from './runner';

describe('workerEntry', () => {
  it('runs the TypeScript source through tsx when this module runs from source', () => {
    const entry = workerEntry();
    expect(entry.url.pathname.endsWith('/main/services/backup/worker.ts')).toBe(true);
    expect(entry.execArgv?.[0]).toBe('--import');
  });

  it('runs the bundled worker from the folder it is given, once told to', () => {
    runBundledWorkerFrom('/opt/hearth/out/main');
    const entry = workerEntry();
    expect(entry.url.href).toBe(`file:///opt/hearth/out/main/${BUNDLED_WORKER_FILE}`);
    expect(entry.execArgv).toBeUndefined();
  });
});
