import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BackupError } from './errors';
import {
  FIXED_PREFIX_BYTES,
  MAGIC,
  assertHeaderMac,
  checkPreamble,
  chunkAad,
  chunkNonce,
  deriveBackupKeys,
  encodeHeader,
  parseHeader,
} from './format';

const problemOf = (action: () => unknown): string => {
  try {
    action();
  } catch (err) {
    if (err instanceof BackupError) return err.problem;
    throw err;
  }
  return 'accepted';
};

function sampleHeader() {
  const vaultKey = randomBytes(32);
  const salt = randomBytes(32);
  const keys = deriveBackupKeys(vaultKey, salt);
  const envelope = Buffer.from('{"format":"hearth-vault-key"}');
  return { keys, salt, envelope, bytes: encodeHeader({ chunkSize: 1 << 20, salt, envelope }, keys.macKey) };
}

describe('backup header', () => {
  it('round-trips and authenticates', () => {
    const { keys, salt, envelope, bytes } = sampleHeader();
    const parsed = parseHeader(bytes);
    expect(parsed.formatVersion).toBe(1);
    expect(parsed.salt.equals(salt)).toBe(true);
    expect(parsed.envelope.equals(envelope)).toBe(true);
    expect(parsed.chunkSize).toBe(1 << 20);
    expect(() => assertHeaderMac(parsed, keys.macKey)).not.toThrow();
    expect(problemOf(() => assertHeaderMac(parsed, randomBytes(32)))).toBe('DAMAGED');
  });

  it('derives different keys from different salts', () => {
    const key = randomBytes(32);
    const a = deriveBackupKeys(key, randomBytes(32));
    const b = deriveBackupKeys(key, randomBytes(32));
    expect(a.encKey.equals(b.encKey)).toBe(false);
    expect(a.encKey.equals(a.macKey)).toBe(false);
  });

  it('names each kind of bad opening bytes', () => {
    const { bytes } = sampleHeader();
    const prefix = bytes.subarray(0, FIXED_PREFIX_BYTES);
    expect(problemOf(() => checkPreamble(Buffer.alloc(0)))).toBe('DAMAGED');
    expect(problemOf(() => checkPreamble(MAGIC.subarray(0, 5)))).toBe('DAMAGED');
    expect(problemOf(() => checkPreamble(Buffer.from('SQLite format 3\0')))).toBe('NOT_A_BACKUP');
    expect(problemOf(() => checkPreamble(Buffer.from('hello')))).toBe('NOT_A_BACKUP');
    expect(problemOf(() => checkPreamble(prefix.subarray(0, 20)))).toBe('DAMAGED');
    const newer = Buffer.from(prefix);
    newer.writeUInt16BE(2, 8);
    expect(problemOf(() => checkPreamble(newer))).toBe('TOO_NEW');
    // A newer version is refused from its first ten bytes, whatever follows.
    expect(problemOf(() => checkPreamble(newer.subarray(0, 10)))).toBe('TOO_NEW');
    const zero = Buffer.from(prefix);
    zero.writeUInt16BE(0, 8);
    expect(problemOf(() => checkPreamble(zero))).toBe('DAMAGED');
    const flags = Buffer.from(prefix);
    flags.writeUInt16BE(1, 10);
    expect(problemOf(() => checkPreamble(flags))).toBe('DAMAGED');
    const chunk = Buffer.from(prefix);
    chunk.writeUInt32BE(17, 16);
    expect(problemOf(() => checkPreamble(chunk))).toBe('DAMAGED');
  });

  it('catches accidental damage before any key is needed', () => {
    const { bytes } = sampleHeader();
    for (let i = FIXED_PREFIX_BYTES; i < bytes.length - 32; i += 7) {
      const copy = Buffer.from(bytes);
      copy[i] = copy[i]! ^ 0x10;
      expect(problemOf(() => parseHeader(copy))).toBe('DAMAGED');
    }
  });

  it('gives every chunk its own nonce and binds index, flag and length', () => {
    const nonces = new Set<string>();
    for (let i = 0n; i < 50n; i++) for (const f of [0, 1]) nonces.add(chunkNonce(i, f).toString('hex'));
    expect(nonces.size).toBe(100);
    const mac = randomBytes(32);
    expect(chunkAad(mac, 1n, 0, 10).equals(chunkAad(mac, 1n, 1, 10))).toBe(false);
    expect(chunkAad(mac, 1n, 0, 10).equals(chunkAad(mac, 1n, 0, 11))).toBe(false);
  });
});
