// Owns the read-only descriptor through which backups read vault.db's encrypted bytes.
//
// Why it is opened once and never closed: on Linux and macOS, closing *any* descriptor of a file
// releases every POSIX lock this process holds on that file, including the locks SQLite's own
// connections hold (https://sqlite.org/howtocorrupt.html, section 2.2). Another process could
// then believe it is the vault's last user and delete the write-ahead log under the app's feet.
// So there is one descriptor per vault.db inode for the life of the process, opened on the main
// thread (worker threads share it; reads are positional). One is closed only once its file has
// been deleted, when no other process can reach it any more. Windows locks per handle, not per
// process, and an open handle would keep a deleted safety copy's folder from going away, so there
// each job opens its own handle and closes it afterwards.
import { closeSync, fstatSync, openSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

interface Entry {
  fd: number;
  dev: number;
  ino: number;
}

const byPath = new Map<string, Entry>();
const retired: Entry[] = [];

function sweepDeleted(): void {
  for (let i = retired.length - 1; i >= 0; i--) {
    const entry = retired[i]!;
    try {
      if (fstatSync(entry.fd).nlink === 0) {
        closeSync(entry.fd);
        retired.splice(i, 1);
      }
    } catch {
      retired.splice(i, 1);
    }
  }
}

export interface RawVaultFile {
  fd: number;
  /** Call when the job is over: closes the descriptor where that is safe (Windows), else keeps it. */
  release(): void;
}

/** A read-only descriptor for the file now at `dbPath`. Close it only through `release`. */
export function openRawVaultFile(dbPath: string): RawVaultFile {
  if (process.platform === 'win32') {
    const fd = openSync(dbPath, 'r');
    let open = true;
    return {
      fd,
      release() {
        if (open) closeSync(fd);
        open = false;
      },
    };
  }
  return { fd: rawVaultFd(dbPath), release: () => undefined };
}

/** The process's long-lived descriptor for the file now at `dbPath` (POSIX). Never close it. */
export function rawVaultFd(dbPath: string): number {
  const path = resolve(dbPath);
  const now = statSync(path);
  const known = byPath.get(path);
  if (known && known.dev === now.dev && known.ino === now.ino) return known.fd;
  if (known) retired.push(known);
  sweepDeleted();
  const fd = openSync(path, 'r');
  const st = fstatSync(fd);
  byPath.set(path, { fd, dev: st.dev, ino: st.ino });
  return fd;
}
