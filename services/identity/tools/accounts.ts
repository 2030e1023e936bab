// The identity admin tool for accounts nobody signs up for: staff (clerks, operators) and
// department systems (OAuth 2.0 clients). Run with the service's DATABASE_URL:
//
//   printf '%s' "$PASSWORD" | node services/identity/tools/accounts.ts create-staff \
//       --username <name> --name <full name> --role clerk|operator --region <county>
//   node services/identity/tools/accounts.ts create-client --client-id <id> --department <department>
//
// A staff password is read from stdin when piped; otherwise one is generated and printed once.
// A client secret is always generated (32 random bytes) and printed once: only its hash is kept.
// Passwords and secrets never go on the command line, where other users' `ps` would see them.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { clientAccount, createClient, createStaff, staffAccount } from '../src/accounts.ts';
import { EXIT, fail, openIdentityDatabase, problemsOf, readPipedStdin } from './cli.ts';

const USAGE = `usage:
  node services/identity/tools/accounts.ts create-staff --username <u> --name <name> --role clerk|operator --region <county>
      (password from stdin when piped, otherwise generated and printed once)
  node services/identity/tools/accounts.ts create-client --client-id <id> --department <department>
      (secret generated and printed once)`;

const generated = () => randomBytes(32).toString('base64url');

async function createStaffCommand(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      username: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      region: { type: 'string' },
    },
  });
  const piped = await readPipedStdin();
  const password = piped ?? generated();
  const parsed = staffAccount.safeParse({ ...values, password });
  if (!parsed.success) fail(EXIT.input, `cannot create the staff account:\n${problemsOf(parsed.error)}`);
  const database = await openIdentityDatabase();
  try {
    if (!(await createStaff(database.db, parsed.data, new Date()))) {
      fail(EXIT.exists, `a staff account named ${parsed.data.username} already exists; nothing changed`);
    }
  } finally {
    await database.close();
  }
  const { username, role, region } = parsed.data;
  console.log(`created ${role} ${username} (region ${region})`);
  if (!piped) console.log(`password (shown once): ${password}`);
}

async function createClientCommand(args: string[]) {
  const { values } = parseArgs({
    args,
    options: { 'client-id': { type: 'string' }, department: { type: 'string' } },
  });
  const secret = generated();
  const parsed = clientAccount.safeParse({
    clientId: values['client-id'],
    department: values.department,
    secret,
  });
  if (!parsed.success) fail(EXIT.input, `cannot create the client:\n${problemsOf(parsed.error)}`);
  const database = await openIdentityDatabase();
  try {
    if (!(await createClient(database.db, parsed.data, new Date()))) {
      fail(EXIT.exists, `a client ${parsed.data.clientId} already exists; nothing changed`);
    }
  } finally {
    await database.close();
  }
  console.log(`created client ${parsed.data.clientId} (scope ${parsed.data.scopes.join(' ')})`);
  console.log(`client_secret (shown once): ${secret}`);
}

const [command, ...rest] = process.argv.slice(2);
try {
  if (command === 'create-staff') await createStaffCommand(rest);
  else if (command === 'create-client') await createClientCommand(rest);
  else fail(EXIT.usage, USAGE);
} catch (error) {
  // parseArgs refuses unknown options and missing values.
  if (error instanceof TypeError && 'code' in error) fail(EXIT.usage, `${error.message}\n${USAGE}`);
  throw error;
}
