// The renderer's only way to reach data: typed calls through window.hearth. Failures become
// HearthError (code + practitioner-facing message) so screens can show them as they are.
import type { Contract, HearthErrorCode, InputOf, OperationName, OutputOf } from '../../../contract';

export class HearthError extends Error {
  constructor(
    readonly code: HearthErrorCode,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HearthError';
  }
}

export async function call<N extends OperationName>(name: N, input: InputOf<Contract[N]>): Promise<OutputOf<Contract[N]>> {
  const fn = window.hearth[name] as (input: InputOf<Contract[N]>) => Promise<
    { ok: true; value: OutputOf<Contract[N]> } | { ok: false; error: { code: HearthErrorCode; message: string; fields?: Record<string, string> } }
  >;
  const result = await fn(input);
  if (result.ok) return result.value;
  throw new HearthError(result.error.code, result.error.message, result.error.fields ?? {});
}

export function errorMessage(error: unknown): string {
  if (error instanceof HearthError) return error.message;
  return 'Something went wrong. Nothing was changed. Please try again.';
}
