// The vault's public face: everything main/ and the CLI may use. Nothing here imports electron.
export { Vault, createVault, openVault, vaultExists, assertPassphraseAcceptable, MIN_PASSPHRASE_LENGTH, type VaultSecret } from './vault';
export { VaultError, isVaultError, type VaultErrorCode } from './errors';
export { calibrateKdf, KDF_MIN_ITERATIONS, KDF_MIN_MEMORY_KIB, type KdfParams } from './kdf';
export { formatRecoveryKey, parseRecoveryKey } from './recoveryKey';
export { acquireVaultLock, isVaultLocked, LOCK_FILE, type VaultLock } from './lock';
export { DB_FILE, SQLCIPHER_SETTINGS, type VaultDatabase } from './sqlcipher';
export { ENVELOPE_FILE } from './envelope';
