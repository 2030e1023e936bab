import { ID_DOCUMENT_TYPES, maskPhone } from '@onego/codes';
import type { Database } from '@onego/db';
import { callerOf, HttpError, hasScope, type OneGoApp } from '@onego/http';
import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { CitizenStore } from '../citizens.ts';
import { clients, staff } from '../db/schema.ts';
import { CITIZEN_SCOPE, STAFF_ROLES } from '../domain/accounts.ts';
import { maskDocumentNumber } from '../domain/id-documents.ts';
import { bearer, errorBody } from './fields.ts';

const citizenAccount = z.object({
  id: z.uuid(),
  name: z.string(),
  idType: z.enum(ID_DOCUMENT_TYPES),
  idNumberMasked: z.string(),
  phoneMasked: z.string(),
});
const staffAccount = z.object({
  id: z.uuid(),
  name: z.string(),
  username: z.string(),
  role: z.enum(STAFF_ROLES),
  region: z.string(),
});
const clientAccount = z.object({ clientId: z.string(), department: z.string(), scopes: z.array(z.string()) });

export const GONE = 'the account of this access token no longer exists';

export function meRoutes(
  app: OneGoApp,
  deps: { db: Database; citizens: CitizenStore; authenticate: (r: FastifyRequest) => Promise<void> },
) {
  const { db } = deps;
  const account = {
    async citizen(id: string) {
      const row = await deps.citizens.byId(id);
      return (
        row && {
          id: row.id,
          name: row.name,
          idType: row.idType,
          idNumberMasked: maskDocumentNumber(row.idType, row.idNumber),
          phoneMasked: maskPhone(row.phone),
        }
      );
    },
    async staff(id: string) {
      const [row] = await db.select().from(staff).where(eq(staff.id, id));
      return (
        row && { id: row.id, name: row.name, username: row.username, role: row.role, region: row.region }
      );
    },
    async client(clientId: string) {
      const [row] = await db.select().from(clients).where(eq(clients.clientId, clientId));
      return row && { clientId: row.clientId, department: row.department, scopes: row.scopes };
    },
  };

  app.get(
    '/api/identity/me',
    {
      onRequest: deps.authenticate,
      schema: {
        tags: ['accounts'],
        summary:
          'The signed-in account: a citizen (identifiers masked), a staff member, or a department system',
        description: 'Any signed-in caller: their own account.',
        security: bearer,
        response: {
          200: z.union([citizenAccount, staffAccount, clientAccount]),
          401: errorBody,
          503: errorBody,
        },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const found = hasScope(caller, CITIZEN_SCOPE)
        ? await account.citizen(caller.id)
        : caller.department
          ? await account.client(caller.id)
          : await account.staff(caller.id);
      if (!found) throw new HttpError(401, GONE);
      return found;
    },
  );
}
