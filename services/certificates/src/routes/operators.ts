import type { Database, Transaction } from '@onego/db';
import { callerOf, HttpError, type OneGoApp } from '@onego/http';
import { z } from 'zod';
import { isDepartment } from '../issuers.ts';
import type { IssuerKeyStore } from '../keys.ts';
import type { Revocation, StatusChange } from '../revocation.ts';
import { type Authenticate, certificateIdParam, errorSchema } from './shared.ts';

// Operators' actions (tokens whose scope includes `operator`): revoke (final), suspend and
// unsuspend a certificate, and rotate a department's signing key. Each is logged with who did it.

const reasonBody = z.object({
  reason: z.string().trim().min(1).max(500).describe('Why: kept on record, not published'),
});
const changed = z.object({
  id: z.string(),
  status: z.enum(['valid', 'revoked', 'suspended']),
  changed: z.boolean().describe('false when it was already so'),
});

type Status = z.infer<typeof changed>['status'];

/** The answer for a status change: the status now, whether it changed, or the HTTP error. */
function answer(id: string, change: StatusChange, unchanged: Status): z.infer<typeof changed> {
  if (change === 'not-found') throw new HttpError(404, `no certificate ${id}`);
  if (change === 'already-revoked')
    throw new HttpError(409, `certificate ${id} is revoked; revocation is final`);
  if (change === 'unchanged') return { id, status: unchanged, changed: false };
  const status = ({ revoked: 'revoked', suspended: 'suspended', reinstated: 'valid' } as const)[change];
  return { id, status, changed: true };
}

export function operatorRoutes(
  app: OneGoApp,
  deps: { db: Database; revocation: Revocation; keys: IssuerKeyStore; authorise: Authenticate },
) {
  const onRequest = deps.authorise;
  const common = { tags: ['operators'], security: [{ bearer: [] }] };
  const responses = {
    200: changed,
    400: errorSchema,
    401: errorSchema,
    403: errorSchema,
    404: errorSchema,
    409: errorSchema,
  };

  const action = (
    name: 'revoke' | 'suspend' | 'unsuspend',
    summary: string,
    unchangedStatus: 'valid' | 'revoked' | 'suspended',
    run: (tx: Transaction, id: string, reason: string) => Promise<StatusChange>,
  ) =>
    app.post(
      `/api/certificates/:id/${name}`,
      {
        onRequest,
        schema: {
          ...common,
          summary,
          params: z.object({ id: certificateIdParam }),
          body: reasonBody,
          response: responses,
        },
      },
      async (request) => {
        const { id } = request.params;
        const change = await deps.db.transaction((tx) => run(tx, id, request.body.reason));
        request.log.info(
          { operator: callerOf(request).id, certificateId: id, action: name, change },
          'certificate status',
        );
        return answer(id, change, unchangedStatus);
      },
    );

  action(
    'revoke',
    'Revoke a certificate (final): its bit is set in the revocation list, re-signed',
    'revoked',
    (tx, id, reason) => deps.revocation.revoke(tx, id, reason),
  );
  action('suspend', 'Suspend a certificate until it is unsuspended', 'suspended', (tx, id, reason) =>
    deps.revocation.suspend(tx, id, reason),
  );
  action('unsuspend', 'Lift a certificate’s suspension', 'valid', (tx, id) =>
    deps.revocation.reinstate(tx, id),
  );

  app.post(
    '/api/certificates/issuers/:department/keys/rotate',
    {
      onRequest,
      schema: {
        ...common,
        summary:
          'Rotate a department’s signing key: the active key is retired (still published), a new one signs from now on',
        params: z.object({ department: z.string().max(64) }),
        response: {
          200: z.object({
            retired: z.string().nullable(),
            active: z.string().describe('kid (DID URL) of the new key'),
          }),
          401: errorSchema,
          403: errorSchema,
          404: errorSchema,
        },
      },
    },
    async (request) => {
      const { department } = request.params;
      if (!isDepartment(department)) throw new HttpError(404, `no issuer ${department}`);
      const rotated = await deps.keys.rotate(department);
      request.log.info({ operator: callerOf(request).id, department, ...rotated }, 'issuer key rotated');
      return rotated;
    },
  );
}
