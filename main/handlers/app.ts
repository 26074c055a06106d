// Handlers: application-level operations.
import type { appOperations } from '../../contract';
import type { HandlerMap } from '../router/types';

export const appHandlers: HandlerMap<typeof appOperations> = {
  getAppInfo: (_input, { services }) => ({
    name: services.config.appName,
    version: services.config.appVersion,
    runtime: services.config.runtime,
    platform: services.config.platform,
  }),
  ping: ({ text }, { services }) => ({ text, receivedAt: new Date(services.clock.now()).toISOString() }),
};
