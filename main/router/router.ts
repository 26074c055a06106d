// The IPC router: the single entry point for every renderer request. It checks the sender, looks
// the operation up in the contract's allow-list, enforces the size limit, validates the input with
// zod, refuses vault operations while locked, runs the handler and validates its output. Whatever
// happens, the caller gets a Result; stacks, SQL and paths never leave this module.
import type { z } from 'zod';
import {
  contract,
  DEFAULT_MAX_INPUT_BYTES,
  defaultMessages,
  type HearthErrorPayload,
  type OperationSpec,
  type Result,
} from '../../contract';
import type { Services } from '../services/services';
import { log } from '../services/log';
import type { CallOrigin, Handlers } from './types';
import { UserError } from './userError';

export interface Router {
  dispatch(name: unknown, payload: unknown, origin: CallOrigin): Promise<Result<unknown>>;
}

const fail = (code: HearthErrorPayload['code'], message = defaultMessages[code], fields?: Record<string, string>): Result<never> => ({
  ok: false,
  error: fields ? { code, message, fields } : { code, message },
});

/** Bytes of the payload as JSON; anything that cannot be serialised counts as oversized. */
export function payloadBytes(payload: unknown): number {
  try {
    const json = JSON.stringify(payload ?? null);
    return Buffer.byteLength(json, 'utf8');
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    // zod's own messages can echo input ("Invalid option: expected one of…") but never the value
    // of a free-text field; custom messages in the contract are written for practitioners.
    fields[key] ??= issue.message;
  }
  return fields;
}

export function createRouter(handlers: Handlers, services: Services): Router {
  const specs: Record<string, OperationSpec> = contract;
  const table: Record<string, (input: unknown, ctx: { services: Services }) => unknown> = handlers as never;

  return {
    async dispatch(name, payload, origin) {
      if (!origin.trusted) return fail('FORBIDDEN');
      if (typeof name !== 'string' || !Object.hasOwn(specs, name)) return fail('UNKNOWN_OPERATION');
      const spec = specs[name]!;
      const handler = table[name]!;
      if (payloadBytes(payload) > (spec.maxInputBytes ?? DEFAULT_MAX_INPUT_BYTES)) return fail('PAYLOAD_TOO_LARGE');

      const parsed = spec.input.safeParse(payload);
      if (!parsed.success) return fail('INVALID_INPUT', defaultMessages.INVALID_INPUT, fieldErrors(parsed.error));
      if (!spec.whileLocked && !services.vault.isUnlocked()) return fail('VAULT_LOCKED');

      try {
        services.activity.touch();
        const value = await handler(parsed.data, { services });
        const out = spec.output.safeParse(value);
        if (!out.success) {
          log.error('router.output-invalid', { operation: name });
          return fail('INTERNAL');
        }
        return { ok: true, value: out.data };
      } catch (error) {
        if (error instanceof UserError) return fail(error.code, error.message, error.fields);
        log.error('router.handler-failed', { operation: name, error: describeError(error) });
        return fail('INTERNAL');
      }
    },
  };
}

/** A description of an unexpected error that is safe to log: its class and code, never its message. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' ? `${error.name}:${code}` : error.name;
  }
  return typeof error;
}
