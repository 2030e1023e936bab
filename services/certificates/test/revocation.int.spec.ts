import { randomUUID } from 'node:crypto';
import { certificateRevocationRequested } from '@onego/contracts';
import { eventually } from '@onego/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificateRequest } from './fixtures.ts';
import { type Certificates, startCertificates } from './harness.ts';
import { type IdentityStub, startIdentityStub } from './identity.ts';
import { statusBit } from './independent.ts';

// Revocation (final) and suspension (reversible) by operators; revocation at the applications
// service's request; and a corrected reissue, which revokes the version it replaces. Each is
// checked at the verify endpoint AND by decoding the published status list independently.

let h: Certificates;
let identity: IdentityStub;
beforeAll(async () => {
  identity = await startIdentityStub();
  h = await startCertificates(identity.env);
});
afterAll(async () => {
  await h?.close();
  await identity?.close();
});

const operator = randomUUID();
async function act(
  id: string,
  action: string,
  scope = 'operator',
  reason = '核查发现信息有误 facts found wrong',
) {
  return h.service.app.inject({
    method: 'POST',
    url: `/api/certificates/${id}/${action}`,
    headers: { authorization: `Bearer ${await identity.token(operator, scope)}` },
    payload: { reason },
  });
}

async function issueOne(type: Parameters<typeof certificateRequest>[0] = 'vaccination-certificate') {
  const [row] = await h.issue(certificateRequest(type));
  if (!row) throw new Error('no certificate');
  return row;
}

const verdict = async (credential: string) => {
  const body = (await h.verify(credential)).json();
  return {
    verified: body.verified,
    status: body.checks.find((c: { check: string }) => c.check === 'status'),
  };
};

describe('an operator revoking a certificate', () => {
  it('flips its bit in the published revocation list, and only its bit', async () => {
    // Given three certificates of one department
    const [target, other, third] = [await issueOne(), await issueOne(), await issueOne()];

    // When an operator revokes one, with a reason
    const response = await act(target.id, 'revoke');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ id: target.id, status: 'revoked', changed: true });

    // Then the verify endpoint says revoked, and so does the list decoded by the specification
    expect(await verdict(target.credential)).toEqual({
      verified: false,
      status: { check: 'status', outcome: 'failed', reason: 'revoked by its issuer' },
    });
    expect(await statusBit(h, target.credential, 'cdc', 'revocation')).toBe(true);

    // And the others are untouched, both ways
    for (const row of [other, third]) {
      expect((await verdict(row.credential)).verified).toBe(true);
      expect(await statusBit(h, row.credential, 'cdc', 'revocation')).toBe(false);
    }

    // And the reason is on record, not in what is published
    const [stored] = await h.db
      .select()
      .from(h.schema.certificates)
      .where(eq(h.schema.certificates.id, target.id));
    expect(stored?.revocationReason).toBe('核查发现信息有误 facts found wrong');
  });

  it('is final: revoking again changes nothing, suspending is refused', async () => {
    const row = await issueOne();
    await act(row.id, 'revoke');
    expect((await act(row.id, 'revoke')).json()).toMatchObject({ status: 'revoked', changed: false });
    expect((await act(row.id, 'suspend')).statusCode).toBe(409);
    expect((await act(row.id, 'unsuspend')).statusCode).toBe(409);
  });

  it('answers 404 for a certificate that does not exist', async () => {
    expect((await act('1.2.156.3005.2.nothing-here', 'revoke')).statusCode).toBe(404);
  });

  it('is refused to a citizen (403) and to a caller without a token (401)', async () => {
    const row = await issueOne();
    expect((await act(row.id, 'revoke', 'citizen')).statusCode).toBe(403);
    const anonymous = await h.service.app.inject({
      method: 'POST',
      url: `/api/certificates/${row.id}/revoke`,
      payload: { reason: 'x' },
    });
    expect(anonymous.statusCode).toBe(401);
    expect((await verdict(row.credential)).verified).toBe(true);
  });

  it('requires a reason', async () => {
    const row = await issueOne();
    const response = await act(row.id, 'revoke', 'operator', '  ');
    expect(response.statusCode).toBe(400);
    expect(response.json().issues[0].path).toBe('reason');
  });
});

describe('an operator suspending a certificate', () => {
  it('sets its suspension bit until the suspension is lifted', async () => {
    // Given a certificate
    const row = await issueOne('child-health-handbook');

    // When it is suspended
    expect((await act(row.id, 'suspend')).json()).toMatchObject({ status: 'suspended', changed: true });

    // Then it does not verify, and the suspension list says so
    expect(await verdict(row.credential)).toMatchObject({
      verified: false,
      status: { reason: 'suspended by its issuer' },
    });
    expect(await statusBit(h, row.credential, 'maternal-child-health', 'suspension')).toBe(true);
    expect(await statusBit(h, row.credential, 'maternal-child-health', 'revocation')).toBe(false);

    // When the suspension is lifted, it verifies again
    expect((await act(row.id, 'unsuspend')).json()).toMatchObject({ status: 'valid', changed: true });
    expect((await verdict(row.credential)).verified).toBe(true);
    expect(await statusBit(h, row.credential, 'maternal-child-health', 'suspension')).toBe(false);
  });
});

describe('the applications service asking for a revocation', () => {
  it('revokes the item’s certificate (a withdrawal)', async () => {
    // Given an issued certificate of an item
    const request = certificateRequest('medical-insurance-enrolment-voucher');
    const [row] = await h.issue(request);
    if (!row) throw new Error('no certificate');

    // When the applications service asks for its revocation
    await h.publish(
      certificateRevocationRequested,
      {
        applicationId: request.applicationId,
        itemId: request.itemId,
        childIndex: request.childIndex,
        itemKey: request.itemKey,
        department: request.department,
        reason: { code: 'WITHDRAWN', message: '申请人撤回申请 The applicant withdrew' },
      },
      request.applicationId,
    );

    // Then it is revoked, with the reason, and the published list says so
    await eventually(
      async () => {
        const [stored] = await h.db
          .select()
          .from(h.schema.certificates)
          .where(eq(h.schema.certificates.id, row.id));
        return stored?.revokedAt ? stored : undefined;
      },
      10_000,
      'the certificate to be revoked',
    );
    expect(await statusBit(h, row.credential, 'medical-insurance', 'revocation')).toBe(true);
    expect((await verdict(row.credential)).verified).toBe(false);
  });
});

describe('a corrected reissue', () => {
  it('issues version 2 of the same identifier and revokes version 1', async () => {
    // Given an item's certificate, version 1
    const request = certificateRequest('household-registration-record');
    const [first] = await h.issue(request);
    if (!first) throw new Error('no certificate');

    // When the certificate is requested again with a corrected address
    const corrected = {
      ...request,
      facts: { ...request.facts, householdAddress: '湖南省汨罗市归义镇正街2号' },
    };
    const [second, previous] = await h.issue(corrected as typeof request);

    // Then version 2 has the same serial and states the correction; version 1 is revoked
    expect(second).toMatchObject({ serial: first.serial, version: 2, itemId: request.itemId });
    expect(second?.id.split('.').slice(0, -2)).toEqual(first.id.split('.').slice(0, -2));
    expect(second?.id.split('.').at(-2)).toBe('002');
    expect(previous).toMatchObject({
      id: first.id,
      revocationReason: `SUPERSEDED: corrected and reissued as ${second?.id}`,
    });
    expect((await verdict(first.credential)).verified).toBe(false);
    expect(await statusBit(h, first.credential, 'public-security', 'revocation')).toBe(true);
    expect((await verdict(second?.credential ?? '')).verified).toBe(true);

    // And each version has its own status index
    const slots = await h.db.select().from(h.schema.statusSlots);
    const ofItem = slots.filter((s) => s.itemId === request.itemId);
    expect(new Set(ofItem.map((s) => `${s.list}/${s.index}`)).size).toBe(2);
  });

  it('does nothing when the same facts are requested again', async () => {
    const request = certificateRequest('household-registration-record');
    await h.issue(request);
    const again = await h.issue({ ...request, facts: structuredClone(request.facts) });
    expect(again).toHaveLength(1);
    expect(again[0]?.revokedAt).toBeNull();
  });
});
