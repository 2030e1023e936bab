import { z } from 'zod';
import type { ConsentRow, ConsentStore } from '../consents.ts';
import { otherPartyOf } from '../domain/consents.ts';

// Consents as a citizen reads them in their account: who, when, for what, and in what state.

export const errorBody = z.object({
  error: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

const party = z.enum(['mother', 'father']);
const application = z.object({ id: z.uuid(), bundle: z.string() });
const iso = z.iso.datetime({ offset: true });

export const OTHER_PARENT_PURPOSE = 'see this application and its progress (read only)';

export const otherParentConsent = z.object({
  id: z.uuid(),
  kind: z.literal('other-parent'),
  /** Whether the caller granted it (the applicant) or it was granted to them (the other parent). */
  role: z.enum(['granted-by-you', 'granted-to-you']),
  application,
  grantee: z.literal('other-parent'),
  /** The parent on the form who granted it, and the one it was granted to. */
  grantor: party,
  party,
  purpose: z.string(),
  state: z.enum(['granted', 'revoked']),
  grantedAt: iso,
  revokedAt: iso.nullable(),
});

export const clerkAssistedConsent = z.object({
  id: z.uuid(),
  kind: z.literal('clerk-assisted'),
  application,
  /** Which parent on the form the citizen is: the applicant the clerk applied for. */
  applicant: party,
  clerk: z.object({ id: z.uuid(), name: z.string(), region: z.string().nullable() }),
  purpose: z.string(),
  method: z.enum(['signed-form', 'in-person-identity-check']),
  statement: z.string(),
  reference: z.string().nullable(),
  recordedAt: iso,
});

export const consentEntry = z.discriminatedUnion('kind', [otherParentConsent, clerkAssistedConsent]);

export function otherParentEntryOf(
  row: ConsentRow,
  bundle: string,
  me: string,
): z.infer<typeof otherParentConsent> {
  const grantee = row.granteeParty ?? otherPartyOf(row.citizenParty);
  return {
    id: row.id,
    kind: 'other-parent',
    role: row.citizenId === me ? 'granted-by-you' : 'granted-to-you',
    application: { id: row.applicationId, bundle },
    grantee: 'other-parent',
    grantor: row.citizenParty,
    party: grantee,
    purpose: OTHER_PARENT_PURPOSE,
    state: row.revokedAt ? 'revoked' : 'granted',
    grantedAt: row.at.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

export function clerkEntryOf(
  row: ConsentRow,
  bundle: string,
  consents: ConsentStore,
): z.infer<typeof clerkAssistedConsent> {
  const opened = consents.openClerkFields(row);
  const clerkId = row.clerkId ?? '';
  return {
    id: row.id,
    kind: 'clerk-assisted',
    application: { id: row.applicationId, bundle },
    applicant: row.citizenParty,
    clerk: { id: clerkId, name: opened.clerkName ?? clerkId, region: row.clerkRegion },
    purpose: row.purpose ?? '',
    method: row.method ?? 'signed-form',
    statement: opened.statement ?? '',
    reference: opened.reference,
    recordedAt: row.at.toISOString(),
  };
}

export const entryOf = (
  row: ConsentRow,
  bundle: string,
  me: string,
  consents: ConsentStore,
): z.infer<typeof consentEntry> =>
  row.kind === 'other-parent' ? otherParentEntryOf(row, bundle, me) : clerkEntryOf(row, bundle, consents);
