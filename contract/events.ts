// Contract: events pushed from main to the renderer. The preload exposes a subscription per name.
import { z } from 'zod';
import { backupProgressSchema } from './backup';

export const events = {
  /** Main wants to lock (idle, suspend, screen lock). Save drafts, then call confirmReadyToLock. */
  lockRequested: z.object({ requestId: z.string(), reason: z.enum(['idle', 'suspend', 'screen-lock', 'shortcut']) }),
  /** Progress of the backup, check or restore in hand. */
  backupProgress: backupProgressSchema,
};

export type EventMap = typeof events;
export type EventName = keyof EventMap;
export type EventPayload<N extends EventName> = z.infer<EventMap[N]>;
export const eventNames = Object.keys(events) as EventName[];

export type BridgeEvents = {
  readonly on: <N extends EventName>(name: N, listener: (payload: EventPayload<N>) => void) => () => void;
};
