// `vault rotate-recovery-key`: replaces the recovery key (the old one stops working) and prints the
// new one on stdout. Refused while the app has the vault open.
import { DIR_OPTION, parseOptions, vaultDir, withVault, type Command } from '../command';
import { EXIT_OK, line } from '../io';
import { SECRET_OPTIONS } from '../secrets';

export const rotateRecoveryKeyCommand: Command = {
  name: 'rotate-recovery-key',
  summary: 'Replace the recovery key and print the new one. The old key stops working.',
  usage: '--dir DIR [--passphrase-file FILE | --recovery-key-file FILE]',
  async run(io, args) {
    const values = parseOptions(this, args, { ...DIR_OPTION, ...SECRET_OPTIONS });
    const dir = vaultDir(io, values.dir);
    const recoveryKey = await withVault(io, dir, values, 'rewrap', (vault) => vault.rotateRecoveryKey());
    line(io.stderr, 'New recovery key below. The old one no longer works. Write this one down and keep it somewhere safe.');
    line(io.stdout, recoveryKey);
    return EXIT_OK;
  },
};
