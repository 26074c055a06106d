// What services may ask of the window that shows the renderer. Electron implements it in
// main/electron; the e2e harness implements it with a Playwright page.
import type { EventName, EventPayload } from '../../contract';

export interface RendererShell {
  emit<N extends EventName>(name: N, payload: EventPayload<N>): void;
  /** Reloads the renderer so that no record stays in the page's memory after a lock. */
  reloadRenderer(): void;
}

/** Power and session events the lock service listens to. */
export type PowerEvent = 'suspend' | 'lock-screen';
export interface PowerSource {
  onPowerEvent(listener: (event: PowerEvent) => void): () => void;
  /** Seconds since the last user input anywhere on the system, where the platform knows. */
  systemIdleSeconds?(): number;
}
