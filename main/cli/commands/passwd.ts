// `vault passwd`: sets a new passphrase. Only the key file is rewritten (atomically); the database
// is not touched. Refused while the app has the vault open.
import { DIR_OPTION, parseOptions, vaultDir, withVault, type Command } from '../command';
import { EXIT_OK, line } from '../io';
import { newPassphrase, SECRET_OPTIONS } from '../secrets';

export const passwdCommand: Command = {
  name: 'passwd',
  summary: 'Change the passphrase (unlock with the current passphrase or the recovery key).',
  usage: '--dir DIR [--passphrase-file FILE | --recovery-key-file FILE] [--new-passphrase-file FILE]',
  async run(io, args) {
    const values = parseOptions(this, args, { ...DIR_OPTION, ...SECRET_OPTIONS, 'new-passphrase-file': { type: 'string' } });
    const dir = vaultDir(io, values.dir);
    await withVault(io, dir, values, 'rewrap', async (vault) => {
      const next = await newPassphrase(io, {
        file: values['new-passphrase-file'],
        envName: 'HEARTH_NEW_PASSPHRASE',
        fileFlag: '--new-passphrase-file',
      });
      line(io.stderr, 'Measuring this computer to set the strength of the passphrase protection…');
      await vault.changePassphrase(next);
    });
    line(io.stdout, 'Passphrase changed. Only the key file was rewritten; the records were not re-encrypted.');
    return EXIT_OK;
  },
};
