import { z } from 'zod';
import { CLERK_PURPOSE, type ConsentRow } from '../consents.ts';

// What a clerk sees of the applications they started at the window: enough to find one again
// (children's names masked), and the consent they recorded.

export const party = z.enum(['mother', 'father']);
export const iso = z.iso.datetime({ offset: true });
const recorded = z.object({
  id: z.uuid(),
  kind: z.literal('clerk-assisted'),
  purpose: z.string(),
  method: z.enum(['signed-form', 'in-person-identity-check']),
  recordedAt: iso,
});
export const started = z.object({
  id: z.uuid(),
  status: z.string(),
  applicant: z.object({ party, citizenId: z.uuid(), nameMasked: z.string() }),
  consent: recorded,
});
export const startedEntry = z.object({
  id: z.uuid(),
  bundle: z.string(),
  status: z.string(),
  region: z.string(),
  submittedAt: iso,
  dueDate: z.iso.date(),
  completedAt: iso.nullable(),
  withdrawnAt: iso.nullable(),
  children: z.array(z.string()).describe('masked'),
  applicant: z.object({ party, citizenId: z.uuid() }),
  consent: recorded,
});

export const recordedOf = (row: ConsentRow): z.infer<typeof recorded> => ({
  id: row.id,
  kind: 'clerk-assisted',
  purpose: row.purpose ?? CLERK_PURPOSE,
  method: row.method ?? 'signed-form',
  recordedAt: row.at.toISOString(),
});
