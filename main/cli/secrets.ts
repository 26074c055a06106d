// Owns where the command-line companion gets secrets from, in restic's and borg's order:
// --recovery-key-file, then --passphrase-file, then HEARTH_PASSPHRASE, then a prompt on a terminal
// (nothing echoed). Secrets never appear in output or error messages.
import { readFileSync } from 'node:fs';
import { assertPassphraseAcceptable, type VaultSecret } from '../../db/vault';
import { CliError, EXIT_CANCELLED, EXIT_USAGE, type CliIo } from './io';

export const SECRET_OPTIONS = {
  'passphrase-file': { type: 'string' },
  'recovery-key-file': { type: 'string' },
} as const;

export interface SecretFlags {
  'passphrase-file'?: string | undefined;
  'recovery-key-file'?: string | undefined;
  'new-passphrase-file'?: string | undefined;
}

/** Reads a secret file; one trailing newline is dropped, as `echo secret > file` adds one. */
function readSecretFile(path: string, what: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new CliError(`Could not read the ${what} file.`);
  }
  const value = text.replace(/\r?\n$/, '');
  if (value === '') throw new CliError(`The ${what} file is empty.`);
  return value;
}

/** Asks on the terminal without echoing what is typed. */
export function promptHidden(io: CliIo, question: string): Promise<string> {
  const { stdin } = io;
  if (!stdin.isTTY || !stdin.setRawMode) {
    return Promise.reject(new CliError('No terminal to ask on.', EXIT_USAGE));
  }
  io.stderr.write(question);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolve, reject) => {
    let value = '';
    let escape = 0;
    const finish = (): void => {
      stdin.setRawMode?.(false);
      stdin.pause();
      stdin.removeListener('data', onData);
      io.stderr.write('\n');
    };
    const onData = (chunk: string | Buffer): void => {
      for (const ch of String(chunk)) {
        if (escape > 0) {
          // Skip terminal escape sequences (arrow keys and the like): ESC [ … final-letter.
          escape = ch === '[' || /[0-9;]/.test(ch) ? escape + 1 : 0;
          continue;
        }
        if (ch === '\r' || ch === '\n') {
          finish();
          resolve(value);
          return;
        }
        if (ch === '\u0003' || (ch === '\u0004' && value === '')) {
          finish();
          reject(new CliError('Cancelled.', EXIT_CANCELLED));
          return;
        }
        if (ch === '\u001b') escape = 1;
        else if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else if (ch === '\u0015') value = '';
        else if (ch >= ' ') value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

/** The secret that unlocks an existing vault. */
export async function unlockSecret(io: CliIo, flags: SecretFlags): Promise<VaultSecret> {
  if (flags['recovery-key-file'] !== undefined) {
    return { recoveryKey: readSecretFile(flags['recovery-key-file'], 'recovery key') };
  }
  if (flags['passphrase-file'] !== undefined) {
    return { passphrase: readSecretFile(flags['passphrase-file'], 'passphrase') };
  }
  const fromEnv = io.env.HEARTH_PASSPHRASE;
  if (fromEnv !== undefined && fromEnv !== '') return { passphrase: fromEnv };
  if (io.stdin.isTTY) return { passphrase: await promptHidden(io, 'Passphrase: ') };
  throw new CliError(
    'No passphrase given. Use --passphrase-file FILE, --recovery-key-file FILE or the HEARTH_PASSPHRASE environment variable, or run this in a terminal.',
    EXIT_USAGE,
  );
}

/**
 * A passphrase being set: from a file, from the environment, or typed twice on a terminal.
 * Refused (WEAK_PASSPHRASE) unless it clears the vault's floor.
 */
export async function newPassphrase(
  io: CliIo,
  source: { file: string | undefined; envName: 'HEARTH_PASSPHRASE' | 'HEARTH_NEW_PASSPHRASE'; fileFlag: string },
): Promise<string> {
  const accepted = (passphrase: string): string => {
    assertPassphraseAcceptable(passphrase);
    return passphrase;
  };
  if (source.file !== undefined) return accepted(readSecretFile(source.file, 'passphrase'));
  const fromEnv = io.env[source.envName];
  if (fromEnv !== undefined && fromEnv !== '') return accepted(fromEnv);
  if (io.stdin.isTTY) {
    const first = await promptHidden(io, 'New passphrase: ');
    const second = await promptHidden(io, 'New passphrase again: ');
    if (first !== second) throw new CliError("The two passphrases don't match. Nothing has been changed.");
    return accepted(first);
  }
  throw new CliError(
    `No new passphrase given. Use ${source.fileFlag} FILE or the ${source.envName} environment variable, or run this in a terminal.`,
    EXIT_USAGE,
  );
}
