// Rotating the keys that sign access tokens, without downtime:
//
//   node services/identity/tools/signing-keys.ts rotate
//       The next key is published in the JWKS now and signs from 5 minutes on (every verifier
//       and cache has it by then); the current key signs until then, and stays published until
//       the last token it signed has expired.
//   node services/identity/tools/signing-keys.ts rotate --immediately
//       The new key signs at once (the old one is suspected compromised). Tokens the old key
//       signed are still accepted until they expire: revoke their sessions too.
//   node services/identity/tools/signing-keys.ts list
//
// Every replica reads its signing key from the database per token, so no restart is needed.
import { parseArgs } from 'node:util';
import { desc } from 'drizzle-orm';
import { signingKeys } from '../src/db/schema.ts';
import { createKeyStore } from '../src/keys.ts';
import { EXIT, fail, openIdentityDatabase, openIdentityVault } from './cli.ts';

const USAGE = 'usage: node services/identity/tools/signing-keys.ts rotate [--immediately] | list';

const [command, ...rest] = process.argv.slice(2);
if (command !== 'rotate' && command !== 'list') fail(EXIT.usage, USAGE);
const { values } = parseArgs({ args: rest, options: { immediately: { type: 'boolean', default: false } } });
const database = await openIdentityDatabase();
try {
  const keys = createKeyStore(database.db, await openIdentityVault(database), {
    accessTokenTtlSeconds: database.config.ACCESS_TOKEN_TTL_SECONDS,
    clock: () => new Date(),
  });
  if (command === 'rotate') {
    await keys.ensureActiveKey();
    const { kid, signsFrom } = await keys.rotate({ immediately: values.immediately });
    console.log(`new signing key ${kid}: published now, signs from ${signsFrom.toISOString()}`);
  } else {
    const published = new Set((await keys.publishedKeys()).map((k) => k.kid));
    const rows = await database.db.select().from(signingKeys).orderBy(desc(signingKeys.signsFrom));
    for (const row of rows) {
      const until = row.retiredAt ? ` until ${row.retiredAt.toISOString()}` : '';
      console.log(
        `${row.kid}  signs from ${row.signsFrom.toISOString()}${until}  ${published.has(row.kid) ? 'published' : 'withdrawn'}`,
      );
    }
  }
} finally {
  await database.close();
}
