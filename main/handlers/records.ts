// Shared by the case-records handlers: turns a repository's RecordError into the router's
// UserError, reads the clock as the repositories want it (ISO instants, local calendar dates),
// and finds the practitioner's name for signing.
import type Database from 'better-sqlite3-multiple-ciphers';
import { RecordError } from '../../db/repos/errors';
import { getSetting } from '../../db/repos/settings';
import { UserError } from '../router/userError';
import type { Services } from '../services/services';
import { SETTING_PRACTITIONER } from '../services/vaultSession';

/** Wraps every handler of a map so that repository refusals reach the practitioner as typed errors. */
export function withRecordErrors<M extends Record<string, (...args: never[]) => unknown>>(map: M): M {
  const wrapped: Record<string, unknown> = {};
  for (const [name, handler] of Object.entries(map)) {
    wrapped[name] = (...args: never[]) => {
      try {
        return handler(...args);
      } catch (error) {
        throw toUserError(error);
      }
    };
  }
  return wrapped as M;
}

export function toUserError(error: unknown): unknown {
  if (error instanceof RecordError) return new UserError(error.code, error.message, error.fields);
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_FULL') return new UserError('DISK_FULL');
  return error;
}

export const db = (services: Services): Database.Database => services.vault.db();

/** Now, as an ISO instant (UTC). */
export const nowIso = (services: Services): string => new Date(services.clock.now()).toISOString();

/** Today's date on this computer's calendar, YYYY-MM-DD. */
export function localToday(services: Services): string {
  const d = new Date(services.clock.now());
  return `${String(d.getFullYear()).padStart(4, '0')}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The name notes and amendments are signed with (set when the vault was created, editable in Settings). */
export const practitionerName = (services: Services): string => getSetting(db(services), SETTING_PRACTITIONER)?.trim() ?? '';
