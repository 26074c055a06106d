// Owns key derivation: Argon2id for passphrases (calibrated to the machine at creation) and
// HKDF-SHA256 for the high-entropy recovery key. Argon2 runs on the libuv pool, never blocking the event loop.
import { availableParallelism } from 'node:os';
import { hkdf } from 'node:crypto';
import { promisify } from 'node:util';
import { hashRaw, type Algorithm } from '@node-rs/argon2';

// Algorithm is an ambient const enum, which verbatimModuleSyntax cannot read at run time.
const ARGON2ID = 2 as Algorithm.Argon2id;

export interface KdfParams {
  algorithm: 'argon2id';
  memoryKiB: number;
  iterations: number;
  parallelism: number;
}

/** Floors for calibrated parameters: never below 64 MiB and 3 passes. */
export const KDF_MIN_MEMORY_KIB = 64 * 1024;
export const KDF_MIN_ITERATIONS = 3;
/** Memory is raised first (it is what makes guessing expensive on GPUs), up to a laptop-friendly cap. */
const KDF_MAX_MEMORY_KIB = 256 * 1024;
const KDF_MAX_ITERATIONS = 64;
export const KDF_DEFAULT_TARGET_MS = 700;
const ACCEPT_LOW = 0.75;
const ACCEPT_HIGH = 1.35;

const hkdfAsync = promisify(hkdf);

/** Passphrases are compared as Unicode NFC, so the same words typed on another keyboard still match. */
export function normalisePassphrase(passphrase: string): Buffer {
  return Buffer.from(passphrase.normalize('NFC'), 'utf8');
}

export async function derivePassphraseKey(passphrase: string, salt: Buffer, params: KdfParams): Promise<Buffer> {
  const secret = normalisePassphrase(passphrase);
  try {
    return await hashRaw(secret, {
      algorithm: ARGON2ID,
      memoryCost: params.memoryKiB,
      timeCost: params.iterations,
      parallelism: params.parallelism,
      outputLen: 32,
      salt,
    });
  } finally {
    secret.fill(0);
  }
}

export async function deriveRecoveryKey(recoveryKey: Buffer, salt: Buffer): Promise<Buffer> {
  const out = await hkdfAsync('sha256', recoveryKey, salt, 'hearth vault recovery key wrap', 32);
  return Buffer.from(out);
}

async function timeOnce(params: KdfParams): Promise<number> {
  const salt = Buffer.alloc(16, 0x5a);
  const start = performance.now();
  const out = await derivePassphraseKey('calibration', salt, params);
  const elapsed = performance.now() - start;
  out.fill(0);
  return elapsed;
}

const clamp = (n: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, n));

/**
 * Finds Argon2id parameters that take about `targetMs` (default 700 ms) here: memory first, up to
 * 256 MiB, then passes. The result is never below 64 MiB and 3 passes, however fast or slow the machine.
 * Takes roughly two to three times the target to run.
 */
export async function calibrateKdf(opts: { targetMs?: number } = {}): Promise<KdfParams & { measuredMs: number }> {
  const targetMs = opts.targetMs ?? KDF_DEFAULT_TARGET_MS;
  const parallelism = clamp(availableParallelism(), 1, 4);
  let params: KdfParams = {
    algorithm: 'argon2id',
    memoryKiB: KDF_MIN_MEMORY_KIB,
    iterations: KDF_MIN_ITERATIONS,
    parallelism,
  };
  // Two short runs: the first pays for page faults, the second is the steadier figure.
  await timeOnce(params);
  let measured = await timeOnce(params);

  if (measured * 1.5 < targetMs) {
    const scale = Math.min(targetMs / (measured * 1.5), KDF_MAX_MEMORY_KIB / KDF_MIN_MEMORY_KIB);
    const memoryKiB = Math.floor((KDF_MIN_MEMORY_KIB * scale) / 1024) * 1024;
    params = { ...params, memoryKiB: clamp(memoryKiB, KDF_MIN_MEMORY_KIB, KDF_MAX_MEMORY_KIB) };
    measured = await timeOnce(params);
  }
  for (let attempt = 0; attempt < 3; attempt++) {
    const ratio = measured / targetMs;
    if (ratio >= ACCEPT_LOW && ratio <= ACCEPT_HIGH) break;
    const iterations = clamp(Math.round(params.iterations / ratio), KDF_MIN_ITERATIONS, KDF_MAX_ITERATIONS);
    if (iterations === params.iterations) break;
    params = { ...params, iterations };
    measured = await timeOnce(params);
  }
  return { ...params, measuredMs: Math.round(measured) };
}
