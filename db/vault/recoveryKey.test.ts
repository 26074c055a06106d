// Recovery key format: round trips, tolerant parsing, and that typing mistakes are caught and located.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatRecoveryKey, parseRecoveryKey, RECOVERY_KEY_BYTES } from './recoveryKey';
import { VaultError } from './errors';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const keyBytes = fc.uint8Array({ minLength: RECOVERY_KEY_BYTES, maxLength: RECOVERY_KEY_BYTES });

function parseError(text: string): VaultError {
  try {
    parseRecoveryKey(text);
  } catch (err) {
    if (err instanceof VaultError) return err;
    throw err;
  }
  throw new Error('expected the recovery key to be refused');
}

describe('recovery key format', () => {
  it('matches the test vectors in docs/vault-format.md', () => {
    expect(formatRecoveryKey(Buffer.alloc(20))).toBe('00002-00004-00008-0000G-00005-0000A-0000M-0000D');
    const counting = Buffer.from(Array.from({ length: 20 }, (_, i) => i));
    expect(formatRecoveryKey(counting)).toBe('000GA-40R49-0M303-E2092-185GF-R38E3-1W81Y-24GKP');
  });

  it('is 8 dash-separated groups of 5 Crockford base32 characters', () => {
    fc.assert(
      fc.property(keyBytes, (bytes) => {
        expect(formatRecoveryKey(bytes)).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){7}$/);
      }),
    );
  });

  it('round-trips every key', () => {
    fc.assert(
      fc.property(keyBytes, (bytes) => {
        expect(parseRecoveryKey(formatRecoveryKey(bytes)).equals(Buffer.from(bytes))).toBe(true);
      }),
    );
  });

  it('ignores case, spaces and dashes, and reads O, I and L as 0, 1 and 1', () => {
    fc.assert(
      fc.property(keyBytes, fc.constantFrom(' ', '  ', '-', ' - ', '\n', ''), (bytes, sep) => {
        const groups = formatRecoveryKey(bytes).split('-');
        const typed = groups.join(sep).toLowerCase().replace(/0/g, 'o').replace(/1/g, () => (Math.random() < 0.5 ? 'l' : 'I'));
        expect(parseRecoveryKey(`  ${typed} `).equals(Buffer.from(bytes))).toBe(true);
      }),
    );
  });

  it('catches any single mistyped character and names its group', () => {
    fc.assert(
      fc.property(keyBytes, fc.nat(39), fc.integer({ min: 1, max: 31 }), (bytes, position, shift) => {
        const chars = formatRecoveryKey(bytes).replace(/-/g, '').split('');
        chars[position] = ALPHABET[(ALPHABET.indexOf(chars[position]!) + shift) % 32]!;
        const err = parseError(chars.join(''));
        expect(err.code).toBe('MALFORMED_RECOVERY_KEY');
        expect(err.message).toContain(`group ${Math.floor(position / 5) + 1} has a typing mistake`);
      }),
    );
  });

  it('catches two swapped characters within a group', () => {
    fc.assert(
      fc.property(keyBytes, fc.nat(7), fc.nat(4), fc.nat(4), (bytes, group, a, b) => {
        const chars = formatRecoveryKey(bytes).replace(/-/g, '').split('');
        const i = group * 5 + a;
        const j = group * 5 + b;
        fc.pre(chars[i] !== chars[j]);
        [chars[i], chars[j]] = [chars[j]!, chars[i]!];
        expect(parseError(chars.join('')).code).toBe('MALFORMED_RECOVERY_KEY');
      }),
    );
  });

  it('catches two groups written in each other’s place', () => {
    fc.assert(
      fc.property(keyBytes, fc.nat(7), fc.nat(7), (bytes, a, b) => {
        const groups = formatRecoveryKey(bytes).split('-');
        fc.pre(groups[a] !== groups[b]);
        [groups[a], groups[b]] = [groups[b]!, groups[a]!];
        expect(parseError(groups.join('-')).message).toMatch(/groups \d(, \d)* and \d have a typing mistake/);
      }),
    );
  });

  it('refuses the wrong length and foreign characters without repeating the key', () => {
    const key = formatRecoveryKey(Buffer.alloc(RECOVERY_KEY_BYTES, 7));
    const short = parseError(key.slice(0, -6));
    expect(short.message).toContain('this one has 35');
    const foreign = parseError(key.replace(/^./, 'U'));
    expect(foreign.message).toContain('never use');
    for (const err of [short, foreign]) expect(err.message).not.toContain(key.slice(0, 5));
    expect(() => formatRecoveryKey(Buffer.alloc(16))).toThrow(RangeError);
  });
});
