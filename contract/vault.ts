// Contract: the vault's lifecycle (create, unlock, lock, secrets, settings, integrity).
import { z } from 'zod';
import { op } from './define';

const empty = z.object({}).strict();
const ok = z.object({ ok: z.literal(true) });

export const MIN_PASSPHRASE_LENGTH = 10;
export const passphraseSchema = z
  .string()
  .min(MIN_PASSPHRASE_LENGTH, `Use at least ${MIN_PASSPHRASE_LENGTH} characters.`)
  .max(1024, 'That passphrase is too long.');

export const practitionerNameSchema = z
  .string()
  .trim()
  .min(1, 'Enter your name as it should appear on signed notes.')
  .max(200, 'That name is too long.');

export const autoLockMinutesSchema = z
  .number()
  .int('Use a whole number of minutes.')
  .min(1, 'Auto-lock must be at least 1 minute.')
  .max(60, 'Auto-lock can be at most 60 minutes.');

export const vaultStateSchema = z.enum(['none', 'locked', 'unlocked']);

export const vaultStatusSchema = z.object({
  state: vaultStateSchema,
  /** Milliseconds until another unlock attempt is accepted (0 when none is pending). */
  retryAfterMs: z.number().int().nonnegative(),
  practitionerName: z.string().nullable(),
  recoveryKeyConfirmed: z.boolean(),
});
export type VaultStatus = z.infer<typeof vaultStatusSchema>;

export const settingsSchema = z.object({
  practitionerName: z.string(),
  autoLockMinutes: autoLockMinutesSchema,
  backupReminderDays: z.number().int().min(1).max(90),
});
export type Settings = z.infer<typeof settingsSchema>;

export const vaultOperations = {
  getVaultStatus: op({ input: empty, output: vaultStatusSchema, whileLocked: true }),
  createVault: op({
    input: z.object({ practitionerName: practitionerNameSchema, passphrase: passphraseSchema }).strict(),
    output: z.object({ recoveryKey: z.string() }),
    whileLocked: true,
  }),
  confirmRecoveryKeyStored: op({ input: empty, output: ok }),
  unlockVault: op({
    input: z
      .object({
        method: z.enum(['passphrase', 'recoveryKey']),
        secret: z.string().min(1, 'Enter your passphrase.').max(1024),
      })
      .strict(),
    output: z.object({ practitionerName: z.string() }),
    whileLocked: true,
  }),
  lockVault: op({ input: empty, output: ok, whileLocked: true }),
  /** The renderer's answer to a lockRequested event: drafts are saved, go ahead. */
  confirmReadyToLock: op({ input: z.object({ requestId: z.string().max(64) }).strict(), output: ok, whileLocked: true }),
  changePassphrase: op({
    input: z.object({ current: z.string().min(1, 'Enter your current passphrase.').max(1024), next: passphraseSchema }).strict(),
    output: ok,
  }),
  rotateRecoveryKey: op({
    input: z.object({ passphrase: z.string().min(1, 'Enter your passphrase.').max(1024) }).strict(),
    output: z.object({ recoveryKey: z.string() }),
  }),
  getSettings: op({ input: empty, output: settingsSchema }),
  updateSettings: op({ input: settingsSchema.partial().strict(), output: settingsSchema }),
  checkVaultIntegrity: op({
    input: empty,
    output: z.object({ ok: z.boolean(), problems: z.array(z.string()), checkedAt: z.string() }),
  }),
};
