import { HttpError, type OneGoApp } from '@onego/http';
import { z } from 'zod';
import { STATUS_LIST_TTL_SECONDS, STATUS_PURPOSES } from '../domain/status-list.ts';
import { isDepartment } from '../issuers.ts';
import type { IssuerKeyStore } from '../keys.ts';
import type { StatusLists } from '../status-lists.ts';
import { errorSchema } from './shared.ts';

// Public: what verifiers need to check a department's certificates without asking us anything
// else: its DID document and JWKS (every key it has signed with, current or retired: certificates
// do not expire, so old keys stay published) and its signed Bitstring status lists.

const jwk = z
  .looseObject({
    kid: z.string().describe('DID URL <issuer DID>#<RFC 7638 thumbprint>: the `kid` of what it signed'),
    alg: z.literal('EdDSA'),
    use: z.literal('sig'),
  })
  .describe('An Ed25519 public key (kty OKP, crv Ed25519, x)');

const departmentParam = z.object({ department: z.string().max(64) });

function departmentOf(department: string) {
  if (!isDepartment(department)) throw new HttpError(404, `no issuer ${department}`);
  return department;
}

export function issuerRoutes(app: OneGoApp, deps: { keys: IssuerKeyStore; statusLists: StatusLists }) {
  app.get(
    '/api/certificates/issuers/:department/jwks.json',
    {
      schema: {
        tags: ['issuers'],
        summary: 'A department’s public signing keys (JWKS), to verify its e-certificates',
        params: departmentParam,
        response: { 200: z.object({ keys: z.array(jwk) }), 404: errorSchema },
      },
    },
    async (request, reply) => {
      const keys = await deps.keys.publishedKeys(departmentOf(request.params.department));
      return reply.header('cache-control', 'public, max-age=300').send({ keys });
    },
  );

  app.get(
    '/api/certificates/issuers/:department/did.json',
    {
      schema: {
        tags: ['issuers'],
        summary: 'A department’s DID document (did:web): its keys as assertion methods',
        description:
          'did:web:<host>:api:certificates:issuers:<department> resolves here. Each key is a JsonWebKey verification method whose id is the `kid` of the credentials it signed.',
        params: departmentParam,
        response: {
          200: z.looseObject({
            id: z.string(),
            verificationMethod: z.array(z.looseObject({ id: z.string(), type: z.literal('JsonWebKey') })),
            assertionMethod: z.array(z.string()),
          }),
          404: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const document = await deps.keys.didDocument(departmentOf(request.params.department));
      return reply.type('application/did+json').header('cache-control', 'public, max-age=300').send(document);
    },
  );

  app.get(
    '/api/certificates/issuers/:department/status-lists/:list/:purpose',
    {
      schema: {
        tags: ['issuers'],
        summary: 'A signed Bitstring Status List credential (application/vc+jwt)',
        description: `131,072 entries, GZIP-compressed, multibase base64url (Bitstring Status List v1.0). Re-signed whenever a certificate in it is revoked, suspended or unsuspended; cacheable for ${STATUS_LIST_TTL_SECONDS} s (its ttl).`,
        params: departmentParam.extend({
          list: z.coerce.number().int().min(1).max(1_000_000),
          purpose: z.enum(STATUS_PURPOSES),
        }),
        response: { 200: z.string(), 404: errorSchema },
      },
    },
    async (request, reply) => {
      const { list, purpose } = request.params;
      const credential = await deps.statusLists.published(
        departmentOf(request.params.department),
        list,
        purpose,
      );
      if (!credential)
        throw new HttpError(404, `no status list ${request.params.department}/${list}/${purpose}`);
      return reply
        .type('application/vc+jwt')
        .header('cache-control', `public, max-age=${STATUS_LIST_TTL_SECONDS}`)
        .send(credential);
    },
  );
}
