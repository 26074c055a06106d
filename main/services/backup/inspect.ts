// Owns looking at a file without its passphrase: is it a Hearth backup, which format version, and
// is its header intact. Says nothing about what the backup holds.
import { open } from 'node:fs/promises';
import { BackupError } from './errors';
import type { FORMAT_VERSION} from './format';
import { FIXED_PREFIX_BYTES, checkPreamble, parseHeader } from './format';

export interface HeaderInfo {
  formatVersion: number;
  /** This version of Hearth can read it (a newer format is reported as TOO_NEW instead). */
  supported: true;
  /** Size of the file in bytes. */
  bytes: number;
}

/** Throws BackupError NOT_A_BACKUP, TOO_NEW, DAMAGED or READ_FAILED. */
export async function inspectHeader(path: string): Promise<HeaderInfo> {
  let fh;
  try {
    fh = await open(path, 'r');
  } catch (err) {
    throw new BackupError('READ_FAILED', undefined, { cause: err });
  }
  try {
    const st = await fh.stat();
    if (!st.isFile()) throw new BackupError('NOT_A_BACKUP');
    const prefix = Buffer.alloc(Math.min(st.size, FIXED_PREFIX_BYTES));
    await fh.read(prefix, 0, prefix.length, 0);
    const { formatVersion, headerLength } = checkPreamble(prefix);
    if (st.size < headerLength) throw new BackupError('DAMAGED');
    const header = Buffer.alloc(headerLength);
    await fh.read(header, 0, headerLength, 0);
    parseHeader(header);
    return { formatVersion: formatVersion as typeof FORMAT_VERSION, supported: true, bytes: st.size };
  } finally {
    await fh.close();
  }
}
