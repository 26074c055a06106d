// WAL with synchronous=FULL: a commit that has returned survives the process being killed mid-write.
// (Power loss cannot be simulated here; FULL makes every commit fsync the WAL before returning,
// which is what SQLite documents as durable. NORMAL would only sync at checkpoints.)
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openVault } from '../../db/vault';
import { createTestVault } from '../../db/testing';

const writer = (repo: string, dir: string, passphrase: string) => `
import { openVault } from ${JSON.stringify(join(repo, 'db/vault/index.ts'))};
const vault = await openVault(${JSON.stringify(dir)}, { passphrase: ${JSON.stringify(passphrase)} });
vault.db.exec('CREATE TABLE IF NOT EXISTS visits (n INTEGER PRIMARY KEY, filler TEXT)');
const insert = vault.db.prepare('INSERT INTO visits (n, filler) VALUES (?, ?)');
for (let n = 1; ; n++) {
  insert.run(n, 'x'.repeat(2000));
  process.stdout.write(n + '\\n');
}
`;

describe('crash safety', () => {
  it('keeps every acknowledged commit when the writer is killed', async () => {
    const { vault, dir, passphrase } = await createTestVault();
    vault.close();
    const script = join(dir, 'writer.mts');
    writeFileSync(script, writer(resolve('.'), dir, passphrase));
    const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let acknowledged = 0;
    let buffered = '';
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    await new Promise<void>((done, fail) => {
      child.stdout.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        const lines = buffered.split('\n');
        buffered = lines.pop()!;
        for (const line of lines) acknowledged = Number(line);
        if (acknowledged >= 300 && !child.killed) child.kill('SIGKILL');
      });
      child.on('exit', () => done());
      child.on('error', fail);
    });
    rmSync(script);
    expect(errors).toBe('');
    expect(acknowledged).toBeGreaterThanOrEqual(300);

    const reopened = await openVault(dir, { passphrase });
    const count = reopened.db.prepare('SELECT count(*) FROM visits').pluck().get() as number;
    expect(count).toBeGreaterThanOrEqual(acknowledged);
    expect(reopened.checkIntegrity()).toEqual({ ok: true, problems: [] });
    reopened.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
