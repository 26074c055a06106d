// Which runtime the e2e suite can use here: the real Electron app when its binary exists,
// otherwise the built renderer in Chromium with the real router behind a Playwright binding.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

export type RuntimeKind = 'electron' | 'chromium-harness';

export interface RuntimeChoice {
  kind: RuntimeKind;
  executable: string;
}

const require = createRequire(import.meta.url);

function electronBinary(): string | null {
  if (process.env.HEARTH_E2E_RUNTIME === 'chromium') return null;
  // Never `require('electron')` here: it starts a download when the binary is missing.
  try {
    const root = dirname(require.resolve('electron/package.json'));
    const pathFile = join(root, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const binary = join(root, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

function chromiumBinary(): string | null {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  return candidates.find((c) => existsSync(c)) ?? null;
}

export function chooseRuntime(): RuntimeChoice {
  const electron = electronBinary();
  if (electron) return { kind: 'electron', executable: electron };
  const chromium = chromiumBinary();
  if (chromium) return { kind: 'chromium-harness', executable: chromium };
  throw new Error(
    [
      'No runtime for the end-to-end tests.',
      'Either install Electron with its binary (run `npm install` with internet access, without ELECTRON_SKIP_BINARY_DOWNLOAD),',
      'or install Chromium (Debian: `apt-get install -y chromium`) or point CHROME_PATH at a Chromium/Chrome executable.',
    ].join('\n'),
  );
}
