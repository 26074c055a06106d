// `vault info`: what a helper needs to know about a vault without seeing any record: formats,
// schema version, key-derivation settings and how many rows each table holds.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { DB_FILE, isVaultLocked, SQLCIPHER_SETTINGS } from '../../../db/vault';
import { LATEST_SCHEMA_VERSION } from '../../../db/migrations';
import { DIR_OPTION, parseOptions, vaultDir, withVault, type Command } from '../command';
import { EXIT_OK, formatBytes, formatDateTime, formatKiB, line } from '../io';
import { SECRET_OPTIONS } from '../secrets';

export const infoCommand: Command = {
  name: 'info',
  summary: 'Show the vault’s format, schema version, key settings and record counts (no personal data).',
  usage: '--dir DIR [--passphrase-file FILE | --recovery-key-file FILE] [--json]',
  async run(io, args) {
    const values = parseOptions(this, args, { ...DIR_OPTION, ...SECRET_OPTIONS, json: { type: 'boolean' } });
    const dir = vaultDir(io, values.dir);
    const info = await withVault(io, dir, values, 'read', (vault) => {
      const tables = (vault.db.pragma('table_list') as { schema: string; name: string; type: string }[])
        .filter((t) => t.schema === 'main' && (t.type === 'table' || t.type === 'virtual') && !t.name.startsWith('sqlite_'))
        .map((t) => t.name)
        .sort();
      const counts = Object.fromEntries(
        tables.map((name) => [name, vault.db.prepare(`SELECT count(*) FROM "${name.replace(/"/g, '""')}"`).pluck().get() as number]),
      );
      return {
        dir,
        envelope: vault.envelopeInfo,
        database: {
          file: DB_FILE,
          bytes: statSync(join(dir, DB_FILE)).size,
          ...SQLCIPHER_SETTINGS,
          journalMode: vault.db.pragma('journal_mode', { simple: true }) as string,
        },
        schemaVersion: vault.schemaVersion,
        latestSchemaVersion: LATEST_SCHEMA_VERSION,
        openInApp: isVaultLocked(dir),
        records: counts,
      };
    });

    if (values.json) {
      line(io.stdout, JSON.stringify(info, null, 2));
      return EXIT_OK;
    }
    const { envelope: env, database: db } = info;
    const rows: [string, string][] = [
      ['Folder', info.dir],
      ['Key file', `vault.key.json, format version ${env.version}`],
      ['Vault ID', env.vaultId],
      ['Created', formatDateTime(env.createdAt)],
      ['Key file changed', formatDateTime(env.updatedAt)],
      ['Passphrase KDF', `Argon2id v19, ${formatKiB(env.kdf.memoryKiB)}, ${env.kdf.iterations} passes, ${env.kdf.parallelism} lanes`],
      ['Recovery key KDF', 'HKDF-SHA256 (160-bit recovery key)'],
      ['Key wrapping', 'AES-256-GCM'],
      ['Database', `${db.file}, ${formatBytes(db.bytes)}, SQLCipher 4 (cipher=sqlcipher, legacy=4)`],
      ['Encryption', `${db.cipherAlgorithm}, ${db.hmacAlgorithm}, ${db.pageSize}-byte pages, ${db.keyForm}`],
      ['Journal', db.journalMode.toUpperCase()],
      ['Schema version', `${info.schemaVersion} (this version of Hearth knows up to ${info.latestSchemaVersion})`],
      ['Open in Hearth', info.openInApp ? 'yes' : 'no'],
    ];
    const width = Math.max(...rows.map(([k]) => k.length));
    for (const [k, v] of rows) line(io.stdout, `${`${k}:`.padEnd(width + 2)}${v}`);
    line(io.stdout, 'Records:');
    const nameWidth = Math.max(0, ...Object.keys(info.records).map((n) => n.length));
    for (const [name, count] of Object.entries(info.records)) line(io.stdout, `  ${name.padEnd(nameWidth)}  ${count}`);
    return EXIT_OK;
  },
};
