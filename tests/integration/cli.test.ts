// The command-line companion end to end: the real CLI in a child process (`node --import tsx`),
// against real vaults. Only one `create` runs full calibration; the others use TEST_KDF vaults.
import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createVault, openVault } from '../../db/vault';
import { LATEST_SCHEMA_VERSION } from '../../db/migrations';
import { createTestVault, makeTempDir, sha256File, TEST_KDF } from '../../db/testing';

const CLI = resolve('main/cli/vault.ts');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

function vault(args: string[], env: Record<string, string> = {}): Promise<Result> {
  return new Promise((done, fail) => {
    const clean = { ...process.env };
    delete clean.HEARTH_PASSPHRASE;
    delete clean.HEARTH_NEW_PASSPHRASE;
    delete clean.HEARTH_DATA_DIR;
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { env: { ...clean, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

async function testVault() {
  const t = await createTestVault({ holdLock: true });
  dirs.push(t.dir);
  t.vault.db.exec("CREATE TABLE scratch_notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO scratch_notes (body) VALUES ('Canary-8812 said no to the visit')");
  t.vault.close();
  return t;
}

describe('vault CLI', () => {
  it('create refuses a passphrase shorter than the app allows, before measuring anything, and creates nothing', async () => {
    const parent = makeTempDir();
    dirs.push(parent);
    const dir = join(parent, 'vault');
    const refused = await vault(['create', '--dir', dir], { HEARTH_PASSPHRASE: 'ninechars' });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('at least 10 characters');
    expect(refused.stderr).not.toContain('Measuring');
    expect(refused.stdout).toBe('');
    expect(existsSync(dir)).toBe(false);
  });

  it('create prints only the recovery key on stdout, and the vault opens with the passphrase and that key', async () => {
    const parent = makeTempDir();
    dirs.push(parent);
    const dir = join(parent, 'vault');
    const created = await vault(['create', '--dir', dir], { HEARTH_PASSPHRASE: 'a passphrase for the cli' });
    expect(created.stderr).toContain('Created a vault');
    expect(created.code).toBe(0);
    const recoveryKey = created.stdout.trim();
    expect(recoveryKey).toMatch(/^([0-9A-HJKMNP-TV-Z]{5}-){7}[0-9A-HJKMNP-TV-Z]{5}$/);

    const envelope = JSON.parse(readFileSync(join(dir, 'vault.key.json'), 'utf8'));
    expect(envelope.passphrase.kdf.memoryKiB).toBeGreaterThanOrEqual(65536);
    expect(envelope.passphrase.kdf.iterations).toBeGreaterThanOrEqual(3);
    (await openVault(dir, { recoveryKey })).close();

    const again = await vault(['create', '--dir', dir], { HEARTH_PASSPHRASE: 'a passphrase for the cli' });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already holds a vault/);
  });

  it('info shows formats, settings and counts, and no record content', async () => {
    const { dir, passphrase } = await testVault();
    const info = await vault(['info', '--dir', dir], { HEARTH_PASSPHRASE: passphrase });
    expect(info.code).toBe(0);
    expect(info.stdout).toMatch(/SQLCipher 4 \(cipher=sqlcipher, legacy=4\)/);
    expect(info.stdout).toMatch(/Argon2id v19, 8 MiB, 1 passes, 1 lanes/);
    expect(info.stdout).toMatch(new RegExp(`Schema version: +${LATEST_SCHEMA_VERSION} `));
    expect(info.stdout).toMatch(/scratch_notes +1/);
    expect(info.stdout).not.toContain('Canary');

    const json = await vault(['info', '--dir', dir, '--json'], { HEARTH_PASSPHRASE: passphrase });
    expect(JSON.parse(json.stdout)).toMatchObject({ schemaVersion: LATEST_SCHEMA_VERSION, records: { scratch_notes: 1, meta: 2 } });
  });

  it('key prints the raw key; a wrong passphrase is a short message and exit 1', async () => {
    const { dir, passphrase } = await testVault();
    const key = await vault(['key', '--dir', dir], { HEARTH_PASSPHRASE: passphrase });
    expect(key.stdout).toMatch(/^[0-9a-f]{64}\n$/);

    const wrong = await vault(['key', '--dir', dir], { HEARTH_PASSPHRASE: 'definitely not it' });
    expect(wrong).toMatchObject({ code: 1, stdout: '', stderr: "vault key: That passphrase doesn't match this vault.\n" });

    const none = await vault(['key', '--dir', dir]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/No passphrase given/);
  });

  it('check exits 0 on a sound vault and 1 on a damaged one, naming pages only', async () => {
    const { dir, recoveryKey } = await testVault();
    const keyFile = join(dir, '..', `${dir.split('/').pop()}-recovery.txt`);
    writeFileSync(keyFile, `${recoveryKey.toLowerCase()}\n`);
    dirs.push(keyFile);
    const sound = await vault(['check', '--dir', dir, '--recovery-key-file', keyFile]);
    expect(sound.code).toBe(0);
    expect(sound.stdout).toContain('The vault is sound.');

    const path = join(dir, 'vault.db');
    const bytes = readFileSync(path);
    bytes[bytes.length - 300]! ^= 0x40;
    writeFileSync(path, bytes);
    const damaged = await vault(['check', '--dir', dir, '--recovery-key-file', keyFile]);
    expect(damaged.code).toBe(1);
    expect(damaged.stdout).toMatch(/Encryption: Page \d+ failed its authentication check/);
    expect(damaged.stdout).not.toContain('Canary');
  });

  it('passwd re-wraps the key only, and refuses while the app has the vault open', async () => {
    const { dir, passphrase } = await testVault();
    const before = sha256File(join(dir, 'vault.db'));
    const newFile = join(dir, '..', `${dir.split('/').pop()}-new.txt`);
    dirs.push(newFile);
    writeFileSync(newFile, 'the new passphrase\n');

    const app = await openVault(dir, { passphrase });
    const refused = await vault(['passwd', '--dir', dir, '--new-passphrase-file', newFile], { HEARTH_PASSPHRASE: passphrase });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/open in Hearth/);
    app.close();

    const changed = await vault(['passwd', '--dir', dir, '--new-passphrase-file', newFile], { HEARTH_PASSPHRASE: passphrase });
    expect(changed.stderr).toContain('Measuring');
    expect(changed.code).toBe(0);
    expect(sha256File(join(dir, 'vault.db'))).toBe(before);
    await expect(openVault(dir, { passphrase })).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    const reopened = await openVault(dir, { passphrase: 'the new passphrase' });
    expect(reopened.envelopeInfo.kdf.memoryKiB).toBeGreaterThanOrEqual(65536);
    reopened.close();
  });

  it('rotate-recovery-key prints a new key that works, and HEARTH_DATA_DIR stands in for --dir', async () => {
    const dir = join(makeTempDir(), 'v');
    dirs.push(dir);
    const { vault: v, recoveryKey: old } = await createVault(dir, { passphrase: 'rotating passphrase', kdf: TEST_KDF });
    v.close();
    const rotated = await vault(['rotate-recovery-key'], { HEARTH_DATA_DIR: dir, HEARTH_PASSPHRASE: 'rotating passphrase' });
    expect(rotated.code).toBe(0);
    const fresh = rotated.stdout.trim();
    expect(fresh).not.toBe(old);
    (await openVault(dir, { recoveryKey: fresh })).close();
    await expect(openVault(dir, { recoveryKey: old })).rejects.toMatchObject({ code: 'WRONG_RECOVERY_KEY' });
  });

  it('explains usage mistakes', async () => {
    expect((await vault([])).code).toBe(2);
    const unknown = await vault(['frobnicate']);
    expect(unknown).toMatchObject({ code: 2 });
    expect(unknown.stderr).toMatch(/no command called "frobnicate"/);
    const badFlag = await vault(['info', '--dri', '/tmp']);
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).toMatch(/Usage: vault info/);
    expect(badFlag.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});
