// Types for the handler map that main builds from the contract.
import type { Contract, OperationMap, OutputOf, ParsedInputOf } from '../../contract';
import type { Services } from '../services/services';

export interface HandlerContext {
  readonly services: Services;
}

export type HandlerMap<M extends OperationMap> = {
  readonly [K in keyof M]: (input: ParsedInputOf<M[K]>, ctx: HandlerContext) => OutputOf<M[K]> | Promise<OutputOf<M[K]>>;
};

export type Handlers = HandlerMap<Contract>;

/** Where a call came from, as established by the transport (Electron IPC or the e2e binding). */
export interface CallOrigin {
  /** True only when the sender is the app's own top-level frame on the app's own origin. */
  readonly trusted: boolean;
}
