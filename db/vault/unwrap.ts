// Owns unwrapping a key envelope held in memory rather than in a vault folder: the copy inside a
// backup file. Same checks as opening a vault (shape, checksum, newer-version refusal, the wrap's
// AEAD and the envelope MAC), same VaultError codes, through the same parser as envelope.ts.
import { VaultError } from './errors';
import {
  kdfParamsOf,
  parseEnvelopeBytes,
  unwrapVaultKey,
  verifyMac,
  wrapAad,
} from './envelope';
import { derivePassphraseKey, deriveRecoveryKey } from './kdf';
import { parseRecoveryKey } from './recoveryKey';
import type { VaultSecret } from './vault';

/** Parses envelope bytes (the one parser, shared with readEnvelope). */
export { parseEnvelopeBytes };

/**
 * The vault key wrapped in these envelope bytes, unwrapped with a passphrase or recovery key.
 * Throws WRONG_PASSPHRASE, WRONG_RECOVERY_KEY, MALFORMED_RECOVERY_KEY, ENVELOPE_TAMPERED or VAULT_TOO_NEW.
 */
export async function unwrapEnvelopeBytes(bytes: Uint8Array, secret: VaultSecret): Promise<{ key: Buffer; vaultId: string }> {
  const env = parseEnvelopeBytes(bytes);
  let key: Buffer | null;
  if ('passphrase' in secret) {
    const kek = await derivePassphraseKey(secret.passphrase, Buffer.from(env.passphrase.kdf.salt, 'base64'), kdfParamsOf(env));
    try {
      key = unwrapVaultKey(kek, env.passphrase, wrapAad(env, 'passphrase'));
    } finally {
      kek.fill(0);
    }
    if (key === null) throw new VaultError('WRONG_PASSPHRASE');
  } else {
    const recovery = parseRecoveryKey(secret.recoveryKey);
    const kek = await deriveRecoveryKey(recovery, Buffer.from(env.recovery.kdf.salt, 'base64'));
    try {
      key = unwrapVaultKey(kek, env.recovery, wrapAad(env, 'recovery'));
    } finally {
      kek.fill(0);
      recovery.fill(0);
    }
    if (key === null) throw new VaultError('WRONG_RECOVERY_KEY');
  }
  if (!verifyMac(env, key)) {
    key.fill(0);
    throw new VaultError('ENVELOPE_TAMPERED');
  }
  return { key, vaultId: env.vaultId };
}

/** True when these envelope bytes are intact and belong to `key` (their MAC is keyed by it). */
export function envelopeMatchesKey(bytes: Uint8Array, key: Buffer): boolean {
  try {
    return verifyMac(parseEnvelopeBytes(bytes), key);
  } catch {
    return false;
  }
}
