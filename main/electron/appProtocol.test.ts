import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveAppFile, serveAppFile } from './appProtocol';

let root: string;
beforeAll(async () => {
  const base = await mkdtemp(join(tmpdir(), 'hearth-proto-'));
  root = join(base, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Hearth</title>');
  await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(base, 'secret.txt'), 'outside');
});
afterAll(async () => rm(join(root, '..'), { recursive: true, force: true }));

describe('resolveAppFile', () => {
  it('maps app:// URLs inside the root', () => {
    expect(resolveAppFile(root, 'app://hearth/index.html')).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://hearth/')).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://hearth/assets/app.js?v=1')).toBe(join(root, 'assets', 'app.js'));
  });

  it.each(['app://hearth/../secret.txt', 'app://hearth/%2e%2e/secret.txt', 'app://hearth/assets/%2e%2e/%2e%2e/secret.txt'])(
    'never resolves %s outside the root',
    (url) => {
      const file = resolveAppFile(root, url);
      expect(file === null || file.startsWith(root + '/')).toBe(true);
      expect(file).not.toBe(join(root, '..', 'secret.txt'));
    },
  );

  it.each([
    'app://hearth/..%2fsecret.txt',
    'app://hearth/..%5csecret.txt',
    'app://hearth/%00index.html',
    'app://hearth/%E0%A4%A',
    'app://other/index.html',
    'file:///etc/passwd',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppFile(root, url)).toBeNull();
  });
});

describe('serveAppFile', () => {
  it('serves files with the CSP header and the right type', async () => {
    const res = await serveAppFile(root, 'app://hearth/index.html');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it('answers 404 for traversal and missing files without reading outside the root', async () => {
    expect((await serveAppFile(root, 'app://hearth/%2e%2e/secret.txt')).status).toBe(404);
    expect((await serveAppFile(root, 'app://hearth/missing.js')).status).toBe(404);
  });
});
