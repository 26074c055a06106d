// Owns the byte layout of a .hearthbackup file's header and the key schedule: what the header
// holds, how it is checked before and after a key is known, and how each chunk's nonce and
// associated data are built. docs/backup-format.md specifies the same thing in prose; change both.
import { createHash, createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { BackupError, damaged } from './errors';

/** PNG-style: a high byte, a name, then CR LF and ^Z so text-mode transfers show up as damage. */
export const MAGIC = Buffer.from([0x89, 0x48, 0x42, 0x41, 0x4b, 0x0d, 0x0a, 0x1a]); // \x89 H B A K \r \n \x1a
export const FORMAT_VERSION = 1;
export const FILE_EXTENSION = '.hearthbackup';

export const SALT_BYTES = 32;
export const DIGEST_BYTES = 32;
export const TAG_BYTES = 16;
export const RECORD_HEADER_BYTES = 5;
export const DEFAULT_CHUNK_SIZE = 1024 * 1024;
export const MIN_CHUNK_SIZE = 4096;
export const MAX_CHUNK_SIZE = 16 * 1024 * 1024;
export const MAX_ENVELOPE_BYTES = 64 * 1024;

/** Offsets within the header. Everything is big-endian. */
const OFF_VERSION = 8;
const OFF_FLAGS = 10;
const OFF_HEADER_LENGTH = 12;
const OFF_CHUNK_SIZE = 16;
const OFF_SALT = 20;
const OFF_ENVELOPE_LENGTH = OFF_SALT + SALT_BYTES; // 52
export const FIXED_PREFIX_BYTES = OFF_ENVELOPE_LENGTH + 4; // 56: enough to know the header's length
/** Header = fixed prefix + envelope + SHA-256 checksum + HMAC. */
export const headerLengthFor = (envelopeBytes: number): number => FIXED_PREFIX_BYTES + envelopeBytes + 2 * DIGEST_BYTES;
export const MIN_HEADER_BYTES = headerLengthFor(1);
export const MAX_HEADER_BYTES = headerLengthFor(MAX_ENVELOPE_BYTES);

export const RECORD_FLAG_MORE = 0x00;
export const RECORD_FLAG_FINAL = 0x01;

export interface BackupKeys {
  encKey: Buffer;
  macKey: Buffer;
}

/** backup keys = HKDF-SHA256(ikm = vault key, salt = header salt, info = "hearth-backup-v1"), 64 bytes, split in two. */
export function deriveBackupKeys(vaultKey: Buffer, salt: Buffer): BackupKeys {
  const okm = Buffer.from(hkdfSync('sha256', vaultKey, salt, 'hearth-backup-v1', 64));
  return { encKey: okm.subarray(0, 32), macKey: okm.subarray(32, 64) };
}

export function wipeKeys(keys: BackupKeys): void {
  keys.encKey.fill(0);
  keys.macKey.fill(0);
}

export interface HeaderFields {
  chunkSize: number;
  salt: Buffer;
  envelope: Buffer;
}

export interface ParsedHeader extends HeaderFields {
  formatVersion: number;
  /** All header bytes up to (not including) the MAC: what the MAC covers. */
  signedBytes: Buffer;
  mac: Buffer;
  length: number;
}

/** Builds the complete header, MAC included. */
export function encodeHeader(fields: HeaderFields, macKey: Buffer): Buffer {
  if (fields.salt.length !== SALT_BYTES) throw new RangeError('salt must be 32 bytes');
  if (fields.envelope.length < 1 || fields.envelope.length > MAX_ENVELOPE_BYTES) throw new RangeError('envelope size');
  assertChunkSize(fields.chunkSize);
  const length = headerLengthFor(fields.envelope.length);
  const out = Buffer.alloc(length);
  MAGIC.copy(out, 0);
  out.writeUInt16BE(FORMAT_VERSION, OFF_VERSION);
  out.writeUInt16BE(0, OFF_FLAGS);
  out.writeUInt32BE(length, OFF_HEADER_LENGTH);
  out.writeUInt32BE(fields.chunkSize, OFF_CHUNK_SIZE);
  fields.salt.copy(out, OFF_SALT);
  out.writeUInt32BE(fields.envelope.length, OFF_ENVELOPE_LENGTH);
  fields.envelope.copy(out, FIXED_PREFIX_BYTES);
  const checksumAt = FIXED_PREFIX_BYTES + fields.envelope.length;
  createHash('sha256').update(out.subarray(0, checksumAt)).digest().copy(out, checksumAt);
  const macAt = checksumAt + DIGEST_BYTES;
  createHmac('sha256', macKey).update(out.subarray(0, macAt)).digest().copy(out, macAt);
  return out;
}

function assertChunkSize(size: number): void {
  if (!Number.isInteger(size) || size < MIN_CHUNK_SIZE || size > MAX_CHUNK_SIZE) throw new RangeError('chunk size');
}

/**
 * First look at a file's opening bytes: is it a Hearth backup at all, and one this version reads?
 * `bytes` is the first FIXED_PREFIX_BYTES of the file, or the whole file when it is shorter. A
 * file that stops partway through the magic (an empty file included) counts as cut short.
 */
export function checkPreamble(bytes: Buffer): { formatVersion: number; headerLength: number } {
  const magicPart = bytes.subarray(0, Math.min(bytes.length, MAGIC.length));
  if (!magicPart.equals(MAGIC.subarray(0, magicPart.length))) throw new BackupError('NOT_A_BACKUP');
  if (bytes.length < OFF_FLAGS) throw damaged();
  const formatVersion = bytes.readUInt16BE(OFF_VERSION);
  // Refused before anything else is read: a newer layout may differ from here on.
  if (formatVersion > FORMAT_VERSION) throw new BackupError('TOO_NEW');
  if (formatVersion < 1) throw damaged();
  if (bytes.length < FIXED_PREFIX_BYTES) throw damaged();
  const headerLength = bytes.readUInt32BE(OFF_HEADER_LENGTH);
  const envelopeLength = bytes.readUInt32BE(OFF_ENVELOPE_LENGTH);
  const chunkSize = bytes.readUInt32BE(OFF_CHUNK_SIZE);
  if (
    bytes.readUInt16BE(OFF_FLAGS) !== 0 ||
    envelopeLength < 1 ||
    envelopeLength > MAX_ENVELOPE_BYTES ||
    headerLength !== headerLengthFor(envelopeLength) ||
    chunkSize < MIN_CHUNK_SIZE ||
    chunkSize > MAX_CHUNK_SIZE
  ) {
    throw damaged();
  }
  return { formatVersion, headerLength };
}

/** Parses a whole header and checks its unkeyed checksum, so accidental damage is named as damage, not as a wrong passphrase. */
export function parseHeader(bytes: Buffer): ParsedHeader {
  const { formatVersion, headerLength } = checkPreamble(bytes.subarray(0, FIXED_PREFIX_BYTES));
  if (bytes.length !== headerLength) throw damaged();
  const envelopeLength = bytes.readUInt32BE(OFF_ENVELOPE_LENGTH);
  const checksumAt = FIXED_PREFIX_BYTES + envelopeLength;
  const macAt = checksumAt + DIGEST_BYTES;
  const expected = createHash('sha256').update(bytes.subarray(0, checksumAt)).digest();
  if (!timingSafeEqual(expected, bytes.subarray(checksumAt, macAt))) throw damaged();
  return {
    formatVersion,
    length: headerLength,
    chunkSize: bytes.readUInt32BE(OFF_CHUNK_SIZE),
    salt: Buffer.from(bytes.subarray(OFF_SALT, OFF_SALT + SALT_BYTES)),
    envelope: Buffer.from(bytes.subarray(FIXED_PREFIX_BYTES, checksumAt)),
    signedBytes: Buffer.from(bytes.subarray(0, macAt)),
    mac: Buffer.from(bytes.subarray(macAt, macAt + DIGEST_BYTES)),
  };
}

/** Once the vault key is known: proves the header is exactly as Hearth wrote it. */
export function assertHeaderMac(header: ParsedHeader, macKey: Buffer): void {
  const expected = createHmac('sha256', macKey).update(header.signedBytes).digest();
  if (!timingSafeEqual(expected, header.mac)) throw damaged();
}

/** 96-bit GCM nonce: chunk index (64 bits) then the record flags (32 bits). Unique because each backup has its own key. */
export function chunkNonce(index: bigint, flags: number): Buffer {
  const nonce = Buffer.alloc(12);
  nonce.writeBigUInt64BE(index, 0);
  nonce.writeUInt32BE(flags, 8);
  return nonce;
}

/** Associated data: the header's MAC (binds every chunk to this header), then index, flags and length. */
export function chunkAad(headerMac: Buffer, index: bigint, flags: number, plaintextLength: number): Buffer {
  const aad = Buffer.alloc(DIGEST_BYTES + 8 + 1 + 4);
  headerMac.copy(aad, 0);
  aad.writeBigUInt64BE(index, DIGEST_BYTES);
  aad.writeUInt8(flags, DIGEST_BYTES + 8);
  aad.writeUInt32BE(plaintextLength, DIGEST_BYTES + 9);
  return aad;
}
