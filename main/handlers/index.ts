// The complete handler map. Typed against the whole contract, so a missing handler is a compile
// error; spreading per-feature maps whose contracts were combined cannot produce duplicates.
import type { Handlers } from '../router/types';
import { appHandlers } from './app';
import { vaultHandlers } from './vault';

export const handlers: Handlers = {
  ...appHandlers,
  ...vaultHandlers,
};
