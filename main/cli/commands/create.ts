// `vault create`: makes a new vault with machine-calibrated passphrase protection and prints the
// recovery key on stdout (the only time it is shown).
import { createVault, vaultExists, VaultError } from '../../../db/vault';
import { DIR_OPTION, parseOptions, vaultDir, type Command } from '../command';
import { EXIT_OK, line } from '../io';
import { newPassphrase } from '../secrets';

export const createCommand: Command = {
  name: 'create',
  summary: 'Create a new, empty vault and print its recovery key.',
  usage: '--dir DIR [--passphrase-file FILE]',
  async run(io, args) {
    const values = parseOptions(this, args, { ...DIR_OPTION, 'passphrase-file': { type: 'string' } });
    const dir = vaultDir(io, values.dir);
    if (vaultExists(dir)) throw new VaultError('VAULT_EXISTS');
    const passphrase = await newPassphrase(io, {
      file: values['passphrase-file'],
      envName: 'HEARTH_PASSPHRASE',
      fileFlag: '--passphrase-file',
    });
    line(io.stderr, 'Measuring this computer to set the strength of the passphrase protection…');
    const { vault, recoveryKey } = await createVault(dir, { passphrase });
    const { kdf } = vault.envelopeInfo;
    vault.close();
    line(io.stderr, `Created a vault in ${dir} (Argon2id: ${kdf.memoryKiB / 1024} MiB, ${kdf.iterations} passes).`);
    line(io.stderr, 'Recovery key below. It is shown only now: write it down and keep it somewhere safe, away from this computer.');
    line(io.stdout, recoveryKey);
    return EXIT_OK;
  },
};
