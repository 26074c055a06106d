// The main process's services, built once per process (Electron) or per test (harness). Handlers
// reach everything through this object; nothing here imports electron.
import type { KdfParams } from '../../db/vault';
import { BackupService } from './backupService';
import type { Clock } from './clock';
import type { FileDialogs } from './dialogs';
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
  readonly backup: BackupService;
}

export interface ServiceDeps {
  config: AppConfig;
  clock: Clock;
  shell: RendererShell;
  power: PowerSource;
  dialogs: FileDialogs;
  /** Daily rolling snapshots on unlock and every hour while open (the app turns this on). */
  autoSnapshots: boolean;
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
  const backup = new BackupService({ dataDir: deps.config.dataDir, appVersion: deps.config.appVersion, clock: deps.clock, dialogs: deps.dialogs, shell: deps.shell, vault, autoSnapshots: deps.autoSnapshots });
  return { config: deps.config, vault, lock, activity: lock, clock: deps.clock, backup };
}

/** Starts the timers: idle checks and daily snapshots. */
export function startServices(services: Services): void {
  services.lock.start();
  services.backup.startSnapshots();
}

/** Closes the vault and stops timers; called on quit and at the end of each test. */
export function shutdownServices(services: Services): void {
  services.lock.stop();
  services.backup.stop();
  services.vault.lock();
}
