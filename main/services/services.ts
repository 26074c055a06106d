// The main process's services, built once per process (Electron) or per test (harness). Handlers
// reach everything through this object; nothing here imports electron.
import type { KdfParams } from '../../db/vault';
import type { Clock } from './clock';
import { LockService } from './lockService';
import type { PowerSource, RendererShell } from './shell';
import { VaultSession } from './vaultSession';

export interface AppConfig {
  readonly dataDir: string;
  readonly appName: string;
  readonly appVersion: string;
  readonly runtime: 'electron' | 'harness';
  readonly platform: string;
}

export interface Services {
  readonly config: AppConfig;
  readonly vault: VaultSession;
  readonly lock: LockService;
  readonly activity: { touch(): void };
  readonly clock: Clock;
}

export interface ServiceDeps {
  config: AppConfig;
  clock: Clock;
  shell: RendererShell;
  power: PowerSource;
  /** Tests only: weaker KDF parameters, passed explicitly. The shipped app never sets this. */
  kdf?: KdfParams;
  /** Tests only: shorter wait for the renderer to save drafts before a lock. */
  lockFlushTimeoutMs?: number;
}

export function createServices(deps: ServiceDeps): Services {
  const vault = new VaultSession({ dataDir: deps.config.dataDir, clock: deps.clock, ...(deps.kdf ? { kdf: deps.kdf } : {}) });
  const lock = new LockService({
    clock: deps.clock,
    power: deps.power,
    shell: deps.shell,
    isUnlocked: () => vault.isUnlocked(),
    lock: () => vault.lock(),
    ...(deps.lockFlushTimeoutMs !== undefined ? { flushTimeoutMs: deps.lockFlushTimeoutMs } : {}),
  });
  return { config: deps.config, vault, lock, activity: lock, clock: deps.clock };
}

/** Closes the vault and stops timers; called on quit and at the end of each test. */
export function shutdownServices(services: Services): void {
  services.lock.stop();
  services.vault.lock();
}
