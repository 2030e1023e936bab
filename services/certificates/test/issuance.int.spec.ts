import { randomUUID } from 'node:crypto';
import { parseCertificateId } from '@onego/codes';
import { CERTIFICATE_TYPES } from '@onego/contracts';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { and, eq } from 'drizzle-orm';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CERTIFICATE_KINDS, ISSUERS } from '../src/issuers.ts';
import { certificateRequest, FACTS } from './fixtures.ts';
import { type Certificates, PUBLIC_ORIGIN, startCertificates } from './harness.ts';

let h: Certificates;
beforeAll(async () => {
  h = await startCertificates();
});
afterAll(() => h?.close());

const rowsOfItem = async (itemId: string) =>
  (await h.db.select().from(h.schema.certificates).where(eq(h.schema.certificates.itemId, itemId))).map(
    h.open,
  );

async function jwksOf(department: string) {
  const response = await h.service.app.inject({ url: `/api/certificates/issuers/${department}/jwks.json` });
  expect(response.statusCode).toBe(200);
  return response.json();
}

async function schemaOf(type: string) {
  const response = await h.service.app.inject({ url: `/api/certificates/schemas/${type}.json` });
  expect(response.statusCode).toBe(200);
  return response.json();
}

describe('issuing a certificate', () => {
  it.each(CERTIFICATE_TYPES)('issues a %s signed by its department, once, and says so', async (type) => {
    // Given an approved item whose certificate the applications service requests
    const request = certificateRequest(type);

    // When the request arrives
    await h.request(request);
    await h.settled();

    // Then exactly one certificate exists for the item, with a valid GB/T 36904 identifier
    const rows = await rowsOfItem(request.itemId);
    expect(rows).toHaveLength(1);
    const [row] = rows;
    if (!row) throw new Error('no certificate');
    expect(parseCertificateId(row.id)).toMatchObject({
      ok: true,
      typeCode: CERTIFICATE_KINDS[type].typeCode,
      issuerCode: ISSUERS[request.department].creditCode,
      serial: row.serial,
      version: 1,
    });

    // And the credential verifies against the department's published keys as a vc+jwt
    const { payload, protectedHeader } = await jwtVerify(
      row.credential,
      createLocalJWKSet(await jwksOf(request.department)),
      {
        typ: 'vc+jwt',
        algorithms: ['EdDSA'],
      },
    );
    const did = `did:web:onego.test:api:certificates:issuers:${request.department}`;
    expect(protectedHeader).toEqual({ alg: 'EdDSA', typ: 'vc+jwt', kid: `${did}#${row.issuerKid}` });
    expect(payload.id).toBe(`urn:gbt36904:${row.id}`);
    expect(payload.issuer).toBe(did);
    expect(PUBLIC_ORIGIN).toBe('https://onego.test');
    expect(payload.credentialSubject).toEqual(FACTS[type]);

    // And it conforms to the JSON Schema it names
    const validate = addFormats.default(new Ajv2020({ strict: false })).compile(await schemaOf(type));
    expect(validate(payload), JSON.stringify(validate.errors)).toBe(true);

    // And one certificate.issued event carries its identifier
    const issued = (await h.issuedEvents()).filter((e) => e.data.itemId === request.itemId);
    expect(issued).toHaveLength(1);
    expect(issued[0]?.data).toMatchObject({
      applicationId: request.applicationId,
      certificateType: type,
      certificateId: row.id,
      issuedAt: row.issuedAt.toISOString(),
    });
    expect(issued[0]?.subject).toBe(request.applicationId);
  });

  it('does not issue a second certificate when the same request is delivered twice', async () => {
    // Given one request event, published twice under different NATS message ids (so JetStream
    // keeps both copies, as after a relay's retry outside the duplicate window)
    const request = certificateRequest('vaccination-certificate');
    const event = h.event(request);
    await h.request(event, randomUUID());
    await h.request(event, randomUUID());

    // And a second, distinct request event for the same item
    const { applicationId, ownerId, itemId } = request;
    await h.request(certificateRequest('vaccination-certificate', { applicationId, ownerId, itemId }));
    await h.settled();

    // Then the item has one certificate, and one issued event
    expect(await rowsOfItem(request.itemId)).toHaveLength(1);
    const issued = (await h.issuedEvents()).filter((e) => e.data.itemId === request.itemId);
    expect(issued).toHaveLength(1);
  });

  it('gives concurrent certificates of one department distinct, gap-free serials', async () => {
    // Given 50 requests for different items of one department, all at once
    const requests = Array.from({ length: 50 }, (_, i) =>
      certificateRequest('child-health-handbook', { childIndex: i % 8 }),
    );
    await Promise.all(requests.map((r) => h.request(r)));
    await h.settled();

    // Then each has its own serial and identifier
    const rows = await Promise.all(requests.map(async (r) => (await rowsOfItem(r.itemId))[0]));
    const serials = rows.map((r) => r?.serial);
    expect(new Set(serials).size).toBe(50);
    expect(new Set(rows.map((r) => r?.id)).size).toBe(50);

    // And the department's serials for the type run 1..n without a gap
    const all = await h.db
      .select({ serial: h.schema.certificates.serial })
      .from(h.schema.certificates)
      .where(
        and(
          eq(h.schema.certificates.department, 'maternal-child-health'),
          eq(h.schema.certificates.certificateType, 'child-health-handbook'),
        ),
      );
    const sorted = all.map((r) => r.serial).sort((a, b) => a - b);
    expect(sorted).toEqual(Array.from({ length: sorted.length }, (_, i) => i + 1));
  });

  it('sets aside a request that asks one department to sign another’s certificate', async () => {
    // Given a birth certificate request that names public security as the issuer
    const request = {
      ...certificateRequest('birth-medical-certificate'),
      department: 'public-security' as const,
    };

    // When it arrives
    const event = await h.request(request);
    await h.settled();

    // Then nothing is issued, and it is a dead letter with the reason
    expect(await rowsOfItem(request.itemId)).toHaveLength(0);
    const [dead] = await h.db
      .select()
      .from(h.schema.deadLetters)
      .where(eq(h.schema.deadLetters.messageId, event.id));
    expect(dead?.reason).toBe('poison');
    expect(dead?.error).toContain('birth-medical-certificate is issued by health, not public-security');
  });
});
