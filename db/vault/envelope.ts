// Owns the key envelope file (vault.key.json): its JSON shape, the AES-256-GCM wraps of the vault
// key, what each wrap authenticates, the envelope-wide checksum and MAC, and crash-safe rewriting.
// The format is specified in docs/vault-format.md; change both together.
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { VaultError } from './errors';
import type { KdfParams } from './kdf';

export const ENVELOPE_FILE = 'vault.key.json';
export const ENVELOPE_FORMAT = 'hearth-vault-key';
export const ENVELOPE_VERSION = 1;
const MAX_ENVELOPE_BYTES = 64 * 1024;

const base64Of = (bytes: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9+/]*={0,2}$/)
    .refine((s) => Buffer.from(s, 'base64').length === bytes && Buffer.from(s, 'base64').toString('base64') === s);
const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const timestamp = z.iso.datetime();

const wrapShape = { iv: base64Of(12), ciphertext: base64Of(32), tag: base64Of(16) };

const envelopeSchema = z.strictObject({
  format: z.literal(ENVELOPE_FORMAT),
  version: z.literal(ENVELOPE_VERSION),
  vaultId: z.uuid(),
  createdAt: timestamp,
  updatedAt: timestamp,
  cipher: z.literal('aes-256-gcm'),
  passphrase: z.strictObject({
    kdf: z.strictObject({
      algorithm: z.literal('argon2id'),
      argon2Version: z.literal(19),
      // Upper bounds refuse a file crafted to exhaust memory or time before it is even tried.
      memoryKiB: z.int().min(8).max(4 * 1024 * 1024),
      iterations: z.int().min(1).max(1000),
      parallelism: z.int().min(1).max(16),
      salt: base64Of(16),
    }),
    ...wrapShape,
  }),
  recovery: z.strictObject({
    kdf: z.strictObject({ algorithm: z.literal('hkdf-sha256'), salt: base64Of(16) }),
    ...wrapShape,
  }),
  checksum: hex64,
  mac: hex64,
});

export type Envelope = z.infer<typeof envelopeSchema>;
export type EnvelopeBody = Omit<Envelope, 'checksum' | 'mac'>;
export type WrapName = 'passphrase' | 'recovery';
interface Wrap {
  iv: string;
  ciphertext: string;
  tag: string;
}

/** RFC 8785 canonical JSON for the values the envelope holds (strings, integers, objects). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** What a wrap authenticates: the envelope's identity and the parameters used to derive its own key. */
export function wrapAad(env: EnvelopeBody, which: WrapName): Buffer {
  const header = {
    format: env.format,
    version: env.version,
    vaultId: env.vaultId,
    cipher: env.cipher,
    wrap: which,
    kdf: which === 'passphrase' ? env.passphrase.kdf : env.recovery.kdf,
  };
  return Buffer.from(canonicalJson(header), 'utf8');
}

export function bodyOf(env: Envelope | EnvelopeBody): EnvelopeBody {
  const { checksum: _c, mac: _m, ...body } = env as Envelope;
  return body;
}

const checksumOf = (body: EnvelopeBody): string =>
  createHash('sha256').update(canonicalJson(body), 'utf8').digest('hex');

function macOf(body: EnvelopeBody, vaultKey: Buffer): string {
  const macKey = Buffer.from(hkdfSync('sha256', vaultKey, Buffer.alloc(0), 'hearth vault envelope mac', 32));
  try {
    return createHmac('sha256', macKey).update(canonicalJson(body), 'utf8').digest('hex');
  } finally {
    macKey.fill(0);
  }
}

export function wrapVaultKey(kek: Buffer, vaultKey: Buffer, aad: Buffer): Wrap {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(vaultKey), cipher.final()]);
  return { iv: iv.toString('base64'), ciphertext: ciphertext.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
}

/** Returns the vault key, or null when the key-encryption key (or anything the wrap authenticates) is wrong. */
export function unwrapVaultKey(kek: Buffer, wrap: Wrap, aad: Buffer): Buffer | null {
  const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(wrap.iv, 'base64'));
  decipher.setAAD(aad);
  decipher.setAuthTag(Buffer.from(wrap.tag, 'base64'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(wrap.ciphertext, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

export interface NewEnvelopeParts {
  kdf: KdfParams;
  passphraseSalt: Buffer;
  recoverySalt: Buffer;
}

/** Placeholder wraps are replaced by {@link rewrap} before the envelope is sealed. */
export function newEnvelopeBody(parts: NewEnvelopeParts, now = new Date()): EnvelopeBody {
  const empty = { iv: '', ciphertext: '', tag: '' };
  return {
    format: ENVELOPE_FORMAT,
    version: ENVELOPE_VERSION,
    vaultId: randomUUID(),
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    cipher: 'aes-256-gcm',
    passphrase: {
      kdf: {
        algorithm: 'argon2id',
        argon2Version: 19,
        memoryKiB: parts.kdf.memoryKiB,
        iterations: parts.kdf.iterations,
        parallelism: parts.kdf.parallelism,
        salt: parts.passphraseSalt.toString('base64'),
      },
      ...empty,
    },
    recovery: { kdf: { algorithm: 'hkdf-sha256', salt: parts.recoverySalt.toString('base64') }, ...empty },
  };
}

export function rewrap(body: EnvelopeBody, which: WrapName, kek: Buffer, vaultKey: Buffer): EnvelopeBody {
  const wrap = wrapVaultKey(kek, vaultKey, wrapAad(body, which));
  return which === 'passphrase'
    ? { ...body, passphrase: { ...body.passphrase, ...wrap } }
    : { ...body, recovery: { ...body.recovery, ...wrap } };
}

export function seal(body: EnvelopeBody, vaultKey: Buffer): Envelope {
  return { ...body, checksum: checksumOf(body), mac: macOf(body, vaultKey) };
}

/** After unwrapping: proves the whole envelope, including the wrap that was not used, is as Hearth wrote it. */
export function verifyMac(env: Envelope, vaultKey: Buffer): boolean {
  const expected = Buffer.from(macOf(bodyOf(env), vaultKey), 'hex');
  return timingSafeEqual(expected, Buffer.from(env.mac, 'hex'));
}

const tampered = (): VaultError => new VaultError('ENVELOPE_TAMPERED');

/** Reads and checks the envelope's shape and checksum. Throws NO_VAULT, ENVELOPE_TAMPERED or VAULT_TOO_NEW. */
export function readEnvelope(dir: string): Envelope {
  const path = join(dir, ENVELOPE_FILE);
  let bytes: Buffer;
  try {
    if (statSync(path).size > MAX_ENVELOPE_BYTES) throw tampered();
    bytes = readFileSync(path);
  } catch (err) {
    if (err instanceof VaultError) throw err;
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new VaultError('NO_VAULT');
    throw err;
  }
  return parseEnvelopeBytes(bytes);
}

/**
 * Parses and checks envelope bytes, wherever they came from (the vault folder, or the copy inside
 * a backup). Throws ENVELOPE_TAMPERED or VAULT_TOO_NEW.
 */
export function parseEnvelopeBytes(bytes: Uint8Array): Envelope {
  if (bytes.length > MAX_ENVELOPE_BYTES) throw tampered();
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw tampered();
  }
  const head = z.looseObject({ format: z.literal(ENVELOPE_FORMAT), version: z.int().min(1) }).safeParse(raw);
  if (!head.success) throw tampered();
  if (head.data.version > ENVELOPE_VERSION) {
    throw new VaultError(
      'VAULT_TOO_NEW',
      "This vault's key file was written by a newer version of Hearth. Please update Hearth to open it. Nothing has been changed.",
    );
  }
  const parsed = envelopeSchema.safeParse(raw);
  if (!parsed.success) throw tampered();
  if (checksumOf(bodyOf(parsed.data)) !== parsed.data.checksum) throw tampered();
  return parsed.data;
}

/** Writes a temporary file beside the envelope, fsyncs it, renames it over, then fsyncs the folder. */
export function writeEnvelope(dir: string, env: Envelope): void {
  const finalPath = join(dir, ENVELOPE_FILE);
  const tmpPath = join(dir, `.${ENVELOPE_FILE}.${randomBytes(6).toString('hex')}.tmp`);
  const data = Buffer.from(`${JSON.stringify(env, null, 2)}\n`, 'utf8');
  try {
    const fd = openSync(tmpPath, 'wx', 0o600);
    try {
      let written = 0;
      while (written < data.length) written += writeSync(fd, data, written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmpPath, finalPath);
  } catch (err) {
    rmSync(tmpPath, { force: true });
    throw err;
  }
  fsyncDir(dir);
}

export function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Some platforms (Windows) cannot open or fsync a directory; the rename is still atomic there.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export function kdfParamsOf(env: Envelope): KdfParams {
  const { memoryKiB, iterations, parallelism } = env.passphrase.kdf;
  return { algorithm: 'argon2id', memoryKiB, iterations, parallelism };
}
