// `vault backup --dir DIR --out FILE`: writes an encrypted .hearthbackup of the vault. Works while
// the app has the vault open (it only reads). Ctrl-C cancels and leaves no partial file.
// Also owns what the three backup commands (backup, verify, restore) share: FILE parsing, progress
// on a terminal, Ctrl-C, and turning a BackupError into a message and an exit status.
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { BackupError, exportBackup, type BackupProgress } from '../../services/backup';
import { DIR_OPTION, parseOptions, vaultDir, withVault, type Command } from '../command';
import { CliError, EXIT_CANCELLED, EXIT_FAILED, EXIT_OK, EXIT_USAGE, formatBytes, line, type CliIo } from '../io';
import { SECRET_OPTIONS } from '../secrets';

/** Parses `COMMAND FILE [options]`: exactly one file, plus the secret options and `extra`. */
export function parseFileCommand<T extends ParseArgsOptionsConfig>(command: Command, args: string[], extra: T) {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { ...SECRET_OPTIONS, ...extra }, strict: true, allowPositionals: true });
  } catch (err) {
    const detail = err instanceof Error ? err.message.split('\n')[0] : 'Invalid arguments.';
    throw new CliError(`${detail}\nUsage: vault ${command.name} ${command.usage}`, EXIT_USAGE);
  }
  const [file, ...rest] = parsed.positionals;
  if (file === undefined || rest.length > 0) throw new CliError(`Give exactly one backup file.\nUsage: vault ${command.name} ${command.usage}`, EXIT_USAGE);
  return { file, values: parsed.values };
}

/** Runs `work` with a signal that Ctrl-C aborts, so a cancelled command leaves nothing behind. */
export async function withInterrupt<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onSigint = (): void => controller.abort();
  process.once('SIGINT', onSigint);
  try {
    return await work(controller.signal);
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
}

export function asCliError(err: unknown): unknown {
  if (!(err instanceof BackupError)) return err;
  return new CliError(err.message, err.problem === 'CANCELLED' ? EXIT_CANCELLED : EXIT_FAILED);
}

const phaseWords: Record<BackupProgress['phase'], string> = {
  preparing: 'Preparing',
  unlocking: 'Unlocking',
  writing: 'Writing',
  reading: 'Reading',
  checking: 'Checking the restored vault',
  finishing: 'Finishing',
};

/** A one-line progress display on a terminal; nothing when stderr is not one (scripts, CI). */
export function progressPrinter(io: CliIo): ((p: BackupProgress) => void) | undefined {
  if (!(io.stderr as { isTTY?: boolean }).isTTY) return undefined;
  return (p) => {
    const percent = p.total > 0 ? ` ${Math.floor((100 * p.done) / p.total)}%` : '';
    io.stderr.write(`\r\x1b[2K${phaseWords[p.phase]}…${percent}`);
    if (p.phase === 'finishing' && p.done === p.total) io.stderr.write('\r\x1b[2K');
  };
}

const numberFormat = new Intl.NumberFormat('en-GB');

/** "notes 1,234, people 56" (tables with rows first, then how many are empty). */
export function describeCounts(counts: Record<string, number>): string {
  const entries = Object.entries(counts);
  const filled = entries.filter(([, n]) => n > 0).map(([t, n]) => `${t} ${numberFormat.format(n)}`);
  const empty = entries.length - filled.length;
  const parts = [...filled, ...(empty > 0 ? [`${empty} empty table${empty === 1 ? '' : 's'}`] : [])];
  return parts.length > 0 ? parts.join(', ') : 'none';
}

export const backupCommand: Command = {
  name: 'backup',
  summary: 'Write an encrypted backup of the vault to FILE (.hearthbackup).',
  usage: '--dir DIR --out FILE [--force] [--passphrase-file FILE | --recovery-key-file FILE]',
  async run(io, args) {
    const values = parseOptions(this, args, { ...DIR_OPTION, ...SECRET_OPTIONS, out: { type: 'string' }, force: { type: 'boolean' } });
    const dir = vaultDir(io, values.dir);
    if (!values.out) throw new CliError(`Where should the backup go? Give --out FILE.\nUsage: vault ${this.name} ${this.usage}`, EXIT_USAGE);
    const outPath = resolve(values.out);
    const result = await withVault(io, dir, values, 'read', (vault) =>
      withInterrupt((signal) =>
        exportBackup({ vault, outPath, overwrite: values.force ?? false, signal, onProgress: progressPrinter(io) }),
      ).catch((err: unknown) => {
        throw asCliError(err);
      }),
    );
    line(io.stdout, `Backup written: ${result.path} (${formatBytes(result.bytes)}).`);
    line(io.stdout, `Records: ${describeCounts(result.counts)}.`);
    line(io.stdout, 'It opens with the passphrase or recovery key the vault has today.');
    return EXIT_OK;
  },
};
