// Owns the recovery key's written form: 160 random bits shown as 8 groups of 5 Crockford base32
// characters, each group ending in a check character, so a mistyped or misplaced group is caught
// before any decryption is tried. The format is specified in docs/vault-format.md.
import { randomBytes } from 'node:crypto';
import { VaultError } from './errors';

export const RECOVERY_KEY_BYTES = 20;
export const RECOVERY_KEY_GROUPS = 8;
const DATA_PER_GROUP = 4;
const GROUP_LENGTH = DATA_PER_GROUP + 1;
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

// GF(2^5) with the primitive polynomial x^5 + x^2 + 1. α = 2 generates all 31 non-zero elements.
const EXP: number[] = [];
const LOG: number[] = new Array<number>(32).fill(0);
for (let i = 0, x = 1; i < 31; i++) {
  EXP[i] = x;
  LOG[x] = i;
  x <<= 1;
  if (x & 0b100000) x ^= 0b100101;
}
const alphaPow = (n: number): number => EXP[((n % 31) + 31) % 31]!;
const mul = (a: number, b: number): number => (a === 0 || b === 0 ? 0 : alphaPow(LOG[a]! + LOG[b]!));

/**
 * The check character makes Σ x_j·α^j + α^(5+g) = 0 over the group's five symbols x_0..x_4, where g
 * is the group's position. Distinct non-zero weights catch every single substitution and every swap
 * of two characters in a group; the position term catches a whole group written in the wrong place.
 */
function checkSymbol(groupIndex: number, data: readonly number[]): number {
  let sum = alphaPow(5 + groupIndex);
  data.forEach((symbol, j) => {
    sum ^= mul(symbol, alphaPow(j));
  });
  return mul(sum, alphaPow(-DATA_PER_GROUP));
}

function bytesToSymbols(bytes: Uint8Array): number[] {
  const symbols: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const byte of bytes) {
    acc = (acc << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      symbols.push((acc >> bits) & 31);
    }
    acc &= (1 << bits) - 1;
  }
  return symbols;
}

function symbolsToBytes(symbols: readonly number[]): Buffer {
  const out = Buffer.alloc((symbols.length * 5) / 8);
  let acc = 0;
  let bits = 0;
  let i = 0;
  for (const symbol of symbols) {
    acc = (acc << 5) | symbol;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out[i++] = (acc >> bits) & 0xff;
      acc &= (1 << bits) - 1;
    }
  }
  return out;
}

/** Formats 20 key bytes as `XXXXX-XXXXX-…` (8 groups of 5). */
export function formatRecoveryKey(bytes: Uint8Array): string {
  if (bytes.length !== RECOVERY_KEY_BYTES) {
    throw new RangeError(`A recovery key is ${RECOVERY_KEY_BYTES} bytes.`);
  }
  const symbols = bytesToSymbols(bytes);
  const groups: string[] = [];
  for (let g = 0; g < RECOVERY_KEY_GROUPS; g++) {
    const data = symbols.slice(g * DATA_PER_GROUP, (g + 1) * DATA_PER_GROUP);
    const all = [...data, checkSymbol(g, data)];
    groups.push(all.map((s) => ALPHABET[s]).join(''));
  }
  return groups.join('-');
}

const malformed = (detail: string): VaultError =>
  new VaultError('MALFORMED_RECOVERY_KEY', `That recovery key isn't quite right: ${detail}`);

function symbolOf(char: string): number | undefined {
  const c = char.toUpperCase();
  const normalised = c === 'O' ? '0' : c === 'I' || c === 'L' ? '1' : c;
  const index = ALPHABET.indexOf(normalised);
  return index === -1 ? undefined : index;
}

function listGroups(groups: readonly number[]): string {
  const names = groups.map((g) => String(g + 1));
  if (names.length === 1) return `group ${names[0]}`;
  return `groups ${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * Parses a typed or pasted recovery key. Case, spaces and dashes don't matter, and the look-alikes
 * O, I and L are read as 0, 1 and 1. Throws MALFORMED_RECOVERY_KEY naming the group to re-check;
 * the message never repeats the key itself.
 */
export function parseRecoveryKey(text: string): Buffer {
  const symbols: number[] = [];
  for (const char of text) {
    if (/[\s\-\u2010-\u2015_.]/u.test(char)) continue;
    const symbol = symbolOf(char);
    if (symbol === undefined) {
      throw malformed('it contains a character that recovery keys never use. Please check it against your recovery sheet.');
    }
    symbols.push(symbol);
  }
  const expected = RECOVERY_KEY_GROUPS * GROUP_LENGTH;
  if (symbols.length !== expected) {
    throw malformed(
      `a recovery key has ${expected} letters and numbers in ${RECOVERY_KEY_GROUPS} groups of ${GROUP_LENGTH}, and this one has ${symbols.length}.`,
    );
  }
  const data: number[] = [];
  const badGroups: number[] = [];
  for (let g = 0; g < RECOVERY_KEY_GROUPS; g++) {
    const group = symbols.slice(g * GROUP_LENGTH, (g + 1) * GROUP_LENGTH);
    const groupData = group.slice(0, DATA_PER_GROUP);
    if (checkSymbol(g, groupData) !== group[DATA_PER_GROUP]) badGroups.push(g);
    data.push(...groupData);
  }
  if (badGroups.length > 0) {
    throw malformed(`${listGroups(badGroups)} ${badGroups.length === 1 ? 'has' : 'have'} a typing mistake. Please check against your recovery sheet.`);
  }
  return symbolsToBytes(data);
}

export function generateRecoveryKey(): { bytes: Buffer; formatted: string } {
  const bytes = randomBytes(RECOVERY_KEY_BYTES);
  return { bytes, formatted: formatRecoveryKey(bytes) };
}
