import { createHash } from 'node:crypto';
import { isLateApplication, type NewbornSubmission } from '@onego/contracts';
import { createGroupCommit, type Database, isUniqueViolation, type Transaction } from '@onego/db';
import { HttpError } from '@onego/http';
import { context } from '@opentelemetry/api';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { newbornBundle } from './catalogue/newborn.ts';
import { applications } from './db/schema.ts';
import type { MaterialNeed } from './domain/orchestration.ts';
import { checkDeclaredMissing, checkSelection } from './domain/selection.ts';
import { addWorkingDays, chinaDate, type HolidayCalendar } from './domain/working-days.ts';
import type { ApplicationRow, ApplicationStore, IntakeActor } from './store.ts';

// One way in for a submitted form, whoever submits it (the citizen online, a clerk at a window
// on the citizen's behalf): the same checks, the same store path, the same events, and the same
// Idempotency-Key semantics (a key is the owner's, so one citizen's key never finds another's).

export interface IntakeDeps {
  db: Database;
  store: ApplicationStore;
  calendar: HolidayCalendar;
  clock: () => Date;
}

export interface SubmitOptions {
  /** Who submitted, when not the owner themselves. */
  submittedBy?: IntakeActor;
  submittedDetails?: Record<string, unknown>;
  /** Written in the application's own transaction (a clerk's consent record); not on a replay. */
  alongside?: (tx: Transaction, app: ApplicationRow) => Promise<void>;
}

/**
 * Submissions committed at once, sharing their transactions when many arrive together: at most
 * this many intake transactions in flight (each holds one of the pool's connections, which the
 * consumers share), at most this many submissions in one.
 */
export const INTAKE_TRANSACTIONS = 3;
export const INTAKE_BATCH = 64;

export function createIntake(deps: IntakeDeps) {
  const { db, store, calendar, clock } = deps;
  const commits = createGroupCommit(db, { concurrency: INTAKE_TRANSACTIONS, maxBatch: INTAKE_BATCH });

  async function existing(ownerId: string, key: string, requestHash: string) {
    const [row] = await db
      .select()
      .from(applications)
      .where(and(eq(applications.ownerId, ownerId), eq(applications.idempotencyKey, key)));
    if (!row) return null;
    if (row.requestHash !== requestHash) {
      throw new HttpError(409, 'Idempotency-Key was already used for a different application', [
        { path: 'headers.idempotency-key', message: 'was already used for a different application' },
      ]);
    }
    return row;
  }

  /** The application created, or the one an earlier request with the same key created. */
  async function submit(
    ownerId: string,
    submission: NewbornSubmission,
    key: string | null,
    options: SubmitOptions = {},
  ) {
    const requestHash = createHash('sha256').update(JSON.stringify(submission)).digest('hex');
    const issues = [
      ...checkSelection(newbornBundle, submission.items),
      ...checkDeclaredMissing(newbornBundle, submission.items, submission.form),
    ];
    if (issues.length > 0) throw new HttpError(400, 'invalid request', issues);
    const now = clock();
    const acceptedOn = chinaDate(now);
    const declaredMissing = (itemKey: string): MaterialNeed[] =>
      newbornBundle.materials
        .filter((m) => m.item === itemKey && submission.form.missingMaterials?.includes(m.code))
        .map((m) => ({
          code: m.code,
          note: `${m.name.zh} ${m.name.en}`,
          dueDate: addWorkingDays(acceptedOn, m.deadlineWorkingDays, calendar),
          suppliedMaterialId: null,
        }));
    const { alongside } = options;
    const create = (tx: Transaction) =>
      store.create(tx, {
        ownerId,
        bundle: newbornBundle,
        submission,
        idempotencyKey: key,
        requestHash,
        dueDate: addWorkingDays(acceptedOn, newbornBundle.timeLimitWorkingDays, calendar),
        late: isLateApplication(submission.form, now),
        declaredMissing,
        now,
        writeAtCommit: !alongside,
        ...(options.submittedBy && { submittedBy: options.submittedBy }),
        ...(options.submittedDetails && { submittedDetails: options.submittedDetails }),
      });
    try {
      const row = alongside
        ? // Rows of its own that refer to the application: a transaction of its own.
          await db.transaction(async (tx) => {
            const app = await create(tx);
            await alongside(tx, app);
            return app;
          })
        : // Run in this request's context, whichever transaction it joins: its trace id and its
          // events' trace headers are this request's.
          await commits.run(context.bind(context.active(), create));
      return { row, replayed: false };
    } catch (error) {
      // A key used before (a retry, or the same key twice at once): the insert finds it taken, and
      // the answer is the first application's (a 409 if the key came with a different form).
      // Looked up only then, not before every submission.
      if (key && isUniqueViolation(error, 'applications_owner_idempotency_key')) {
        const previous = await existing(ownerId, key, requestHash);
        if (previous) return { row: previous, replayed: true };
      }
      throw error;
    }
  }

  return { submit };
}

export type Intake = ReturnType<typeof createIntake>;

/** The Idempotency-Key header a submission may carry: the same key returns the same application. */
export const idempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .regex(/^[\x21-\x7e]{1,128}$/, 'must be 1-128 printable ASCII characters')
    .optional(),
});
