// What a runtime gives each test: the app's page and a few levers that only tests pull.
import type { Page } from '@playwright/test';
import type { RuntimeKind } from './detect';

export interface AppHandle {
  readonly runtime: RuntimeKind;
  readonly page: Page;
  readonly dataDir: string;
  /** Fires a system power event (suspend, screen lock) at the app's lock service. */
  emitPowerEvent(event: 'suspend' | 'lock-screen'): Promise<void>;
  /**
   * Sends a request by operation name from the page, bypassing window.hearth's typed functions,
   * to prove the router refuses what the bridge would never send.
   */
  rawInvoke(name: string, payload: unknown): Promise<unknown>;
  /** Answers the next native file dialog (save or open) with this path; null answers "Cancel". */
  setNextFileChoice(path: string | null): Promise<void>;
  close(): Promise<void>;
}
