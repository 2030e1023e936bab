import type { Database } from '@onego/db';
import { callerOf, HttpError, type OneGoApp } from '@onego/http';
import { and, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { CallerDocuments } from '../caller-documents.ts';
import type { ConsentStore } from '../consents.ts';
import { applications } from '../db/schema.ts';
import { otherParentOf } from '../domain/consents.ts';
import type { ApplicationStore } from '../store.ts';
import { consentEntry, entryOf, errorBody, otherParentConsent, otherParentEntryOf } from './consent-views.ts';

// The applicant shares an application with the other parent on the form, and takes it back.
// The other parent is matched by their identity document (its keyed hash), so they see it once
// they sign in, whenever that is; a revocation ends their access with the next request.

export interface ConsentRoutesDeps {
  db: Database;
  store: ApplicationStore;
  consents: ConsentStore;
  documents: CallerDocuments;
  authenticate: (request: FastifyRequest) => Promise<void>;
  citizensOnly: (request: FastifyRequest) => Promise<void>;
  clock: () => Date;
}

const params = z.object({ id: z.uuid() });

export function consentRoutes(app: OneGoApp, deps: ConsentRoutesDeps) {
  const { db, store, consents, documents } = deps;

  /** The caller's own application, locked; 404 as if it did not exist for anyone else. */
  async function ownLocked(
    tx: Parameters<Parameters<Database['transaction']>[0]>[0],
    id: string,
    me: string,
  ) {
    const [row] = await tx
      .select()
      .from(applications)
      .where(and(eq(applications.id, id), eq(applications.ownerId, me)))
      .for('update');
    if (!row) throw new HttpError(404, 'no such application');
    return row;
  }

  app.post(
    '/api/applications/:id/consents',
    {
      onRequest: deps.authenticate,
      schema: {
        tags: ['consents'],
        summary: 'Let the other parent on the form see this application (read only)',
        description:
          'Called by the applicant (a signed-in citizen who is the mother or the father on the form). The other parent sees the application once they sign in with the identity document the form names; they cannot change it. 201 with the new consent; 200 with the standing one when already granted. 422 names `grantee` when the applicant is not a parent on the form or the form names no other parent; 404 for anyone but the applicant.',
        security: [{ bearer: [] }],
        params,
        body: z.strictObject({ grantee: z.literal('other-parent') }),
        response: {
          200: otherParentConsent,
          201: otherParentConsent,
          404: errorBody,
          422: errorBody,
          503: errorBody,
        },
      },
    },
    async (request, reply) => {
      const me = callerOf(request).id;
      const hash = await documents.hashOf(request);
      const now = deps.clock();
      const { row, created, bundle } = await db.transaction(async (tx) => {
        const locked = await ownLocked(tx, request.params.id, me);
        if (!hash) throw new HttpError(404, 'no such application');
        const { form } = store.openApplication(locked);
        const other = otherParentOf(form, (doc) => documents.hashOfDocument(doc) === hash);
        if (!other.ok) throw new HttpError(422, other.reason, [{ path: 'grantee', message: other.reason }]);
        const granted = await consents.grantToOtherParent(tx, {
          applicationId: locked.id,
          citizenId: me,
          citizenParty: other.applicant,
          party: other.party,
          documentHash: documents.hashOfDocument(other.document),
          at: now,
        });
        if (granted.created) {
          await store.record(tx, locked.id, `citizen:${me}`, now, [
            { kind: 'consent.granted', details: { consentId: granted.row.id, grantee: other.party } },
          ]);
        }
        return { ...granted, bundle: locked.bundle };
      });
      return reply.code(created ? 201 : 200).send(otherParentEntryOf(row, bundle, me));
    },
  );

  app.delete(
    '/api/applications/:id/consents/:consentId',
    {
      onRequest: deps.authenticate,
      schema: {
        tags: ['consents'],
        summary: 'Take back the other parent’s access to this application',
        description:
          'Called by the applicant. Their access ends at once. 204 also when it was already revoked; 404 for an unknown consent or anyone but the applicant.',
        security: [{ bearer: [] }],
        params: params.extend({ consentId: z.uuid() }),
        response: { 204: z.null(), 404: errorBody },
      },
    },
    async (request, reply) => {
      const me = callerOf(request).id;
      const now = deps.clock();
      await db.transaction(async (tx) => {
        const locked = await ownLocked(tx, request.params.id, me);
        const result = await consents.revoke(tx, locked.id, request.params.consentId, now);
        if (!result) throw new HttpError(404, 'no such consent on this application');
        if (result.revoked) {
          await store.record(tx, locked.id, `citizen:${me}`, now, [
            { kind: 'consent.revoked', details: { consentId: result.row.id } },
          ]);
        }
      });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/consents',
    {
      onRequest: deps.citizensOnly,
      schema: {
        tags: ['consents'],
        summary: 'Every consent concerning the signed-in citizen, newest first',
        description:
          'Citizens only (403 for staff and department systems). Consents they granted to the other parent (granted or revoked), consents the other parent granted to them, and consents service-centre clerks recorded on their behalf (帮代办: who, when, for what, how).',
        security: [{ bearer: [] }],
        response: { 200: z.object({ consents: z.array(consentEntry) }), 403: errorBody, 503: errorBody },
      },
    },
    async (request) => {
      const me = callerOf(request).id;
      const hash = await documents.hashOf(request);
      const rows = await consents.concerning(db, me, hash);
      return { consents: rows.map((r) => entryOf(r.consent, r.bundle, me, consents)) };
    },
  );
}
