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
const ACCEPT_LOW = 0.8;
const ACCEPT_HIGH = 1.3;

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
 * Probes take the fastest of several runs, so a busy moment does not talk the parameters down.
 * Takes roughly one and a half to three times the target to run.
 */
export async function calibrateKdf(opts: { targetMs?: number } = {}): Promise<KdfParams & { measuredMs: number }> {
  const targetMs = opts.targetMs ?? KDF_DEFAULT_TARGET_MS;
  const parallelism = clamp(availableParallelism(), 1, 4);
  const floor: KdfParams = { algorithm: 'argon2id', memoryKiB: KDF_MIN_MEMORY_KIB, iterations: KDF_MIN_ITERATIONS, parallelism };
  const fastestOf = async (runs: number, params: KdfParams): Promise<number> => {
    let best = Infinity;
    for (let i = 0; i < runs; i++) best = Math.min(best, await timeOnce(params));
    return best;
  };

  // The first run pays for page faults; the fastest of the next two is the figure.
  await timeOnce(floor);
  const atFloor = await fastestOf(2, floor);
  if (atFloor >= targetMs * ACCEPT_LOW) return { ...floor, measuredMs: Math.round(atFloor) };

  // Raise memory towards the cap, in steps of 16 MiB, while three passes stay well inside the target.
  const memoryScale = clamp(targetMs / (atFloor * 2), 1, KDF_MAX_MEMORY_KIB / KDF_MIN_MEMORY_KIB);
  const step = 16 * 1024;
  const memoryKiB = clamp(Math.floor((KDF_MIN_MEMORY_KIB * memoryScale) / step) * step, KDF_MIN_MEMORY_KIB, KDF_MAX_MEMORY_KIB);
  let params: KdfParams = { ...floor, memoryKiB };
  const perPass = (memoryKiB === floor.memoryKiB ? atFloor : await fastestOf(3, params)) / KDF_MIN_ITERATIONS;

  // Then passes, from the per-pass cost; one correction if the check run lands far off.
  params = { ...params, iterations: clamp(Math.round(targetMs / perPass), KDF_MIN_ITERATIONS, KDF_MAX_ITERATIONS) };
  let measured = await timeOnce(params);
  // A slow check run may just be a busy moment: look again before lowering anything.
  if (measured > targetMs * ACCEPT_HIGH) measured = Math.min(measured, await timeOnce(params));
  const ratio = measured / targetMs;
  if (ratio < ACCEPT_LOW || ratio > ACCEPT_HIGH) {
    const iterations = clamp(Math.round(params.iterations / ratio), KDF_MIN_ITERATIONS, KDF_MAX_ITERATIONS);
    if (iterations !== params.iterations) {
      params = { ...params, iterations };
      measured = await timeOnce(params);
    }
  }
  return { ...params, measuredMs: Math.round(measured) };
}
