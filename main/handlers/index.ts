// The complete handler map. Typed against the whole contract, so a missing handler is a compile
// error; spreading per-feature maps whose contracts were combined cannot produce duplicates.
import type { Handlers } from '../router/types';
import { appHandlers } from './app';
import { vaultHandlers } from './vault';
import { peopleHandlers } from './people';
import { partiesHandlers } from './parties';
import { casesHandlers } from './cases';
import { notesHandlers } from './notes';
import { tasksHandlers } from './tasks';
import { searchHandlers } from './search';
import { backupHandlers } from './backup';

export const handlers: Handlers = {
  ...appHandlers,
  ...vaultHandlers,
  ...peopleHandlers,
  ...partiesHandlers,
  ...casesHandlers,
  ...notesHandlers,
  ...tasksHandlers,
  ...searchHandlers,
  ...backupHandlers,
};
