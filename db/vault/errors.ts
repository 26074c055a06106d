// Owns the vault's error type: a stable code for programs and a calm, plain message for a practitioner.
// Messages never contain record content, paths to personal files or key material.

export type VaultErrorCode =
  | 'NO_VAULT'
  | 'VAULT_EXISTS'
  | 'WRONG_PASSPHRASE'
  | 'WRONG_RECOVERY_KEY'
  | 'MALFORMED_RECOVERY_KEY'
  | 'ENVELOPE_TAMPERED'
  | 'VAULT_CORRUPT'
  | 'VAULT_TOO_NEW'
  | 'VAULT_IN_USE'
  | 'WEAK_PASSPHRASE';

const defaultMessages: Record<VaultErrorCode, string> = {
  NO_VAULT: 'There is no vault in this folder yet.',
  VAULT_EXISTS: 'This folder already holds a vault. Hearth will not overwrite it.',
  WRONG_PASSPHRASE: "That passphrase doesn't match this vault.",
  WRONG_RECOVERY_KEY: "That recovery key doesn't match this vault.",
  MALFORMED_RECOVERY_KEY:
    "That doesn't look like a recovery key. A recovery key has 8 groups of 5 letters and numbers.",
  ENVELOPE_TAMPERED:
    "The vault's key file (vault.key.json) has been changed or damaged, so Hearth will not use it. " +
    'Restore it from a backup, or contact the person who supports your IT.',
  VAULT_CORRUPT:
    'The vault database is damaged or incomplete, so Hearth cannot open it. Nothing has been changed. ' +
    'Restore it from a backup, or contact the person who supports your IT.',
  VAULT_TOO_NEW:
    'This vault was last used by a newer version of Hearth. Please update Hearth to open it. Nothing has been changed.',
  VAULT_IN_USE: 'This vault is open in Hearth. Close Hearth, then try again.',
  WEAK_PASSPHRASE: 'Please choose a longer passphrase: at least 10 characters.',
};

export class VaultError extends Error {
  override readonly name = 'VaultError';
  readonly code: VaultErrorCode;

  constructor(code: VaultErrorCode, message?: string, options?: { cause?: unknown }) {
    super(message ?? defaultMessages[code], options);
    this.code = code;
  }
}

export function isVaultError(err: unknown, code?: VaultErrorCode): err is VaultError {
  return err instanceof VaultError && (code === undefined || err.code === code);
}
