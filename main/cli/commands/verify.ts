// `vault verify FILE`: reads and authenticates every byte of a backup and checks its manifest,
// without restoring anything. Exit 0 only when all of it checks out; 1 otherwise.
import { resolve } from 'node:path';
import { verifyBackup } from '../../services/backup';
import type { Command } from '../command';
import { EXIT_OK, formatBytes, formatDateTime, line } from '../io';
import { unlockSecret } from '../secrets';
import { asCliError, describeCounts, parseFileCommand, progressPrinter, withInterrupt } from './backup';

export const verifyCommand: Command = {
  name: 'verify',
  summary: 'Check a backup file: every byte authenticated and its manifest matched. Restores nothing.',
  usage: 'FILE [--passphrase-file FILE | --recovery-key-file FILE]',
  async run(io, args) {
    const { file, values } = parseFileCommand(this, args, {});
    const secret = await unlockSecret(io, values);
    const summary = await withInterrupt((signal) => verifyBackup(resolve(file), secret, { signal, onProgress: progressPrinter(io) })).catch(
      (err: unknown) => {
        throw asCliError(err);
      },
    );
    line(io.stdout, 'The backup checks out: every byte is authenticated and matches its manifest.');
    line(io.stdout, `Made: ${formatDateTime(summary.createdAt)} by Hearth ${summary.appVersion} (schema version ${summary.schemaVersion}).`);
    line(io.stdout, `Records: ${describeCounts(summary.counts)}.`);
    line(io.stdout, `Parts: ${summary.parts.map((p) => `${p.name} (${formatBytes(p.size)})`).join(', ')}.`);
    return EXIT_OK;
  },
};
