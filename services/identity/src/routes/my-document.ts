import { ID_DOCUMENT_TYPES } from '@onego/codes';
import { callerOf, HttpError, type OneGoApp } from '@onego/http';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { CitizenStore } from '../citizens.ts';
import { bearer, errorBody } from './fields.ts';
import { GONE } from './me.ts';
import { noStore } from './oauth-errors.ts';

// The holder's own real-name data, in full: what a form is prefilled with, and how another
// service learns who a citizen is from the citizen's own token (it never stores a copy it was
// not given). Never for anyone else's token, and never cached on the way.

const document = z.object({
  idType: z.enum(ID_DOCUMENT_TYPES),
  idNumber: z.string(),
  name: z.string(),
  phone: z.string(),
});

export function myDocumentRoutes(
  app: OneGoApp,
  deps: {
    citizens: CitizenStore;
    /** onRequest hook: a citizen's token (401 without a valid token, 403 for anyone else). */
    authoriseCitizen: (request: FastifyRequest) => Promise<void>;
  },
) {
  app.get(
    '/api/identity/me/document',
    {
      onRequest: deps.authoriseCitizen,
      schema: {
        tags: ['accounts'],
        summary: 'The signed-in citizen’s identity document, name and phone, in full',
        description:
          'Citizens only, for themselves (403 for clerks, operators and department systems): to prefill a form, or for a service to learn who its caller is with the caller’s own token. Answered with Cache-Control: no-store. 503 when the account’s stored data cannot be read (operators are alerted).',
        security: bearer,
        response: { 200: document, 401: errorBody, 403: errorBody, 503: errorBody },
      },
    },
    async (request, reply) => {
      noStore(reply);
      const citizen = await deps.citizens.byId(callerOf(request).id);
      if (!citizen) throw new HttpError(401, GONE);
      return { idType: citizen.idType, idNumber: citizen.idNumber, name: citizen.name, phone: citizen.phone };
    },
  );
}
