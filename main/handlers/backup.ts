// Handlers: encrypted backups (export, check, restore), snapshots status and safety copies.
import type { backupOperations } from '../../contract';
import type { HandlerMap } from '../router/types';

const secretOf = (method: 'passphrase' | 'recoveryKey', secret: string) => (method === 'passphrase' ? { passphrase: secret } : { recoveryKey: secret });

export const backupHandlers: HandlerMap<typeof backupOperations> = {
  exportBackup: (_input, { services }) => services.backup.export(),
  cancelBackup: (_input, { services }) => {
    services.backup.cancel();
    return { ok: true };
  },
  chooseBackupFile: (_input, { services }) => services.backup.chooseFile(),
  checkBackup: ({ token, method, secret }, { services }) => services.backup.check(token, secretOf(method, secret)),
  restoreBackup: ({ token, method, secret }, { services }) => services.backup.restore(token, secretOf(method, secret)),
  getBackupStatus: (_input, { services }) => services.backup.status(),
  removeSafetyCopy: ({ name }, { services }) => {
    services.backup.removeSafetyCopy(name);
    return { ok: true };
  },
};
