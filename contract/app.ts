// Contract: application-level operations (about the app itself, not the practitioner's records).
import { z } from 'zod';
import { op } from './define';

export const appOperations = {
  getAppInfo: op({
    input: z.object({}).strict(),
    output: z.object({
      name: z.string(),
      version: z.string(),
      runtime: z.enum(['electron', 'harness']),
      platform: z.string(),
    }),
    whileLocked: true,
  }),
  /** Echoes its text back; used by the e2e suite to probe validation and size limits. */
  ping: op({
    input: z.object({ text: z.string().max(2 * 1024 * 1024) }).strict(),
    output: z.object({ text: z.string(), receivedAt: z.string() }),
    whileLocked: true,
  }),
};
