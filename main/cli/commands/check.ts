// `vault check`: SQLCipher page authentication, integrity_check and foreign_key_check.
// Exit 0 when the vault is sound, 1 when it is not (including when it cannot be opened as damaged).
import { isVaultLocked, VaultError } from '../../../db/vault';
import { DIR_OPTION, parseOptions, vaultDir, withVault, type Command } from '../command';
import { EXIT_FAILED, EXIT_OK, line } from '../io';
import { SECRET_OPTIONS } from '../secrets';

export const checkCommand: Command = {
  name: 'check',
  summary: 'Check the vault for damage. Exit status 0 when sound, 1 when not.',
  usage: '--dir DIR [--passphrase-file FILE | --recovery-key-file FILE]',
  async run(io, args) {
    const values = parseOptions(this, args, { ...DIR_OPTION, ...SECRET_OPTIONS });
    const dir = vaultDir(io, values.dir);
    if (isVaultLocked(dir)) {
      line(io.stderr, 'Hearth has this vault open, so pages may change during the check. Close Hearth for a definitive result.');
    }
    let result: { ok: boolean; problems: string[] };
    try {
      result = await withVault(io, dir, values, 'read', (vault) => vault.checkIntegrity());
    } catch (err) {
      if (err instanceof VaultError && err.code === 'VAULT_CORRUPT') {
        result = { ok: false, problems: [err.message] };
      } else {
        throw err;
      }
    }
    if (result.ok) {
      line(io.stdout, 'Encryption (page authentication): ok');
      line(io.stdout, 'Structure (integrity_check): ok');
      line(io.stdout, 'Links between records (foreign_key_check): ok');
      line(io.stdout, 'The vault is sound.');
      return EXIT_OK;
    }
    for (const problem of result.problems) line(io.stdout, problem);
    const n = result.problems.length;
    line(io.stdout, `Found ${n} problem${n === 1 ? '' : 's'}. Restore from a backup, or keep a copy of this folder before trying repairs.`);
    return EXIT_FAILED;
  },
};
