import { randomUUID } from 'node:crypto';
import { maskName } from '@onego/codes';
import { createNewbornSubmissionSchema } from '@onego/contracts';
import type { Database } from '@onego/db';
import { callerOf, HttpError, type OneGoApp } from '@onego/http';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { CallerDocuments } from '../caller-documents.ts';
import type { ConsentRow, ConsentStore } from '../consents.ts';
import type { IdentityDocument, Party } from '../domain/consents.ts';
import type { IdentityClient, OnBehalfOf } from '../identity-client.ts';
import { type Intake, idempotencyHeaders } from '../intake.ts';
import { iso, party, recordedOf, started, startedEntry } from './clerk-views.ts';
import { errorBody } from './consent-views.ts';

// 帮代办: a clerk at a service-centre window applies for a citizen, with the citizen's consent.
// The application is the citizen's own (they see it, its certificates are theirs), created by
// the same intake as theirs; the consent (who, when, for what, how) is recorded beside it in the
// same transaction, and the timeline says the clerk acted for the citizen.

export interface ClerkRoutesDeps {
  db: Database;
  intake: Intake;
  consents: ConsentStore;
  identity: IdentityClient;
  documents: CallerDocuments;
  clerksOnly: (request: FastifyRequest) => Promise<void>;
  clock: () => Date;
}

export function clerkRoutes(app: OneGoApp, deps: ClerkRoutesDeps) {
  const { db, consents, identity, documents } = deps;
  const submissionSchema = createNewbornSubmissionSchema(deps.clock);

  /** The chosen parent's OneGo account, looked up with the clerk's token; 422 naming `applicant` when none. */
  async function accountOf(caller: OnBehalfOf, applicant: Party, parent?: IdentityDocument) {
    const refuse = (message: string) => new HttpError(422, message, [{ path: 'applicant', message }]);
    if (!parent) throw refuse(`the form names no ${applicant}`);
    const citizen = await identity.lookupCitizen(caller, parent);
    if (!citizen) throw refuse(`the ${applicant} has no OneGo account: they register first`);
    return citizen;
  }

  app.post(
    '/api/clerk/applications',
    {
      onRequest: deps.clerksOnly,
      schema: {
        tags: ['clerks'],
        summary: 'Apply for a citizen at a service-centre window (帮代办), with their consent recorded',
        description:
          'Clerks only (403 for citizens, operators and department systems). `applicant` is the parent on the form the application is for: they must have a OneGo account (422 naming `applicant` otherwise). `submission` is validated exactly as POST /api/applications (400 names each field as `submission.…`). The consent (how it was given, what the citizen said, the paper form’s number) is recorded with the clerk and their region, and the citizen sees it in GET /api/consents. An Idempotency-Key header makes a retry return the same application.',
        security: [{ bearer: [] }],
        headers: idempotencyHeaders,
        body: z.strictObject({
          applicant: party,
          consent: z.strictObject({
            method: z.enum(['signed-form', 'in-person-identity-check']),
            statement: z.string().trim().min(1, 'must not be empty').max(500),
            reference: z.string().trim().min(1, 'must not be empty').max(64).optional(),
          }),
          submission: submissionSchema,
        }),
        response: {
          202: started,
          400: errorBody,
          401: errorBody,
          403: errorBody,
          409: errorBody,
          422: errorBody,
          503: errorBody,
        },
      },
    },
    async (request, reply) => {
      const clerk = callerOf(request);
      const { applicant, consent, submission } = request.body;
      const caller = documents.onBehalfOf(request);
      const citizen = await accountOf(caller, applicant, submission.form[applicant]);
      const clerkName = (await identity.staffName(caller)) ?? clerk.id;
      const header = request.headers['idempotency-key'];
      // A clerk's keys are theirs: never confused with the citizen's own or another clerk's.
      const key = header ? `clerk:${clerk.id}:${header}` : null;
      const consentId = randomUUID();
      const written: { consent?: ConsentRow } = {};
      const { row, replayed } = await deps.intake.submit(citizen.id, submission, key, {
        submittedBy: `clerk:${clerk.id}`,
        submittedDetails: { onBehalfOf: `citizen:${citizen.id}`, consentId, applicant },
        alongside: async (tx, created) => {
          written.consent = await consents.recordClerkAssisted(tx, {
            id: consentId,
            applicationId: created.id,
            citizenId: citizen.id,
            citizenParty: applicant,
            clerkId: clerk.id,
            clerkRegion: clerk.region ?? null,
            clerkName,
            method: consent.method,
            statement: consent.statement,
            reference: consent.reference ?? null,
            at: created.submittedAt,
          });
        },
      });
      const stored = replayed ? await consents.clerkAssistedOf(db, row.id) : written.consent;
      if (!stored) throw new Error(`application ${row.id} has no clerk-assisted consent`);
      return reply
        .code(202)
        .header('location', `/api/applications/${row.id}`)
        .send({
          id: row.id,
          status: row.status,
          applicant: { party: applicant, citizenId: citizen.id, nameMasked: maskName(citizen.name) },
          consent: recordedOf(stored),
        });
    },
  );

  app.get(
    '/api/clerk/applications',
    {
      onRequest: deps.clerksOnly,
      schema: {
        tags: ['clerks'],
        summary: 'The applications this clerk started for citizens, newest first',
        description:
          'Clerks only (403 for anyone else). Children’s names masked. Keyset paginated: pass `next` as `before`.',
        security: [{ bearer: [] }],
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(100).default(20),
          before: iso.optional(),
        }),
        response: {
          200: z.object({ applications: z.array(startedEntry), next: z.string().nullable() }),
          403: errorBody,
        },
      },
    },
    async (request) => {
      const { limit, before } = request.query;
      const rows = await consents.startedBy(
        db,
        callerOf(request).id,
        limit + 1,
        before ? new Date(before) : undefined,
      );
      const page = rows.slice(0, limit);
      const next = rows.length > limit ? (page.at(-1)?.consent.at.toISOString() ?? null) : null;
      const isoOf = (d: Date | null) => d?.toISOString() ?? null;
      return {
        applications: page.map(({ consent, application: a }) => ({
          id: a.id,
          bundle: a.bundle,
          status: a.status,
          region: a.region,
          submittedAt: a.submittedAt.toISOString(),
          dueDate: a.dueDate,
          completedAt: isoOf(a.completedAt),
          withdrawnAt: isoOf(a.withdrawnAt),
          children: a.childrenMasked,
          applicant: { party: consent.citizenParty, citizenId: consent.citizenId },
          consent: recordedOf(consent),
        })),
        next,
      };
    },
  );
}
