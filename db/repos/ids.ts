// Owns record identifiers: random UUIDs, so ids reveal nothing (no order, no count) and records
// from two vaults never collide when merged or restored.
import { randomUUID } from 'node:crypto';

export const newId = (): string => randomUUID();
