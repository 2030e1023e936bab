import { ID_DOCUMENT_TYPES } from '@onego/codes';
import { callerOf, HttpError, type OneGoApp } from '@onego/http';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { CitizenStore } from '../citizens.ts';
import { maskDocumentNumber } from '../domain/id-documents.ts';
import {
  attemptsPerClient,
  bearer,
  checkIdDocument,
  errorBody,
  idDocument,
  mainlandMobile,
  newPassword,
  personName,
} from './fields.ts';

export interface CitizenRoutesDeps {
  citizens: CitizenStore;
  /** onRequest hook: a clerk's token (401 without a valid token, 403 for anyone else). */
  authoriseClerk: (request: FastifyRequest) => Promise<void>;
}

const registered = z.object({
  id: z.uuid(),
  name: z.string(),
  idType: z.enum(ID_DOCUMENT_TYPES),
  idNumberMasked: z.string(),
});
const found = z.object({
  id: z.uuid().describe('The citizen’s account id: the `sub` of their access tokens'),
  name: z.string(),
  idNumberMasked: z.string(),
});

const NOT_FOUND = 'no account is registered for this identity document';

export function citizenRoutes(app: OneGoApp, deps: CitizenRoutesDeps) {
  app.post(
    '/api/identity/citizens',
    {
      config: { rateLimit: attemptsPerClient },
      schema: {
        tags: ['citizens'],
        summary: 'Register a citizen account with an identity document and a password',
        description:
          'Anyone may call it. Any document of ID_DOCUMENT_TYPES (a mainland resident ID when idType is absent), its number checked by its type’s rule. One account per document type and number (409 when already registered). The number and phone are stored encrypted. Limited per client address.',
        body: z
          .strictObject({ ...idDocument, name: personName, phone: mainlandMobile, password: newPassword })
          .superRefine(...checkIdDocument),
        response: { 201: registered, 400: errorBody, 409: errorBody, 429: errorBody },
      },
    },
    async (request, reply) => {
      const created = await deps.citizens.register(request.body);
      // Names no number, not even masked: the caller may not be its holder.
      if (!created) throw new HttpError(409, 'this ID number is already registered');
      const { idType, idNumber } = request.body;
      return reply.code(201).send({ ...created, idNumberMasked: maskDocumentNumber(idType, idNumber) });
    },
  );

  app.post(
    '/api/identity/citizens/lookup',
    {
      onRequest: deps.authoriseClerk,
      config: { rateLimit: attemptsPerClient },
      schema: {
        tags: ['citizens'],
        summary: 'Find a citizen’s account by their identity document (clerks)',
        description:
          'Clerks only (403 for citizens, operators and department systems), to act for a citizen at a service-centre window. A POST so that the number appears in no URL or access log; the answer masks it. 404 when no account has this document. Each lookup is logged with the clerk and the masked number. Limited per client address.',
        security: bearer,
        body: z.strictObject(idDocument).superRefine(...checkIdDocument),
        response: {
          200: found,
          400: errorBody,
          401: errorBody,
          403: errorBody,
          404: errorBody,
          429: errorBody,
          503: errorBody,
        },
      },
    },
    async (request) => {
      const { idType, idNumber } = request.body;
      const account = await deps.citizens.byDocument({ idType, idNumber });
      const idNumberMasked = maskDocumentNumber(idType, idNumber);
      request.log.info(
        { clerk: callerOf(request).id, idType, idNumberMasked, found: Boolean(account) },
        'citizen looked up by identity document',
      );
      if (!account) throw new HttpError(404, NOT_FOUND);
      // Opened, so that an account whose sealed values are not its own is refused (503), not named.
      const citizen = account.open();
      return { id: citizen.id, name: citizen.name, idNumberMasked };
    },
  );
}
