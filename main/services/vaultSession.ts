// The vault session: owns the one open Vault (or none), and turns the vault library's errors into
// messages for the practitioner. Everything that needs the database asks this for it.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { createVault, openVault, vaultExists, VaultError, type KdfParams, type Vault } from '../../db/vault';
import { getSetting, setSetting } from '../../db/repos/settings';
import type { VaultStatus } from '../../contract';
import { UserError } from '../router/userError';
import type { Clock } from './clock';
import { log } from './log';
import { UnlockThrottle } from './unlockThrottle';

export const SETTING_PRACTITIONER = 'practitioner.name';
export const SETTING_RECOVERY_CONFIRMED = 'recoveryKey.confirmed';

export interface VaultSessionOptions {
  dataDir: string;
  clock: Clock;
  /** Weaker KDF parameters for tests only; the shipped app never passes this. */
  kdf?: KdfParams;
}

const messages: Record<VaultError['code'], { code: UserError['code']; message?: string }> = {
  NO_VAULT: { code: 'NO_VAULT' },
  VAULT_EXISTS: { code: 'VAULT_EXISTS' },
  WRONG_PASSPHRASE: { code: 'WRONG_SECRET' },
  WRONG_RECOVERY_KEY: { code: 'WRONG_SECRET', message: "That recovery key doesn't match this vault." },
  MALFORMED_RECOVERY_KEY: { code: 'WRONG_SECRET' },
  ENVELOPE_TAMPERED: { code: 'VAULT_DAMAGED' },
  VAULT_CORRUPT: { code: 'VAULT_DAMAGED' },
  VAULT_TOO_NEW: { code: 'VAULT_TOO_NEW' },
  VAULT_IN_USE: { code: 'REFUSED' },
  WEAK_PASSPHRASE: { code: 'INVALID_INPUT' },
};

/** Turns a VaultError into a UserError; the vault library writes its messages for practitioners. */
export function toUserError(error: unknown): unknown {
  if (error instanceof VaultError) {
    const mapped = messages[error.code];
    return new UserError(mapped.code, mapped.message ?? error.message);
  }
  return error;
}

export class VaultSession {
  private vault: Vault | null = null;
  readonly throttle: UnlockThrottle;

  constructor(private readonly options: VaultSessionOptions) {
    this.throttle = new UnlockThrottle(options.clock);
  }

  get dataDir(): string {
    return this.options.dataDir;
  }

  isUnlocked(): boolean {
    return this.vault !== null;
  }

  status(): VaultStatus {
    const state = this.vault ? 'unlocked' : vaultExists(this.options.dataDir) ? 'locked' : 'none';
    return {
      state,
      retryAfterMs: this.throttle.retryAfterMs(),
      practitionerName: this.vault ? (getSetting(this.vault.db, SETTING_PRACTITIONER) ?? '') : null,
      recoveryKeyConfirmed: this.vault ? getSetting(this.vault.db, SETTING_RECOVERY_CONFIRMED) === 'true' : false,
    };
  }

  /** The open vault; refuses politely when locked. */
  current(): Vault {
    if (!this.vault) throw new UserError('VAULT_LOCKED');
    return this.vault;
  }

  db(): Database {
    return this.current().db;
  }

  get kdf(): KdfParams | undefined {
    return this.options.kdf;
  }

  async create(practitionerName: string, passphrase: string): Promise<string> {
    if (vaultExists(this.options.dataDir)) throw new UserError('VAULT_EXISTS');
    try {
      const { vault, recoveryKey } = await createVault(this.options.dataDir, {
        passphrase,
        holdLock: true,
        ...(this.options.kdf ? { kdf: this.options.kdf } : {}),
      });
      setSetting(vault.db, SETTING_PRACTITIONER, practitionerName);
      this.vault = vault;
      log.info('vault.created');
      return recoveryKey;
    } catch (error) {
      throw toUserError(error);
    }
  }

  async unlock(method: 'passphrase' | 'recoveryKey', secret: string): Promise<string> {
    if (this.vault) return getSetting(this.vault.db, SETTING_PRACTITIONER) ?? '';
    const wait = this.throttle.retryAfterMs();
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      throw new UserError('TOO_MANY_ATTEMPTS', `Too many attempts. Please wait ${seconds} second${seconds === 1 ? '' : 's'} before trying again.`);
    }
    try {
      const credentials = method === 'passphrase' ? { passphrase: secret } : { recoveryKey: secret };
      this.vault = await openVault(this.options.dataDir, credentials, { holdLock: true });
      this.throttle.recordSuccess();
      log.info('vault.unlocked', { method });
      return getSetting(this.vault.db, SETTING_PRACTITIONER) ?? '';
    } catch (error) {
      if (error instanceof VaultError && ['WRONG_PASSPHRASE', 'WRONG_RECOVERY_KEY', 'MALFORMED_RECOVERY_KEY'].includes(error.code)) {
        this.throttle.recordFailure();
        log.warn('vault.unlock-failed', { method });
      }
      throw toUserError(error);
    }
  }

  lock(): void {
    if (!this.vault) return;
    const vault = this.vault;
    this.vault = null;
    vault.close();
    log.info('vault.locked');
  }
}
