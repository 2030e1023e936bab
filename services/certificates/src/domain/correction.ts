import type { CertificateFacts, CertificateType } from '@onego/contracts';

// A second request for an item's certificate is either the same request again (a redelivery
// the inbox did not catch, or a re-request after a restart): nothing to do; or a correction:
// the department corrected the facts, and the certificate is reissued as the next GB/T 36904
// version of the same serial, the previous version revoked.

type Facts = CertificateFacts[CertificateType];

/** Facts compared as data: key order does not matter, every value does. */
export function sameFacts(a: Facts, b: Facts): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export type RequestOutcome =
  | { kind: 'issue-first' }
  | { kind: 'already-issued'; id: string }
  | { kind: 'correct'; previous: { id: string; serial: number; version: number } };

/** What a certificate request means, given the item's latest certificate (if any). */
export function decideRequest(
  latest: { id: string; serial: number; version: number; facts: Facts } | undefined,
  facts: Facts,
): RequestOutcome {
  if (!latest) return { kind: 'issue-first' };
  if (sameFacts(latest.facts, facts)) return { kind: 'already-issued', id: latest.id };
  return { kind: 'correct', previous: { id: latest.id, serial: latest.serial, version: latest.version } };
}

/** The reason recorded when a corrected reissue supersedes a version. */
export const supersededBy = (id: string) => `SUPERSEDED: corrected and reissued as ${id}`;
