import { createSecretKey, type KeyObject, randomBytes } from 'node:crypto';
import type postgres from 'postgres';
import { KEY_BYTES, keyedHash, open, seal } from './cipher.ts';
import type { MasterKeyRing } from './master-keys.ts';

// Application-level encryption of personal data (ID numbers, phones, forms, department
// payloads). A value is sealed under the service's current data key with associated data naming
// its place ("applications.items.outputs:<row id>"); the stored form says which data key, so
// keys can be added without re-encrypting. Master-key rotation re-wraps the data keys only.

export interface Vault {
  seal(plaintext: string, aad: string): string;
  open(sealed: string, aad: string): string;
  sealJson(value: unknown, aad: string): string;
  openJson<T>(sealed: string, aad: string): T;
  /** A keyed hash for finding (or keeping unique) a value that is stored sealed. */
  lookup(purpose: string, value: string): string;
}

const PREFIX = 'v1';
const wrapAad = (schema: string, id: string) => `onego.data-key:${schema}:${id}`;

interface Row {
  id: string;
  purpose: 'data' | 'lookup';
  wrapped: Buffer;
  master_key_id: string;
}

async function loadKeys(sql: postgres.Sql, schema: string) {
  return sql<
    Row[]
  >`select id, purpose, wrapped, master_key_id from ${sql(schema)}.data_keys order by created_at`;
}

/** Creates the service's first data key and its lookup key, once, even with replicas starting together. */
async function ensureKeys(sql: postgres.Sql, schema: string, masters: MasterKeyRing) {
  await sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(hashtext(${`onego.vault.${schema}`}))`;
    const existing = await tx<{ purpose: string }[]>`select purpose from ${tx(schema)}.data_keys`;
    for (const purpose of ['data', 'lookup'] as const) {
      if (existing.some((r) => r.purpose === purpose)) continue;
      const id = `${purpose === 'data' ? 'dk' : 'lk'}-${randomBytes(6).toString('hex')}`;
      const wrapped = seal(masters.current.key, randomBytes(KEY_BYTES), wrapAad(schema, id));
      await tx`insert into ${tx(schema)}.data_keys (id, purpose, wrapped, master_key_id)
               values (${id}, ${purpose}, ${wrapped}, ${masters.current.id})`;
    }
  });
}

function unwrap(row: Row, schema: string, masters: MasterKeyRing) {
  const master = masters.byId(row.master_key_id);
  if (!master)
    throw new Error(
      `data key ${row.id} is wrapped by master key ${row.master_key_id}, which is not configured`,
    );
  return open(master.key, row.wrapped, wrapAad(schema, row.id));
}

export async function openVault(options: {
  sql: postgres.Sql;
  schema: string;
  masterKeys: MasterKeyRing;
}): Promise<Vault> {
  const { sql, schema, masterKeys } = options;
  await ensureKeys(sql, schema, masterKeys);
  const rows = await loadKeys(sql, schema);
  // Held as KeyObjects: a raw key would be set up again for every value sealed or opened.
  const keys = new Map(rows.map((r) => [r.id, createSecretKey(unwrap(r, schema, masterKeys))]));
  const dataRows = rows.filter((r) => r.purpose === 'data');
  const current = dataRows[dataRows.length - 1];
  const lookupRow = rows.find((r) => r.purpose === 'lookup');
  if (!current || !lookupRow) throw new Error(`vault of ${schema} has no keys`);
  const currentKey = keys.get(current.id) as KeyObject;
  const lookupKey = keys.get(lookupRow.id) as KeyObject;

  const vault: Vault = {
    seal: (plaintext, aad) =>
      `${PREFIX}.${current.id}.${seal(currentKey, Buffer.from(plaintext), aad).toString('base64url')}`,
    open(sealed, aad) {
      const [prefix, keyId, body] = sealed.split('.');
      const key = keyId ? keys.get(keyId) : undefined;
      if (prefix !== PREFIX || !key || !body) throw new Error(`not a sealed value of ${schema}`);
      return open(key, Buffer.from(body, 'base64url'), aad).toString();
    },
    sealJson: (value, aad) => vault.seal(JSON.stringify(value), aad),
    openJson: <T>(sealed: string, aad: string) => JSON.parse(vault.open(sealed, aad)) as T,
    lookup: (purpose, value) => keyedHash(lookupKey, purpose, value),
  };
  return vault;
}

/**
 * After a new master key is put first in the configuration: re-wraps every data key of the
 * schema under it (in one transaction). Sealed values are untouched and keep opening.
 */
export async function rewrapDataKeys(options: {
  sql: postgres.Sql;
  schema: string;
  masterKeys: MasterKeyRing;
}) {
  const { sql, schema, masterKeys } = options;
  return sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(hashtext(${`onego.vault.${schema}`}))`;
    const rows = await tx<
      Row[]
    >`select id, purpose, wrapped, master_key_id from ${tx(schema)}.data_keys for update`;
    let rewrapped = 0;
    for (const row of rows) {
      if (row.master_key_id === masterKeys.current.id) continue;
      const key = unwrap(row, schema, masterKeys);
      const wrapped = seal(masterKeys.current.key, key, wrapAad(schema, row.id));
      await tx`update ${tx(schema)}.data_keys set wrapped = ${wrapped}, master_key_id = ${masterKeys.current.id} where id = ${row.id}`;
      rewrapped += 1;
    }
    return rewrapped;
  });
}
