// Owns the integration-test harness: real services, the real router and handlers, and a real
// encrypted vault in a temporary folder, created through the router as the app does. Tests call
// operations by name with typed payloads, exactly as the renderer would.
import { rmSync } from 'node:fs';
import type { Contract, HearthErrorPayload, InputOf, OperationName, OutputOf, Result } from '../../contract';
import { makeTempDir, TEST_KDF, TEST_PASSPHRASE } from '../../db/testing';
import { handlers } from '../../main/handlers';
import { createRouter, type Router } from '../../main/router/router';
import { systemClock, type Clock } from '../../main/services/clock';
import type { FileDialogs } from '../../main/services/dialogs';
import { createServices, shutdownServices, type Services } from '../../main/services/services';

export const PRACTITIONER = 'Alex Morgan';

export interface Harness {
  readonly services: Services;
  readonly router: Router;
  readonly dir: string;
  readonly clock: Clock;
  /** Dispatches with a typed payload; the Result comes back as the renderer would see it. */
  call<N extends OperationName>(name: N, input: InputOf<Contract[N]>): Promise<Result<OutputOf<Contract[N]>>>;
  /** Dispatches anything at all (for bad-input and property tests). */
  raw(name: string, payload: unknown): Promise<Result<unknown>>;
  /** Dispatches and returns the value, failing the test with the error if it was refused. */
  ok<N extends OperationName>(name: N, input: InputOf<Contract[N]>): Promise<OutputOf<Contract[N]>>;
  /** Dispatches and returns the error, failing the test if it succeeded. */
  err<N extends OperationName>(name: N, input: unknown): Promise<HearthErrorPayload>;
  close(): void;
}

/** A clock that stands still until moved; timers never fire (the lock service is not started). */
export function manualClock(startIso: string): Clock & { set(iso: string): void; advance(ms: number): void } {
  let now = Date.parse(startIso);
  return {
    now: () => now,
    set: (iso) => {
      now = Date.parse(iso);
    },
    advance: (ms) => {
      now += ms;
    },
    setInterval: () => null,
    clearInterval: () => undefined,
    setTimeout: () => null,
    clearTimeout: () => undefined,
  };
}

/** A fresh vault in a temporary folder, created and unlocked through the router. */
export interface HarnessOptions {
  clock?: Clock;
  practitionerName?: string;
  dir?: string;
  /** Answers for the native file dialogs (default: the practitioner cancels). */
  dialogs?: FileDialogs;
  autoSnapshots?: boolean;
}

export async function openHarness(opts: HarnessOptions = {}): Promise<Harness> {
  const dir = opts.dir ?? makeTempDir('hearth-records-');
  const clock = opts.clock ?? systemClock;
  const services = createServices({
    config: { dataDir: dir, appName: 'Hearth', appVersion: '0.0.0-test', runtime: 'harness', platform: process.platform },
    clock,
    shell: { emit() {}, reloadRenderer() {} },
    power: { onPowerEvent: () => () => {} },
    dialogs: opts.dialogs ?? { chooseSaveFile: async () => null, chooseOpenFile: async () => null },
    autoSnapshots: opts.autoSnapshots ?? false,
    kdf: TEST_KDF,
  });
  const router = createRouter(handlers, services);
  const raw = (name: string, payload: unknown) => router.dispatch(name, payload, { trusted: true });
  const created = await raw('createVault', { practitionerName: opts.practitionerName ?? PRACTITIONER, passphrase: TEST_PASSPHRASE });
  if (!created.ok) throw new Error(`Could not create the test vault: ${created.error.code}`);

  const call = raw as Harness['call'];
  return {
    services,
    router,
    dir,
    clock,
    call,
    raw,
    async ok(name, input) {
      const result = await call(name, input);
      if (!result.ok) throw new Error(`${name} was refused: ${result.error.code} ${result.error.message} ${JSON.stringify(result.error.fields ?? {})}`);
      return result.value;
    },
    async err(name, input) {
      const result = await raw(name, input);
      if (result.ok) throw new Error(`${name} succeeded but was expected to fail`);
      return result.error;
    },
    close() {
      shutdownServices(services);
      if (!opts.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A fingerprint of every row of every table (FTS shadow tables included), to prove that a refused
 * request changed nothing. Meant for the small vaults tests build.
 */
export function vaultFingerprint(h: Harness): string {
  const db = h.services.vault.db();
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  return tables.map((t) => `${t}:${JSON.stringify(db.prepare(`SELECT * FROM "${t}" ORDER BY 1`).raw().all(), bufferSafe)}`).join('\n');
}

const bufferSafe = (_key: string, value: unknown): unknown =>
  value && typeof value === 'object' && (value as { type?: unknown }).type === 'Buffer' ? `buf:${JSON.stringify((value as { data: unknown }).data)}` : typeof value === 'bigint' ? String(value) : value;
