// Handlers: the vault's lifecycle and the settings that live inside it.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { getSetting, setSetting } from '../../db/repos/settings';
import type { Settings, vaultOperations } from '../../contract';
import { checkVaultIntegrity } from '../services/backup';
import { UserError } from '../router/userError';
import type { HandlerMap } from '../router/types';
import type { Services } from '../services/services';
import { SETTING_PRACTITIONER, SETTING_RECOVERY_CONFIRMED, toUserError } from '../services/vaultSession';

const SETTING_AUTO_LOCK = 'lock.autoLockMinutes';
const SETTING_BACKUP_REMINDER = 'backup.reminderDays';

export function readSettings(db: Database): Settings {
  const num = (key: string, fallback: number) => {
    const value = Number(getSetting(db, key));
    return Number.isFinite(value) && value > 0 ? value : fallback;
  };
  return {
    practitionerName: getSetting(db, SETTING_PRACTITIONER) ?? '',
    autoLockMinutes: num(SETTING_AUTO_LOCK, 5),
    backupReminderDays: num(SETTING_BACKUP_REMINDER, 7),
  };
}

/** After unlocking: apply the vault's settings and take today's snapshot if one is due. */
function applySettings(services: Services): void {
  services.lock.setIdleMinutes(readSettings(services.vault.db()).autoLockMinutes);
  services.lock.touch();
  void services.backup.snapshotIfDue();
}

export const vaultHandlers: HandlerMap<typeof vaultOperations> = {
  getVaultStatus: (_input, { services }) => services.vault.status(),

  createVault: async ({ practitionerName, passphrase }, { services }) => {
    const recoveryKey = await services.vault.create(practitionerName, passphrase);
    applySettings(services);
    return { recoveryKey };
  },

  confirmRecoveryKeyStored: (_input, { services }) => {
    setSetting(services.vault.db(), SETTING_RECOVERY_CONFIRMED, 'true');
    return { ok: true };
  },

  unlockVault: async ({ method, secret }, { services }) => {
    const practitionerName = await services.vault.unlock(method, secret);
    applySettings(services);
    return { practitionerName };
  },

  lockVault: (_input, { services }) => {
    services.vault.lock();
    return { ok: true };
  },

  confirmReadyToLock: ({ requestId }, { services }) => {
    services.lock.confirmReady(requestId);
    return { ok: true };
  },

  changePassphrase: async ({ current, next }, { services }) => {
    await verifyPassphrase(services, current);
    try {
      await services.vault.current().changePassphrase(next, services.vault.kdf ? { kdf: services.vault.kdf } : {});
    } catch (error) {
      throw toUserError(error);
    }
    return { ok: true };
  },

  rotateRecoveryKey: async ({ passphrase }, { services }) => {
    await verifyPassphrase(services, passphrase);
    try {
      return { recoveryKey: await services.vault.current().rotateRecoveryKey() };
    } catch (error) {
      throw toUserError(error);
    }
  },

  getSettings: (_input, { services }) => readSettings(services.vault.db()),

  updateSettings: (patch, { services }) => {
    const db = services.vault.db();
    db.transaction(() => {
      if (patch.practitionerName !== undefined) setSetting(db, SETTING_PRACTITIONER, patch.practitionerName.trim());
      if (patch.autoLockMinutes !== undefined) setSetting(db, SETTING_AUTO_LOCK, String(patch.autoLockMinutes));
      if (patch.backupReminderDays !== undefined) setSetting(db, SETTING_BACKUP_REMINDER, String(patch.backupReminderDays));
    })();
    applySettings(services);
    return readSettings(db);
  },

  // In the worker thread: reading a large vault through takes seconds and must not freeze the window.
  checkVaultIntegrity: async (_input, { services }) => {
    const result = await checkVaultIntegrity(services.vault.current());
    return { ok: result.ok, problems: result.problems, checkedAt: new Date(services.clock.now()).toISOString() };
  },
};

/** Sensitive changes need the current passphrase again, even while unlocked. */
async function verifyPassphrase(services: Services, passphrase: string): Promise<void> {
  const ok = await services.vault.current().verifyPassphrase(passphrase);
  if (!ok) throw new UserError('WRONG_SECRET', "That isn't your current passphrase.", { current: "That isn't your current passphrase." });
}
