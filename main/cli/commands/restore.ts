// `vault restore FILE --dir DIR`: restores a backup into DIR, which must be empty or not exist yet,
// and checks the restored vault there (authentication, manifest, integrity_check) before saying so.
// It never touches an existing vault: point the app (or HEARTH_DATA_DIR) at DIR afterwards.
import { resolve } from 'node:path';
import { restoreBackup } from '../../services/backup';
import type { Command } from '../command';
import { CliError, EXIT_OK, EXIT_USAGE, formatDateTime, line } from '../io';
import { unlockSecret } from '../secrets';
import { asCliError, describeCounts, parseFileCommand, progressPrinter, withInterrupt } from './backup';

export const restoreCommand: Command = {
  name: 'restore',
  summary: 'Restore a backup into an empty folder and check it there. Never overwrites a vault.',
  usage: 'FILE --dir DIR [--passphrase-file FILE | --recovery-key-file FILE]',
  async run(io, args) {
    const { file, values } = parseFileCommand(this, args, { dir: { type: 'string' } });
    if (!values.dir) throw new CliError(`Which folder should the vault be restored into? Give --dir DIR (empty or new).\nUsage: vault ${this.name} ${this.usage}`, EXIT_USAGE);
    const target = resolve(values.dir);
    const secret = await unlockSecret(io, values);
    const summary = await withInterrupt((signal) => restoreBackup(resolve(file), secret, target, { signal, onProgress: progressPrinter(io) })).catch(
      (err: unknown) => {
        throw asCliError(err);
      },
    );
    line(io.stdout, `Restored into ${target} and checked there (integrity_check: ok).`);
    line(io.stdout, `Backup made: ${formatDateTime(summary.createdAt)}. Records: ${describeCounts(summary.counts)}.`);
    line(io.stdout, 'Open it with the passphrase or recovery key the vault had when the backup was made.');
    return EXIT_OK;
  },
};
