// The companion's backup, verify and restore commands: exit statuses, the passphrase conventions
// shared with the other commands, and messages a person can act on.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openVault } from '../../db/vault';
import type { TestVault } from '../../db/testing';
import { backupCommand } from '../../main/cli/commands/backup';
import { restoreCommand } from '../../main/cli/commands/restore';
import { verifyCommand } from '../../main/cli/commands/verify';
import { CliError, type CliIo } from '../../main/cli/io';
import type { Command } from '../../main/cli/command';
import { runCli } from '../../main/cli/run';
import { dumpTables, seededVault } from '../../main/services/backup/testing';

let tv: TestVault;
let scratch: string;
let backup: string;

function fakeIo(env: Record<string, string> = {}): CliIo & { out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const stdin = new PassThrough() as unknown as CliIo['stdin'];
  return { stdout, stderr, stdin, env, out: () => out, err: () => err };
}

/** Runs a command as the dispatcher would: a CliError becomes its exit status and message. */
async function run(command: Command, args: string[], env: Record<string, string>) {
  const io = fakeIo(env);
  let code: number;
  try {
    code = await command.run(io, args);
  } catch (e) {
    if (!(e instanceof CliError)) throw e;
    io.stderr.write(`${e.message}\n`);
    code = e.exitCode;
  }
  return { code, out: io.out(), err: io.err() };
}

beforeAll(async () => {
  tv = await seededVault({ people: 8, notes: 20 });
  scratch = mkdtempSync(join(tmpdir(), 'hearth-cli-backup-'));
  backup = join(scratch, 'cli.hearthbackup');
});

afterAll(() => {
  tv.cleanup();
  rmSync(scratch, { recursive: true, force: true });
});

describe('vault backup / verify / restore', () => {
  it('backs up with HEARTH_PASSPHRASE, verifies (exit 0) and restores into a new folder', async () => {
    const env = { HEARTH_PASSPHRASE: tv.passphrase };
    const made = await run(backupCommand, ['--dir', tv.dir, '--out', backup], env);
    expect(made.code).toBe(0);
    expect(made.out).toContain('Backup written');
    expect(made.out).toContain('backup_test_notes 20');

    const checked = await run(verifyCommand, [backup], env);
    expect(checked.code).toBe(0);
    expect(checked.out).toContain('every byte is authenticated');

    const target = join(scratch, 'restored');
    const restored = await run(restoreCommand, [backup, '--dir', target], env);
    expect(restored.code).toBe(0);
    const vault = await openVault(target, { passphrase: tv.passphrase }, { holdLock: false });
    expect(dumpTables(vault.db)).toEqual(dumpTables(tv.vault.db));
    vault.close();
  });

  it('takes the recovery key from --recovery-key-file and the passphrase from --passphrase-file', async () => {
    const keyFile = join(scratch, 'recovery.txt');
    writeFileSync(keyFile, `${tv.recoveryKey}\n`);
    expect((await run(verifyCommand, [backup, '--recovery-key-file', keyFile], {})).code).toBe(0);
    const passFile = join(scratch, 'pass.txt');
    writeFileSync(passFile, `${tv.passphrase}\n`);
    expect((await run(verifyCommand, [backup, '--passphrase-file', passFile], {})).code).toBe(0);
  });

  it('exits 1 with a plain message for a damaged file, a wrong passphrase or a non-backup', async () => {
    const bytes = readFileSync(backup);
    const cut = join(scratch, 'cut.hearthbackup');
    writeFileSync(cut, bytes.subarray(0, bytes.length - 100));
    const damaged = await run(verifyCommand, [cut], { HEARTH_PASSPHRASE: tv.passphrase });
    expect(damaged.code).toBe(1);
    expect(damaged.err).toContain('This backup is damaged: it may have been cut short or changed.');

    const wrong = await run(verifyCommand, [backup], { HEARTH_PASSPHRASE: 'wrong passphrase' });
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain("That passphrase doesn't open this backup");

    const notes = join(scratch, 'notes.txt');
    writeFileSync(notes, 'just some notes\n');
    const notBackup = await run(verifyCommand, [notes], { HEARTH_PASSPHRASE: tv.passphrase });
    expect(notBackup.code).toBe(1);
    expect(notBackup.err).toContain("This file isn't a Hearth backup.");
  });

  it('restore refuses a folder that is not empty (exit 1) and touches nothing in it', async () => {
    const busy = join(scratch, 'busy');
    mkdirSync(busy);
    writeFileSync(join(busy, 'a.txt'), 'keep');
    const result = await run(restoreCommand, [backup, '--dir', busy], { HEARTH_PASSPHRASE: tv.passphrase });
    expect(result.code).toBe(1);
    expect(result.err).toContain("this folder isn't empty");
    expect(readFileSync(join(busy, 'a.txt'), 'utf8')).toBe('keep');
  });

  it('usage mistakes exit 2', async () => {
    const env = { HEARTH_PASSPHRASE: tv.passphrase };
    expect((await run(verifyCommand, [], env)).code).toBe(2);
    expect((await run(verifyCommand, [backup, backup], env)).code).toBe(2);
    expect((await run(restoreCommand, [backup], env)).code).toBe(2);
    expect((await run(backupCommand, ['--dir', tv.dir], env)).code).toBe(2);
    expect((await run(verifyCommand, [backup, '--nonsense'], env)).code).toBe(2);
    expect((await run(verifyCommand, [backup], {})).code).toBe(2); // no passphrase and no terminal to ask on
  });

  it('backup will not overwrite a file without --force', async () => {
    const env = { HEARTH_PASSPHRASE: tv.passphrase };
    const refused = await run(backupCommand, ['--dir', tv.dir, '--out', backup], env);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('already there');
    expect((await run(backupCommand, ['--dir', tv.dir, '--out', backup, '--force'], env)).code).toBe(0);
  });
});

describe('through the dispatcher', () => {
  it('lists the three commands and runs them with their exit statuses', async () => {
    const help = fakeIo();
    expect(await runCli(['help'], help)).toBe(0);
    for (const name of ['backup', 'verify', 'restore']) expect(help.out()).toContain(`  ${name} `);
    const io = fakeIo({ HEARTH_PASSPHRASE: tv.passphrase });
    expect(await runCli(['verify', backup], io)).toBe(0);
    const notes = join(scratch, 'not-a-backup.txt');
    writeFileSync(notes, 'hello');
    const failed = fakeIo({ HEARTH_PASSPHRASE: tv.passphrase });
    expect(await runCli(['verify', notes], failed)).toBe(1);
    expect(failed.err()).toBe("vault verify: This file isn't a Hearth backup.\n");
  });
});
