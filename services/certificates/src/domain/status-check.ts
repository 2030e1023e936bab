import { bitAt, decodeBitstring, STATUS_LIST_LENGTH } from './bitstring.ts';
import { parseCompactJws } from './compact-jws.ts';
import { CheckFailure, verifyIssuerSignature } from './issuer-signature.ts';
import type { VerifierContext } from './verification.ts';

// The Validate Algorithm of Bitstring Status List v1.0 (§3.2), for each entry of a credential's
// `credentialStatus`: dereference the list, verify its proof (STATUS_RETRIEVAL_ERROR,
// STATUS_VERIFICATION_ERROR), match the purpose, expand the bitstring, refuse one shorter than
// 131,072 entries (STATUS_LIST_LENGTH_ERROR) or an index outside it (RANGE_ERROR), read the bit.
// A list must come from the credential's own issuer: only the department may change the status
// of its certificates.

export interface StatusResult {
  purpose: string;
  statusListCredential: string;
  statusListIndex: string;
  /** The bit: true means set (revoked, or suspended). */
  set: boolean;
}

type Entry = Record<string, unknown>;

async function readEntry(entry: Entry, issuer: unknown, context: VerifierContext): Promise<StatusResult> {
  const { statusPurpose: purpose, statusListIndex, statusListCredential: url } = entry;
  if (typeof purpose !== 'string' || typeof url !== 'string' || typeof statusListIndex !== 'string') {
    throw new Error('MALFORMED_VALUE_ERROR: a status entry lacks its purpose, index or list');
  }
  if (!/^(0|[1-9][0-9]{0,15})$/.test(statusListIndex))
    throw new Error('MALFORMED_VALUE_ERROR: statusListIndex');
  if (entry.statusSize !== undefined && entry.statusSize !== 1) {
    throw new Error('MALFORMED_VALUE_ERROR: only statusSize 1 is supported');
  }
  const published = await context.statusList(url);
  if (!published) throw new Error(`STATUS_RETRIEVAL_ERROR: cannot retrieve ${url}`);
  const list = parseCompactJws(published);
  try {
    await verifyIssuerSignature(list, context);
  } catch (error) {
    const why = error instanceof CheckFailure ? error.message : String(error);
    throw new Error(`STATUS_VERIFICATION_ERROR: the status list ${url} does not verify (${why})`);
  }
  const subject = list.payload.credentialSubject as Entry | undefined;
  const types = list.payload.type;
  if (
    !Array.isArray(types) ||
    !types.includes('BitstringStatusListCredential') ||
    subject?.type !== 'BitstringStatusList'
  ) {
    throw new Error(`STATUS_VERIFICATION_ERROR: ${url} is not a BitstringStatusListCredential`);
  }
  if (list.payload.issuer !== issuer) throw new Error(`STATUS_VERIFICATION_ERROR: ${url} has another issuer`);
  const purposes = Array.isArray(subject.statusPurpose) ? subject.statusPurpose : [subject.statusPurpose];
  if (!purposes.includes(purpose))
    throw new Error(`STATUS_VERIFICATION_ERROR: ${url} is not a ${purpose} list`);
  if (typeof subject.encodedList !== 'string')
    throw new Error(`MALFORMED_VALUE_ERROR: ${url} has no encodedList`);
  const bits = decodeBitstring(subject.encodedList);
  if (bits.length * 8 < STATUS_LIST_LENGTH) throw new Error(`STATUS_LIST_LENGTH_ERROR: ${url} is too short`);
  const index = Number(statusListIndex);
  if (index >= bits.length * 8) throw new Error(`RANGE_ERROR: index ${index} is outside ${url}`);
  return { purpose, statusListCredential: url, statusListIndex, set: bitAt(bits, index) };
}

/** Reads every status entry; the problem is why the status check fails, or null. */
export async function checkStatus(
  payload: Record<string, unknown>,
  context: VerifierContext,
): Promise<{ problem: string | null; entries: StatusResult[] }> {
  const status = payload.credentialStatus;
  if (status === undefined) return { problem: null, entries: [] };
  const entries = (Array.isArray(status) ? status : [status]) as Entry[];
  const results: StatusResult[] = [];
  try {
    for (const entry of entries) {
      if (entry?.type !== 'BitstringStatusListEntry')
        throw new Error(`unsupported status entry type ${String(entry?.type)}`);
      results.push(await readEntry(entry, payload.issuer, context));
    }
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error), entries: results };
  }
  const set = results.filter((r) => r.set && (r.purpose === 'revocation' || r.purpose === 'suspension'));
  if (set.some((r) => r.purpose === 'revocation'))
    return { problem: 'revoked by its issuer', entries: results };
  if (set.length > 0) return { problem: 'suspended by its issuer', entries: results };
  return { problem: null, entries: results };
}
