// Auto-lock: locks the vault after the configured idle time, on system suspend and on screen
// lock. Before locking it asks the renderer to save open drafts and waits (briefly) for the
// answer, so that nothing typed is lost to a lock. Clock and power events are injected.
import { randomUUID } from 'node:crypto';
import type { Clock } from './clock';
import { log } from './log';
import type { PowerSource, RendererShell } from './shell';

export type LockReason = 'idle' | 'suspend' | 'screen-lock' | 'shortcut';

export interface LockServiceDeps {
  clock: Clock;
  power: PowerSource;
  shell: RendererShell;
  isUnlocked(): boolean;
  lock(): void;
  /** How long the renderer gets to save drafts before the lock goes ahead regardless. */
  flushTimeoutMs?: number;
  /** How often idle time is checked. */
  tickMs?: number;
}

export class LockService {
  private idleLimitMs = 5 * 60 * 1000;
  private lastActivity: number;
  private timer: unknown = null;
  private unsubscribe: (() => void) | null = null;
  private pending: { id: string; resolve: () => void } | null = null;
  private locking: Promise<void> | null = null;

  constructor(private readonly deps: LockServiceDeps) {
    this.lastActivity = deps.clock.now();
  }

  start(): void {
    this.unsubscribe = this.deps.power.onPowerEvent((event) => {
      void this.requestLock(event === 'suspend' ? 'suspend' : 'screen-lock');
    });
    this.timer = this.deps.clock.setInterval(() => this.checkIdle(), this.deps.tickMs ?? 5000);
  }

  stop(): void {
    this.unsubscribe?.();
    if (this.timer !== null) this.deps.clock.clearInterval(this.timer);
    this.timer = null;
  }

  setIdleMinutes(minutes: number): void {
    this.idleLimitMs = minutes * 60 * 1000;
  }

  /** Any request from the renderer counts as activity. */
  touch(): void {
    this.lastActivity = this.deps.clock.now();
  }

  idleMs(): number {
    const appIdle = this.deps.clock.now() - this.lastActivity;
    const systemIdle = this.deps.power.systemIdleSeconds?.();
    return systemIdle === undefined ? appIdle : Math.min(appIdle, systemIdle * 1000);
  }

  checkIdle(): void {
    if (this.deps.isUnlocked() && this.idleMs() >= this.idleLimitMs) void this.requestLock('idle');
  }

  /** The renderer's answer to lockRequested. */
  confirmReady(requestId: string): void {
    if (this.pending?.id === requestId) this.pending.resolve();
  }

  /** Asks the renderer to save drafts, then locks and reloads it. Concurrent calls share one lock. */
  requestLock(reason: LockReason): Promise<void> {
    if (!this.deps.isUnlocked()) return Promise.resolve();
    this.locking ??= this.runLock(reason).finally(() => {
      this.locking = null;
    });
    return this.locking;
  }

  private async runLock(reason: LockReason): Promise<void> {
    const id = randomUUID();
    await new Promise<void>((resolve) => {
      const timeout = this.deps.clock.setTimeout(() => finish(), this.deps.flushTimeoutMs ?? 4000);
      const finish = () => {
        this.deps.clock.clearTimeout(timeout);
        this.pending = null;
        resolve();
      };
      this.pending = { id, resolve: finish };
      this.deps.shell.emit('lockRequested', { requestId: id, reason });
    });
    this.deps.lock();
    log.info('vault.auto-locked', { reason });
    this.deps.shell.reloadRenderer();
    this.lastActivity = this.deps.clock.now();
  }
}
