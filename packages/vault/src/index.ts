// @onego/vault: personal data encrypted at rest at the application level (AES-256-GCM, data
// keys wrapped by a master key from configuration, associated data binding each value to its
// table, column and row), and keyed hashes for looking sealed values up.
export {
  DEVELOPMENT_MASTER_KEYS,
  type MasterKey,
  type MasterKeyRing,
  masterKeysFromEnvironment,
  parseMasterKeys,
} from './master-keys.ts';
export { vaultTables } from './tables.ts';
export { openVault, rewrapDataKeys, type Vault } from './vault.ts';
