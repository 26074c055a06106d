import { describe, expect, it } from 'vitest';
import { isValidPartName } from './archive';

describe('part names', () => {
  it('accepts the fixed parts and attachments', () => {
    for (const name of ['vault.db', 'vault.key.json', 'manifest.json', 'attachments/ab12', 'attachments/2026/scan-1.pdf.enc']) {
      expect(isValidPartName(name), name).toBe(true);
    }
  });

  it('refuses anything that could escape the restore folder or that this version does not know', () => {
    for (const name of [
      '',
      '../vault.db',
      '/etc/passwd',
      'attachments/../vault.db',
      'attachments/./x',
      'attachments/.hidden',
      'attachments/',
      'attachments//x',
      'attachments\\x',
      'C:\\x',
      'settings.json',
      'vault.db/x',
      'attachments/a b',
      `attachments/${'a'.repeat(129)}`,
    ]) {
      expect(isValidPartName(name), name).toBe(false);
    }
  });
});
