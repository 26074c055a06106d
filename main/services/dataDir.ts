// Where the vault lives: HEARTH_DATA_DIR when set (tests, portable installs), otherwise the
// platform's per-user application data folder. Every part of the app asks this one function.
import { resolve } from 'node:path';

export function resolveDataDir(env: NodeJS.ProcessEnv, platformDefault: string): string {
  const fromEnv = env.HEARTH_DATA_DIR?.trim();
  return resolve(fromEnv ? fromEnv : platformDefault);
}
