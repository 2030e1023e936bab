// The identity service's vault: the data keys that seal ID numbers, phones and private signing
// keys are wrapped by a master key from ONEGO_MASTER_KEYS (`<id>:<base64 32 bytes>`, comma
// separated, the current one first), which never touches the database.
//
//   node services/identity/tools/vault.ts rewrap
//       Wraps every data key of the identity schema under the first (current) master key.
//   node services/identity/tools/vault.ts status
//       Which master key wraps each data key.
//
// Rotating the master key, with no downtime and nothing re-encrypted (the same steps for every
// service; packages/vault/tools/rewrap.ts --all re-wraps every service's schema at once):
//   1. Make a key: `printf 'mk-2027:%s' "$(openssl rand -base64 32)"`. Put it FIRST in every
//      service's ONEGO_MASTER_KEYS, the old key after it (`mk-2027:…,mk-2026:…`), and restart the
//      replicas one by one: they open data keys wrapped by either, and wrap new ones with the new.
//   2. Re-wrap: run `rewrap` here (and in every other service's schema).
//   3. Check: `status` lists every data key under the new master key.
//   4. Remove the old key from ONEGO_MASTER_KEYS and restart the replicas; then destroy it (keep
//      it only as long as database backups taken before step 2, whose data keys it still wraps).
// A replica started with only the new key before step 2 refuses to start (its data keys are
// wrapped by a master key it does not have), which is why the order matters.
import { rewrapDataKeys } from '@onego/vault';
import { asc } from 'drizzle-orm';
import { loadMasterKeys } from '../src/config.ts';
import { dataKeys } from '../src/db/schema.ts';
import { configured, EXIT, fail, openIdentityDatabase } from './cli.ts';

const USAGE = 'usage: node services/identity/tools/vault.ts rewrap | status';

const [command, ...rest] = process.argv.slice(2);
if ((command !== 'rewrap' && command !== 'status') || rest.length > 0) fail(EXIT.usage, USAGE);
const masterKeys = configured(() => loadMasterKeys());
const database = await openIdentityDatabase();
try {
  if (command === 'rewrap') {
    const rewrapped = await rewrapDataKeys({ sql: database.sql, schema: 'identity', masterKeys });
    console.log(`identity: ${rewrapped} data key(s) re-wrapped under master key ${masterKeys.current.id}`);
  } else {
    const rows = await database.db.select().from(dataKeys).orderBy(asc(dataKeys.createdAt));
    for (const row of rows) {
      const known = masterKeys.byId(row.masterKeyId) ? '' : '  (master key not configured)';
      console.log(`${row.id}  ${row.purpose}  wrapped by ${row.masterKeyId}${known}`);
    }
  }
} finally {
  await database.close();
}
