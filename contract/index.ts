// The one typed IPC contract, shared by main, preload and renderer. It imports only zod, so every
// process can load it without native code. Add a feature by writing contract/<feature>.ts and
// combining it below; the compiler then demands a handler in main/handlers.
import { combineOperations, type BridgeApi } from './define';
import { appOperations } from './app';
import { vaultOperations } from './vault';
import { peopleOperations } from './people';
import { partiesOperations } from './parties';
import { casesOperations } from './cases';
import { notesOperations } from './notes';
import { tasksOperations } from './tasks';
import { searchOperations } from './search';
import { backupOperations } from './backup';
import type { BridgeEvents } from './events';

const records = combineOperations(
  combineOperations(combineOperations(peopleOperations, partiesOperations), combineOperations(casesOperations, notesOperations)),
  combineOperations(tasksOperations, searchOperations),
);

export const contract = combineOperations(combineOperations(combineOperations(appOperations, vaultOperations), backupOperations), records);

export type Contract = typeof contract;
export type OperationName = keyof Contract;
export const operationNames = Object.keys(contract) as OperationName[];

/** IPC channel for an operation. The prefix keeps Hearth's channels apart from Electron's own. */
export const channelFor = (name: string): string => `hearth:${name}`;
export const EVENT_CHANNEL = 'hearth-event';

/** What the preload installs as window.hearth. */
export type HearthBridge = BridgeApi<Contract> & BridgeEvents;

export * from './define';
export * from './errors';
export * from './events';
export * from './app';
export * from './vault';
export * from './common';
export * from './people';
export * from './parties';
export * from './cases';
export * from './notes';
export * from './tasks';
export * from './search';
export * from './backup';
