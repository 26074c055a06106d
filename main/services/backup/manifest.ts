// Owns manifest.json, the last part of every backup: what the backup holds (record counts,
// versions, when it was made) and the size and SHA-256 of every other part. Checking it means
// every listed part was seen with that exact size and hash, nothing unlisted was seen, and the
// parts a vault cannot do without are there.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { PART_DATABASE, PART_ENVELOPE, PART_MANIFEST, isValidPartName, type PartRecord } from './archive';
import { damaged } from './errors';

export const MANIFEST_FORMAT = 'hearth-backup-manifest';
export const MANIFEST_VERSION = 1;
export const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;

const partSchema = z.strictObject({
  name: z.string().refine(isValidPartName),
  size: z.int().min(0).max(Number.MAX_SAFE_INTEGER),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

const manifestSchema = z.strictObject({
  format: z.literal(MANIFEST_FORMAT),
  version: z.literal(MANIFEST_VERSION),
  createdAt: z.iso.datetime(),
  appVersion: z.string().min(1).max(64),
  schemaVersion: z.int().min(1),
  counts: z.record(z.string().min(1).max(128), z.int().min(0)),
  parts: z.array(partSchema).min(2),
});

export type Manifest = z.infer<typeof manifestSchema>;

export function encodeManifest(manifest: Manifest): Buffer {
  return Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
}

export function parseManifest(bytes: Buffer): Manifest {
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw damaged();
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) throw damaged();
  return parsed.data;
}

export const sha256Hex = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

/**
 * `seen` is every part read from the archive, in order, manifest last. Throws DAMAGED unless the
 * manifest and the archive agree exactly, and the envelope part is the envelope in the header.
 */
export function checkManifest(manifest: Manifest, seen: readonly PartRecord[], headerEnvelope: Buffer): void {
  const last = seen.at(-1);
  if (!last || last.name !== PART_MANIFEST) throw damaged();
  const content = seen.slice(0, -1);
  const listed = new Map<string, PartRecord>();
  for (const part of manifest.parts) {
    if (part.name === PART_MANIFEST || listed.has(part.name)) throw damaged();
    listed.set(part.name, part);
  }
  if (content.length !== listed.size) throw damaged(); // a part missing, or one the manifest never mentions
  for (const part of content) {
    const expected = listed.get(part.name);
    if (!expected || expected.size !== part.size || expected.sha256 !== part.sha256) throw damaged();
  }
  if (!listed.has(PART_DATABASE)) throw damaged();
  const envelope = listed.get(PART_ENVELOPE);
  if (!envelope || envelope.sha256 !== sha256Hex(headerEnvelope) || envelope.size !== headerEnvelope.length) throw damaged();
}
