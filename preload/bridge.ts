// Derives the window.hearth object from the contract. Shared by the Electron preload and the e2e
// harness, so both runtimes expose exactly the same API.
import { channelFor, eventNames, operationNames, type EventName, type HearthBridge } from '../contract';

type Invoke = (channel: string, payload: unknown) => Promise<unknown>;
type Subscribe = (listener: (name: unknown, payload: unknown) => void) => () => void;

export function buildBridge(invoke: Invoke, subscribe: Subscribe): HearthBridge {
  const api: Record<string, unknown> = {};
  for (const name of operationNames) {
    const channel = channelFor(name);
    api[name] = (input: unknown) => invoke(channel, input === undefined ? {} : input);
  }
  api.on = (name: EventName, listener: (payload: unknown) => void) => {
    if (!eventNames.includes(name)) throw new Error('Unknown event');
    return subscribe((eventName, payload) => {
      if (eventName === name) listener(payload);
    });
  };
  return Object.freeze(api) as unknown as HearthBridge;
}
