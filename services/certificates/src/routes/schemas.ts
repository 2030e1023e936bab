import { HttpError, type OneGoApp } from '@onego/http';
import { z } from 'zod';

const notFound = z.object({ error: z.string() });

import { credentialJsonSchema } from '../domain/credential-schema.ts';
import { isCertificateType } from '../issuers.ts';

/** Public: the JSON Schemas credentials name in `credentialSchema`. */
export function schemaRoutes(app: OneGoApp, deps: { origin: string }) {
  app.get(
    '/api/certificates/schemas/:type.json',
    {
      schema: {
        tags: ['schemas'],
        summary: 'The JSON Schema (2020-12) of one certificate type’s credential',
        params: z.object({ type: z.string().max(64) }),
        response: { 200: z.record(z.string(), z.unknown()), 404: notFound },
      },
    },
    async (request, reply) => {
      const { type } = request.params;
      if (!isCertificateType(type)) throw new HttpError(404, `no certificate type ${type}`);
      return reply
        .type('application/schema+json')
        .header('cache-control', 'public, max-age=3600')
        .send(credentialJsonSchema(deps.origin, type));
    },
  );
}
