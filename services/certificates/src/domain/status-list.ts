import type { Department } from '@onego/contracts';
import { VC_V2_CONTEXT } from './credential.ts';

// The two status purposes every OneGo certificate carries (Bitstring Status List v1.0 §2.1):
// `revocation` (final) and `suspension` (reversible). A certificate holds the same index in
// list N of each purpose, so one allocation serves both.

export const STATUS_PURPOSES = ['revocation', 'suspension'] as const;
export type StatusPurpose = (typeof STATUS_PURPOSES)[number];

/** How long verifiers may cache a list (the `ttl`, aligned with Cache-Control, §2.2). */
export const STATUS_LIST_TTL_SECONDS = 60;

/** The stable URL of one published status list credential. */
export const statusListUrl = (origin: string, department: Department, list: number, purpose: StatusPurpose) =>
  `${origin}/api/certificates/issuers/${department}/status-lists/${list}/${purpose}`;

export interface StatusEntry {
  id: string;
  type: 'BitstringStatusListEntry';
  statusPurpose: StatusPurpose;
  statusListIndex: string;
  statusListCredential: string;
}

/** The credential's `credentialStatus`: one entry per purpose, at the same index of list N. */
export function statusEntries(
  origin: string,
  department: Department,
  slot: { list: number; index: number },
): StatusEntry[] {
  return STATUS_PURPOSES.map((purpose) => {
    const url = statusListUrl(origin, department, slot.list, purpose);
    return {
      // The entry's own id must not be the list's URL (§2.1); the fragment names the index.
      id: `${url}#${slot.index}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: purpose,
      statusListIndex: String(slot.index),
      statusListCredential: url,
    };
  });
}

export interface StatusListCredential {
  '@context': [typeof VC_V2_CONTEXT];
  id: string;
  type: ['VerifiableCredential', 'BitstringStatusListCredential'];
  issuer: string;
  validFrom: string;
  credentialSubject: {
    id: string;
    type: 'BitstringStatusList';
    statusPurpose: StatusPurpose;
    encodedList: string;
    ttl: number;
  };
}

/**
 * The unsecured status list credential (§2.2). It has no `validUntil`: it is re-signed when a
 * bit changes, and `validFrom` says as of when it is true; `ttl` tells verifiers how long to
 * cache it.
 */
export function statusListCredential(input: {
  url: string;
  issuer: string;
  purpose: StatusPurpose;
  encodedList: string;
  asOf: Date;
}): StatusListCredential {
  return {
    '@context': [VC_V2_CONTEXT],
    id: input.url,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: input.issuer,
    validFrom: input.asOf.toISOString(),
    credentialSubject: {
      id: `${input.url}#list`,
      type: 'BitstringStatusList',
      statusPurpose: input.purpose,
      encodedList: input.encodedList,
      ttl: STATUS_LIST_TTL_SECONDS * 1000,
    },
  };
}
