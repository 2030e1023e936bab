// Re-wraps services' data keys under the current master key: step 2 of rotating ONEGO_MASTER_KEYS
// (see services/identity/tools/vault.ts for all the steps). Sealed values are not touched.
//
//   DATABASE_URL=… ONEGO_MASTER_KEYS=<new>,<old> node packages/vault/tools/rewrap.ts --all
//   DATABASE_URL=… ONEGO_MASTER_KEYS=<new>,<old> node packages/vault/tools/rewrap.ts --schema applications [--schema …]
//
// --all re-wraps every schema that has a vault (a data_keys table). Exits 64 on bad usage, 78 on
// bad configuration, 1 when a data key is wrapped by a master key not in ONEGO_MASTER_KEYS.
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { masterKeysFromEnvironment } from '../src/master-keys.ts';
import { rewrapDataKeys } from '../src/vault.ts';

const USAGE = 'usage: node packages/vault/tools/rewrap.ts --all | --schema <schema> [--schema <schema> ...]';

function fail(code: number, message: string): never {
  console.error(message);
  process.exit(code);
}

let values: { all?: boolean; schema?: string[] };
try {
  ({ values } = parseArgs({
    options: { all: { type: 'boolean' }, schema: { type: 'string', multiple: true } },
  }));
} catch (error) {
  fail(64, `${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
}
if (Boolean(values.all) === Boolean(values.schema?.length)) fail(64, USAGE);

let masterKeys: ReturnType<typeof masterKeysFromEnvironment>;
try {
  masterKeys = masterKeysFromEnvironment();
} catch (error) {
  fail(78, error instanceof Error ? error.message : String(error));
}
const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/onego';
if (!/^postgres(ql)?:\/\//.test(url)) fail(78, 'DATABASE_URL: must be a postgres:// connection URL');

const sql = postgres(url, { max: 1, onnotice: () => {}, connection: { application_name: 'vault-rewrap' } });
try {
  const schemas =
    values.schema ??
    (
      await sql<{ schema: string }[]>`select table_schema as schema from information_schema.tables
        where table_name = 'data_keys' order by table_schema`
    ).map((r) => r.schema);
  if (schemas.length === 0) console.log('no schema has a vault (data_keys table); nothing to do');
  for (const schema of schemas) {
    const rewrapped = await rewrapDataKeys({ sql, schema, masterKeys });
    console.log(`${schema}: ${rewrapped} data key(s) re-wrapped under master key ${masterKeys.current.id}`);
  }
} catch (error) {
  // A data key wrapped by a master key not configured, a schema without a vault, no database.
  process.exitCode = 1;
  console.error(error instanceof Error ? error.message : String(error));
} finally {
  await sql.end({ timeout: 5 });
}
