// The packaged build's Electron fuses, read from the real electron-builder.yml.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const yml = readFileSync('electron-builder.yml', 'utf8');
const fuse = (name: string) => new RegExp(`^\\s+${name}:\\s*(true|false)\\s*$`, 'm').exec(yml)?.[1];

describe('electron-builder fuses', () => {
  it.each([
    ['runAsNode', 'false'],
    ['enableNodeOptionsEnvironmentVariable', 'false'],
    ['enableNodeCliInspectArguments', 'false'],
    ['enableCookieEncryption', 'true'],
    ['onlyLoadAppFromAsar', 'true'],
    ['enableEmbeddedAsarIntegrityValidation', 'true'],
    ['grantFileProtocolExtraPrivileges', 'false'],
  ])('%s is %s', (name, value) => {
    expect(yml).toMatch(/^electronFuses:/m);
    expect(fuse(name)).toBe(value);
  });
});
