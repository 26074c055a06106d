// Checks once that a runtime exists (failing loudly, never skipping) and says which one is used.
import { existsSync } from 'node:fs';
import { chooseRuntime } from './runtime/detect';

export default function globalSetup(): void {
  const runtime = chooseRuntime();
  if (!existsSync('out/renderer/index.html')) {
    throw new Error('The app is not built. Run `npm run build` (or `npm run test:e2e`, which builds first).');
  }
  console.log(`[hearth e2e] runtime: ${runtime.kind} (${runtime.executable})`);
}
