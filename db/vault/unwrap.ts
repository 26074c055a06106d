// Owns unwrapping a key envelope held in memory rather than in a vault folder: the copy inside a
// backup file. Same checks as opening a vault (shape, checksum, newer-version refusal, the wrap's
// AEAD and the envelope MAC), same VaultError codes. Added for main/services/backup.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { VaultError } from './errors';
import {
  ENVELOPE_FORMAT,
  ENVELOPE_VERSION,
  bodyOf,
  canonicalJson,
  kdfParamsOf,
  unwrapVaultKey,
  verifyMac,
  wrapAad,
  type Envelope,
} from './envelope';
import { derivePassphraseKey, deriveRecoveryKey } from './kdf';
import { parseRecoveryKey } from './recoveryKey';
import type { VaultSecret } from './vault';

const MAX_ENVELOPE_BYTES = 64 * 1024;

const b64 = (bytes: number) =>
  z.string().refine((s) => /^[A-Za-z0-9+/]*={0,2}$/.test(s) && Buffer.from(s, 'base64').length === bytes && Buffer.from(s, 'base64').toString('base64') === s);
const wrap = { iv: b64(12), ciphertext: b64(32), tag: b64(16) };
const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

/** The shape readEnvelope accepts (envelope.ts); kept in step with it by unwrap.test.ts. */
const schema = z.strictObject({
  format: z.literal(ENVELOPE_FORMAT),
  version: z.literal(ENVELOPE_VERSION),
  vaultId: z.uuid(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  cipher: z.literal('aes-256-gcm'),
  passphrase: z.strictObject({
    kdf: z.strictObject({
      algorithm: z.literal('argon2id'),
      argon2Version: z.literal(19),
      memoryKiB: z.int().min(8).max(4 * 1024 * 1024),
      iterations: z.int().min(1).max(1000),
      parallelism: z.int().min(1).max(16),
      salt: b64(16),
    }),
    ...wrap,
  }),
  recovery: z.strictObject({ kdf: z.strictObject({ algorithm: z.literal('hkdf-sha256'), salt: b64(16) }), ...wrap }),
  checksum: hex64,
  mac: hex64,
});

/** Parses envelope bytes. Throws ENVELOPE_TAMPERED or VAULT_TOO_NEW. */
export function parseEnvelopeBytes(bytes: Uint8Array): Envelope {
  const tampered = () => new VaultError('ENVELOPE_TAMPERED');
  if (bytes.length > MAX_ENVELOPE_BYTES) throw tampered();
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw tampered();
  }
  const head = z.looseObject({ format: z.literal(ENVELOPE_FORMAT), version: z.int().min(1) }).safeParse(raw);
  if (!head.success) throw tampered();
  if (head.data.version > ENVELOPE_VERSION) throw new VaultError('VAULT_TOO_NEW');
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw tampered();
  const env = parsed.data as Envelope;
  const checksum = createHash('sha256').update(canonicalJson(bodyOf(env)), 'utf8').digest('hex');
  if (checksum !== env.checksum) throw tampered();
  return env;
}

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
