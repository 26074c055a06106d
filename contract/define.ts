// Building blocks for the one typed contract: an operation is a name with an input and output
// schema. Everything else (handler map, preload API, renderer types) is derived from these.
import type { z } from 'zod';
import type { Result } from './errors';

export interface OperationSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
  /** Largest accepted input, in bytes of JSON. Defaults to DEFAULT_MAX_INPUT_BYTES. */
  readonly maxInputBytes?: number;
  /** True for the few operations allowed while the vault is locked. */
  readonly whileLocked?: boolean;
}

export const DEFAULT_MAX_INPUT_BYTES = 1024 * 1024;

export function op<I extends z.ZodType, O extends z.ZodType>(spec: OperationSpec<I, O>): OperationSpec<I, O> {
  return spec;
}

export type OperationMap = Record<string, OperationSpec>;

type Overlap<A, B> = Extract<keyof A, keyof B>;

/**
 * Merges per-feature operation maps. A name declared twice is a compile error (the result type
 * becomes `never`) and a runtime error, so two features can never claim one channel.
 */
export function combineOperations<A extends OperationMap, B extends OperationMap>(
  a: A,
  b: Overlap<A, B> extends never ? B : never,
): A & B {
  for (const name of Object.keys(b)) {
    if (Object.hasOwn(a, name)) throw new Error(`Operation "${name}" is declared twice`);
  }
  return { ...a, ...b } as A & B;
}

export type InputOf<S> = S extends OperationSpec<infer I, z.ZodType> ? z.input<I> : never;
export type ParsedInputOf<S> = S extends OperationSpec<infer I, z.ZodType> ? z.output<I> : never;
export type OutputOf<S> = S extends OperationSpec<z.ZodType, infer O> ? z.output<O> : never;

/** The shape of window.hearth's operation functions for an operation map. */
export type BridgeApi<M extends OperationMap> = {
  readonly [K in keyof M]: (input: InputOf<M[K]>) => Promise<Result<OutputOf<M[K]>>>;
};
