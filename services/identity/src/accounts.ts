import { randomUUID } from 'node:crypto';
import { DEPARTMENTS } from '@onego/contracts';
import type { Database } from '@onego/db';
import { z } from 'zod';
import { clients, staff } from './db/schema.ts';
import { departmentScope, STAFF_ROLES, scopesFitDepartment } from './domain/accounts.ts';
import { hashPassword } from './domain/password.ts';
import { newPassword, personName } from './routes/fields.ts';

// Staff accounts and department clients are not signed up for: the admin tool creates them in
// production (tools/accounts.ts), the development seed at start (seed.ts). Both go through here.

export const username = z
  .string()
  .regex(
    /^[a-z][a-z0-9._-]{2,31}$/,
    'must be 3 to 32 lowercase letters, digits, dots, dashes or underscores',
  );
export const region = z.string().trim().min(1, 'must not be empty').max(32, 'is too long');
export const clientId = z
  .string()
  .regex(
    /^[a-z][a-z0-9._-]{2,63}$/,
    'must be 3 to 64 lowercase letters, digits, dots, dashes or underscores',
  );
/** Secrets the tool generates are 43 characters; a chosen one (development) must still be long. */
export const clientSecret = z.string().min(16, 'must be at least 16 characters').max(256, 'is too long');

export const staffAccount = z.strictObject({
  username,
  name: personName,
  role: z.enum(STAFF_ROLES),
  region,
  password: newPassword,
});

export const clientAccount = z
  .strictObject({
    clientId,
    department: z.enum(DEPARTMENTS),
    secret: clientSecret,
    scopes: z.array(z.string()).optional(),
  })
  .transform(({ scopes, ...client }) => ({
    ...client,
    scopes: scopes ?? [departmentScope(client.department)],
  }))
  .refine((c) => scopesFitDepartment(c.scopes, c.department), {
    path: ['scopes'],
    message: 'a department client may only have its own department’s scope',
  });

export type StaffAccount = z.infer<typeof staffAccount>;
export type ClientAccount = z.infer<typeof clientAccount>;

/** Creates the staff account unless its username is taken; true when created. */
export async function createStaff(db: Database, account: StaffAccount, now: Date): Promise<boolean> {
  const { password, ...fields } = account;
  const created = await db
    .insert(staff)
    .values({ id: randomUUID(), ...fields, passwordHash: await hashPassword(password), createdAt: now })
    .onConflictDoNothing({ target: staff.username })
    .returning({ id: staff.id });
  return created.length > 0;
}

/** Creates the client unless its client_id is taken; true when created. */
export async function createClient(db: Database, account: ClientAccount, now: Date): Promise<boolean> {
  const { secret, ...fields } = account;
  const created = await db
    .insert(clients)
    .values({
      ...fields,
      secretHash: await hashPassword(secret),
      grantTypes: ['client_credentials'],
      createdAt: now,
    })
    .onConflictDoNothing({ target: clients.clientId })
    .returning({ clientId: clients.clientId });
  return created.length > 0;
}
