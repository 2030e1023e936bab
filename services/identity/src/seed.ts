import { readFile } from 'node:fs/promises';
import type { Database } from '@onego/db';
import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import {
  type ClientAccount,
  clientAccount,
  createClient,
  createStaff,
  type StaffAccount,
  staffAccount,
} from './accounts.ts';
import { clients, staff } from './db/schema.ts';

// Development accounts (infra/identity/seed.json): made at start when absent, never changed once
// there. Two replicas seeding at once are safe: an existing username or client_id is skipped,
// and the unique keys settle a race. Each password or secret can be overridden from the
// environment (ONEGO_IDENTITY_PASSWORD_<USERNAME>, ONEGO_IDENTITY_SECRET_<CLIENT_ID>, upper case,
// other characters as `_`), so a shared development machine need not use the published ones.

const seedFile = z.strictObject({
  $comment: z.string().optional(),
  staff: z.array(staffAccount).default([]),
  clients: z.array(clientAccount).default([]),
});

export type Seed = { staff: StaffAccount[]; clients: ClientAccount[] };

const variable = (prefix: string, name: string) =>
  `${prefix}${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;

export const passwordVariable = (username: string) => variable('ONEGO_IDENTITY_PASSWORD_', username);
export const secretVariable = (clientId: string) => variable('ONEGO_IDENTITY_SECRET_', clientId);

/** Reads and checks the seed file; the environment's passwords and secrets replace the file's. */
export async function loadSeed(path: string, env: Record<string, string | undefined>): Promise<Seed> {
  const parsed = seedFile.safeParse(JSON.parse(await readFile(path, 'utf8')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`the identity seed ${path} is not valid: ${problems}`);
  }
  const seed = parsed.data;
  return {
    staff: seed.staff.map((s) => ({ ...s, password: env[passwordVariable(s.username)] ?? s.password })),
    clients: seed.clients.map((c) => ({ ...c, secret: env[secretVariable(c.clientId)] ?? c.secret })),
  };
}

/** Creates the seed's accounts that do not exist yet; returns what it created. */
export async function applySeed(db: Database, seed: Seed, now: Date) {
  const usernames = seed.staff.map((s) => s.username);
  const clientIds = seed.clients.map((c) => c.clientId);
  const [existingStaff, existingClients] = await Promise.all([
    usernames.length
      ? db.select({ v: staff.username }).from(staff).where(inArray(staff.username, usernames))
      : [],
    clientIds.length
      ? db.select({ v: clients.clientId }).from(clients).where(inArray(clients.clientId, clientIds))
      : [],
  ]);
  const has = (rows: { v: string }[]) => new Set(rows.map((r) => r.v));
  const [staffThere, clientsThere] = [has(existingStaff), has(existingClients)];
  const created = { staff: [] as string[], clients: [] as string[] };
  // Hashing is deliberately slow, so only the missing accounts are hashed.
  for (const account of seed.staff.filter((s) => !staffThere.has(s.username))) {
    if (await createStaff(db, account, now)) created.staff.push(account.username);
  }
  for (const account of seed.clients.filter((c) => !clientsThere.has(c.clientId))) {
    if (await createClient(db, account, now)) created.clients.push(account.clientId);
  }
  return created;
}
