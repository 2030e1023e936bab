import { createNewbornSubmissionSchema, ITEM_DEPARTMENT, ITEM_KEYS } from '@onego/contracts';
import type { Database } from '@onego/db';
import { callerOf, HttpError, type OneGoApp } from '@onego/http';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { newbornBundle } from '../catalogue/newborn.ts';
import { resubmitItem, withdraw } from '../domain/corrections.ts';
import { applyCorrections } from '../domain/form-corrections.ts';
import type { ApplicationStore } from '../store.ts';
import { applicationView, type ViewContext, viewOf } from './views.ts';

// What the applicant can do with an application under way: correct a rejected item and send it
// again (nothing already approved is redone), or withdraw the whole application.

export interface ItemActionDeps {
  db: Database;
  store: ApplicationStore;
  authenticate: (request: FastifyRequest) => Promise<void>;
  context: () => ViewContext;
  clock: () => Date;
}

const errorBody = z.object({
  error: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
const section = z.record(z.string(), z.unknown()).optional();

export function itemActionRoutes(app: OneGoApp, deps: ItemActionDeps) {
  const { db, store, clock } = deps;
  const submissionSchema = createNewbornSubmissionSchema(clock);

  /** Locks the caller's application, or answers 404 as if it did not exist. */
  async function ownLocked(
    tx: Parameters<Parameters<Database['transaction']>[0]>[0],
    id: string,
    ownerId: string,
  ) {
    const locked = await store.lock(tx, id);
    if (!locked || locked.app.ownerId !== ownerId) throw new HttpError(404, 'no such application');
    return locked;
  }

  app.post(
    '/api/applications/:id/items/:itemKey/resubmit',
    {
      onRequest: deps.authenticate,
      schema: {
        tags: ['applications'],
        summary: 'Correct a rejected item’s data and send it to its department again',
        description:
          'Only the fields the item’s department sees may be corrected (`child` is the child the item is for; `guardian` the mother, or the father when there is none). The corrected form is validated in full.',
        security: [{ bearer: [] }],
        params: z.object({ id: z.uuid(), itemKey: z.enum(ITEM_KEYS) }),
        body: z.strictObject({
          childIndex: z.int().min(0).max(7).default(0),
          corrections: z.strictObject({
            child: section,
            mother: section,
            father: section,
            guardian: section,
            marriage: section,
            household: section,
            residentialAddress: z.string().optional(),
            medicalInsurance: section,
            socialSecurityCard: section,
          }),
        }),
        response: { 200: applicationView, 400: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    async (request) => {
      const { id, itemKey } = request.params;
      const { childIndex, corrections } = request.body;
      const now = clock();
      return db.transaction(async (tx) => {
        const locked = await ownLocked(tx, id, callerOf(request).id);
        const item = locked.states.find((i) => i.itemKey === itemKey && i.childIndex === childIndex);
        if (!item) throw new HttpError(404, `the application has no ${itemKey} for child ${childIndex}`);
        const transition = resubmitItem(locked.states, item.id);
        if (!transition || locked.withdrawn)
          throw new HttpError(409, `${itemKey} is ${item.status}; only a rejected item can be resubmitted`);
        const { form, issues } = applyCorrections(
          locked.app.form,
          childIndex,
          ITEM_DEPARTMENT[itemKey],
          corrections,
        );
        if (issues.length > 0) throw new HttpError(400, 'invalid request', issues);
        const checked = submissionSchema.safeParse({ bundle: 'newborn', items: locked.app.items, form });
        if (!checked.success) {
          const invalid = checked.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
          throw new HttpError(400, 'the corrected form is invalid', invalid);
        }
        await store.replaceForm(tx, id, checked.data.form);
        await store.patchItem(tx, id, item.id, { reason: null });
        const app = { ...locked.app, form: checked.data.form };
        const corrected = { kind: 'item.corrected', item, details: { fields: Object.keys(corrections) } };
        await store.persist(tx, app, transition, now, `citizen:${locked.app.ownerId}`, [corrected]);
        const after = await store.lock(tx, id);
        if (!after) throw new Error('application vanished');
        return viewOf(after.app, after.rows, deps.context());
      });
    },
  );

  app.post(
    '/api/applications/:id/withdraw',
    {
      onRequest: deps.authenticate,
      schema: {
        tags: ['applications'],
        summary: 'Withdraw the application: items in progress are cancelled at their departments',
        description:
          'Issued certificates follow each item’s rule (see GET /api/bundles/{key}: onWithdrawal): facts that stay true are kept; the medical-insurance enrolment voucher is revoked. Withdrawing twice answers the same.',
        security: [{ bearer: [] }],
        params: z.object({ id: z.uuid() }),
        response: { 200: applicationView, 404: errorBody, 409: errorBody },
      },
    },
    async (request) => {
      const { id } = request.params;
      const now = clock();
      return db.transaction(async (tx) => {
        const locked = await ownLocked(tx, id, callerOf(request).id);
        if (locked.app.status === 'completed')
          throw new HttpError(409, 'a completed application cannot be withdrawn');
        if (!locked.withdrawn) {
          const revoke = (item: { itemKey: string }) =>
            newbornBundle.items.find((i) => i.key === item.itemKey)?.onWithdrawal === 'revoke';
          await store.persist(
            tx,
            locked.app,
            withdraw(locked.states, revoke),
            now,
            `citizen:${locked.app.ownerId}`,
          );
        }
        const after = await store.lock(tx, id);
        if (!after) throw new Error('application vanished');
        return viewOf(after.app, after.rows, deps.context());
      });
    },
  );
}
