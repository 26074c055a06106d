// Owns the shape of a command and the pieces every command shares: option parsing with
// node:util parseArgs, finding the vault folder, and opening the vault for the length of a command.
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { resolve } from 'node:path';
import { openVault, type Vault } from '../../db/vault';
import { CliError, EXIT_USAGE, type CliIo } from './io';
import { unlockSecret, type SecretFlags } from './secrets';

export interface Command {
  readonly name: string;
  readonly summary: string;
  /** Options after the command name, e.g. `--dir DIR [--passphrase-file FILE]`. */
  readonly usage: string;
  run(io: CliIo, args: string[]): Promise<number>;
}

export const DIR_OPTION = { dir: { type: 'string' } } as const;

export function parseOptions<T extends ParseArgsOptionsConfig>(command: Command, args: string[], options: T) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (err) {
    const detail = err instanceof Error ? err.message.split('\n')[0] : 'Invalid arguments.';
    throw new CliError(`${detail}\nUsage: vault ${command.name} ${command.usage}`, EXIT_USAGE);
  }
}

/** --dir, or HEARTH_DATA_DIR, as the app does. */
export function vaultDir(io: CliIo, dir: string | undefined): string {
  const chosen = dir ?? io.env.HEARTH_DATA_DIR;
  if (chosen === undefined || chosen === '') {
    throw new CliError('Which vault? Give its folder with --dir DIR (or set HEARTH_DATA_DIR).', EXIT_USAGE);
  }
  return resolve(chosen);
}

/**
 * Unlocks the vault for one command. Read-only commands take no lock, so they work while the app
 * has the vault open; commands that change the key file take the lock and so refuse while it does.
 */
export async function withVault<T>(
  io: CliIo,
  dir: string,
  flags: SecretFlags,
  mode: 'read' | 'rewrap',
  action: (vault: Vault) => Promise<T> | T,
): Promise<T> {
  const secret = await unlockSecret(io, flags);
  const vault = await openVault(dir, secret, { readonly: true, holdLock: mode === 'rewrap' });
  try {
    return await action(vault);
  } finally {
    vault.close();
  }
}
