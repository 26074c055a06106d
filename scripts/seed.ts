// `npm run seed -- --dir D --cases N --notes M [--seed S] [--passphrase-file F]`: fills a vault
// with realistic, invented British-English case records for demos, screenshots and benchmarks.
// Opens the vault at D (passphrase as for the vault CLI: --passphrase-file, --recovery-key-file,
// HEARTH_PASSPHRASE or a prompt), or creates it if there is none and prints its recovery key.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createVault, openVault, vaultExists, VaultError, type KdfParams, type Vault, type VaultSecret } from '../db/vault';
import { CliError, EXIT_USAGE, line, type CliIo } from '../main/cli/io';
import { newPassphrase, unlockSecret } from '../main/cli/secrets';
import { seedRecords, type SeedSummary } from './seed/fill';

const USAGE = 'Usage: npm run seed -- --dir DIR [--cases N] [--notes M] [--seed S] [--passphrase-file FILE | --recovery-key-file FILE]';

export interface SeedVaultOptions {
  dir: string;
  cases: number;
  notes: number;
  seed?: number;
  /** Bench and tests only: weaker KDF parameters for a vault this creates. */
  kdf?: KdfParams;
  log?: (message: string) => void;
}

/** Local calendar date, YYYY-MM-DD. */
export function localDate(d = new Date()): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * Opens the vault with `secret` (or creates it, when there is none, with the passphrase given) and
 * seeds it. Returns the recovery key when it created the vault.
 */
export async function seedVault(io: CliIo, o: SeedVaultOptions, secret?: VaultSecret): Promise<{ summary: SeedSummary; recoveryKey: string | null }> {
  let vault: Vault;
  let recoveryKey: string | null = null;
  if (vaultExists(o.dir)) {
    vault = await openVault(o.dir, secret ?? (await unlockSecret(io, {})), { holdLock: true });
  } else {
    const passphrase =
      secret && 'passphrase' in secret ? secret.passphrase : await newPassphrase(io, { file: undefined, envName: 'HEARTH_PASSPHRASE', fileFlag: '--passphrase-file' });
    ({ vault, recoveryKey } = await createVault(o.dir, { passphrase, holdLock: true, ...(o.kdf ? { kdf: o.kdf } : {}) }));
  }
  try {
    // A bigger page cache for this one connection: bulk inserts touch far more pages than the app does.
    vault.db.pragma('cache_size = -262144');
    const summary = seedRecords(vault.db, { cases: o.cases, notes: o.notes, seed: o.seed ?? 20261123, today: localDate(), log: o.log ?? (() => undefined) });
    return { summary, recoveryKey };
  } finally {
    vault.close();
  }
}

async function main(io: CliIo): Promise<number> {
  let values;
  try {
    values = parseArgs({
      args: process.argv.slice(2),
      options: {
        dir: { type: 'string' },
        cases: { type: 'string', default: '20' },
        notes: { type: 'string', default: '500' },
        seed: { type: 'string' },
        'passphrase-file': { type: 'string' },
        'recovery-key-file': { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new CliError(`${error instanceof Error ? error.message.split('\n')[0] : 'Invalid arguments.'}\n${USAGE}`, EXIT_USAGE);
  }
  const whole = (name: string, text: string | undefined, min: number): number => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < min) throw new CliError(`--${name} must be a whole number, at least ${min}.\n${USAGE}`, EXIT_USAGE);
    return n;
  };
  const dirText = values.dir ?? io.env.HEARTH_DATA_DIR;
  if (!dirText) throw new CliError(`Which vault? Give its folder with --dir DIR.\n${USAGE}`, EXIT_USAGE);
  const dir = resolve(dirText);
  const options: SeedVaultOptions = {
    dir,
    cases: whole('cases', values.cases, 1),
    notes: whole('notes', values.notes, 0),
    ...(values.seed !== undefined ? { seed: whole('seed', values.seed, 0) } : {}),
    log: (message) => line(io.stderr, `seed: ${message}`),
  };
  const flags = { 'passphrase-file': values['passphrase-file'], 'recovery-key-file': values['recovery-key-file'] };
  let secret: VaultSecret;
  if (vaultExists(dir)) secret = await unlockSecret(io, flags);
  else {
    if (flags['recovery-key-file'] !== undefined) throw new CliError('There is no vault there yet, so there is no recovery key to use. Give a passphrase for the new vault.', EXIT_USAGE);
    secret = { passphrase: await newPassphrase(io, { file: flags['passphrase-file'], envName: 'HEARTH_PASSPHRASE', fileFlag: '--passphrase-file' }) };
    line(io.stderr, 'seed: no vault there yet, so creating one (measuring this computer for the passphrase protection)…');
  }
  const { summary, recoveryKey } = await seedVault(io, options, secret);
  if (recoveryKey) {
    line(io.stderr, 'seed: recovery key below. It is shown only now: keep it somewhere safe.');
    line(io.stdout, recoveryKey);
  }
  const n = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
  line(
    io.stderr,
    `seed: added ${n(summary.cases, 'case')}, ${n(summary.people, 'person', 'people')}, ${n(summary.parties, 'party', 'parties')}, ${n(summary.tasks, 'task')} and ${n(summary.notes, 'note')} ` +
      `(${summary.finalised.toLocaleString('en-GB')} finalised, ${summary.amended} amended, ${summary.significant} significant) in ${summary.seconds} s.`,
  );
  return 0;
}

const isMain = process.argv[1] !== undefined && import.meta.url === new URL(`file://${resolve(process.argv[1])}`).href;
if (isMain) {
  const io: CliIo = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
  try {
    process.exitCode = await main(io);
  } catch (error) {
    if (error instanceof CliError || error instanceof VaultError) {
      line(io.stderr, `seed: ${error.message}`);
      process.exitCode = error instanceof CliError ? error.exitCode : 1;
    } else {
      line(io.stderr, `seed: something unexpected went wrong: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    }
  }
}
