import { createClient } from '../../../support/client.ts';
import { type Evidence, type InvariantResult, result } from './types.ts';

// 5. Every certificate verifies through the public verification route (signature, issuer,
// status list, schema), and what a verifier learns matches the database: a certificate the
// database holds as revoked or suspended does not verify, every other one does. The owner's
// own list (through the gateway) is compared with the database too.

interface Listed {
  certificates: { id: string; credential: string }[];
}

async function inBatches<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}

export async function certificatesVerify(e: Evidence): Promise<InvariantResult> {
  const rows = await e.cp.sql<{ id: string; application_id: string; revoked: boolean; suspended: boolean }[]>`
    select id, application_id, revoked_at is not null as revoked, suspended_at is not null as suspended
    from certificates.certificates where application_id = any(${[...e.accepted]}::uuid[])`;
  const expected = new Map(rows.map((r) => [r.id, r]));
  const anonymous = createClient(e.cp.origin);
  const problems: string[] = [];
  let listed = 0;
  let verified = 0;
  let matching = 0;
  await inBatches([...e.owners.entries()], 4, async ([applicationId, owner]) => {
    const list = await owner.get<Listed>(`/api/applications/${applicationId}/certificates`);
    const mine = rows.filter((r) => r.application_id === applicationId);
    if (list.status !== 200) {
      if (mine.length > 0) problems.push(`${applicationId}: certificates list answered ${list.status}`);
      return;
    }
    if (list.body.certificates.length !== mine.length) {
      problems.push(
        `${applicationId}: ${list.body.certificates.length} listed, ${mine.length} in the database`,
      );
    }
    for (const certificate of list.body.certificates) {
      listed += 1;
      const answer = await anonymous.post<{
        verified: boolean;
        checks: { check: string; outcome: string }[];
      }>('/api/certificates/verify', { credential: certificate.credential });
      const row = expected.get(certificate.id);
      const valid = row !== undefined && !row.revoked && !row.suspended;
      if (answer.body?.verified) verified += 1;
      if (answer.status === 200 && answer.body.verified === valid) matching += 1;
      else {
        const failed = answer.body?.checks?.filter((c) => c.outcome === 'failed').map((c) => c.check);
        problems.push(
          `${certificate.id}: verify answered ${answer.status} verified=${answer.body?.verified} (${failed}), database says ${row ? (valid ? 'valid' : 'revoked/suspended') : 'unknown'}`,
        );
      }
    }
  });
  return result(
    '5',
    'every certificate verifies and its status matches the database',
    { inDatabase: rows.length, listedToOwners: listed, verified, statusMatchesDatabase: matching },
    problems,
    problems.length === 0 && listed === rows.length,
  );
}
