// `vault key`: prints the raw SQLCipher key (64 hex characters), the documented escape hatch for
// opening vault.db in Zetetic's sqlcipher with `PRAGMA key = "x'<key>'";`.
import { DIR_OPTION, parseOptions, vaultDir, withVault, type Command } from '../command';
import { EXIT_OK, line } from '../io';
import { SECRET_OPTIONS } from '../secrets';

export const keyCommand: Command = {
  name: 'key',
  summary: 'Print the raw database key (64 hex characters) for use with the sqlcipher tool.',
  usage: '--dir DIR [--passphrase-file FILE | --recovery-key-file FILE]',
  async run(io, args) {
    const values = parseOptions(this, args, { ...DIR_OPTION, ...SECRET_OPTIONS });
    const dir = vaultDir(io, values.dir);
    const hex = await withVault(io, dir, values, 'read', (vault) => vault.rawKeyHex());
    if ((io.stderr as { isTTY?: boolean }).isTTY) {
      line(io.stderr, 'This key opens the vault without the passphrase. Keep it as safe as the recovery key.');
    }
    line(io.stdout, hex);
    return EXIT_OK;
  },
};
