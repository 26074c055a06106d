// The error union that crosses the IPC bridge: a code and a message a practitioner can read.
// Stacks, SQL and file paths never go into these messages.
import { z } from 'zod';

export const errorCodes = [
  'UNKNOWN_OPERATION',
  'INVALID_INPUT',
  'PAYLOAD_TOO_LARGE',
  'FORBIDDEN',
  'VAULT_LOCKED',
  'VAULT_EXISTS',
  'NO_VAULT',
  'WRONG_SECRET',
  'TOO_MANY_ATTEMPTS',
  'VAULT_DAMAGED',
  'VAULT_TOO_NEW',
  'NOT_FOUND',
  'REFUSED',
  'CANCELLED',
  'DISK_FULL',
  'BACKUP_INVALID',
  'INTERNAL',
] as const;

export const errorCodeSchema = z.enum(errorCodes);
export type HearthErrorCode = z.infer<typeof errorCodeSchema>;

export const hearthErrorSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  /** Field-level problems for forms, keyed by dotted path. Never contains values. */
  fields: z.record(z.string(), z.string()).optional(),
});
export type HearthErrorPayload = z.infer<typeof hearthErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: HearthErrorPayload };

/** Default wording for each code, used when a handler does not supply its own. */
export const defaultMessages: Record<HearthErrorCode, string> = {
  UNKNOWN_OPERATION: 'Hearth did not recognise that request. Please restart Hearth.',
  INVALID_INPUT: 'Some of the details entered are not valid. Please check the highlighted fields.',
  PAYLOAD_TOO_LARGE: 'That is too much to save in one go. Please split it into smaller parts.',
  FORBIDDEN: 'That request did not come from Hearth itself, so it was refused.',
  VAULT_LOCKED: 'Your vault is locked. Unlock it to carry on.',
  VAULT_EXISTS: 'A vault already exists on this computer.',
  NO_VAULT: 'There is no vault on this computer yet.',
  WRONG_SECRET: "That passphrase doesn't match this vault.",
  TOO_MANY_ATTEMPTS: 'Too many attempts. Please wait a moment before trying again.',
  VAULT_DAMAGED: 'Your vault could not be read. It may be damaged. Restore it from a backup.',
  VAULT_TOO_NEW: 'This vault was made by a newer version of Hearth. Please update Hearth to open it.',
  NOT_FOUND: 'That record could not be found. It may have been removed.',
  REFUSED: 'That change is not allowed.',
  CANCELLED: 'Cancelled. Nothing was changed.',
  DISK_FULL: 'There is not enough space on the disk. Nothing was changed.',
  BACKUP_INVALID: 'This backup could not be read. It may be damaged or not a Hearth backup.',
  INTERNAL: 'Something went wrong inside Hearth. Nothing was changed. Please try again.',
};
