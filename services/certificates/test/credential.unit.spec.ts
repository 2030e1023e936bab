import { makeCertificateId, parseCertificateId } from '@onego/codes';
import { CERTIFICATE_TYPES, type CertificateType, certificateFactSchemas } from '@onego/contracts';
import { describe, expect, it } from 'vitest';
import {
  buildCredential,
  CREDENTIAL_ID_PREFIX,
  CREDENTIAL_TYPE_NAMES,
  VC_V2_CONTEXT,
} from '../src/domain/credential.ts';
import { statusEntries } from '../src/domain/status-list.ts';
import { CERTIFICATE_KINDS, ISSUERS } from '../src/issuers.ts';
import { certificateRequest, FACTS } from './fixtures.ts';

const origin = 'https://onego.example.gov.cn';
const issuedAt = new Date('2026-11-21T02:03:04.000Z');

function credentialFor(type: CertificateType, serial = 42) {
  const request = certificateRequest(type);
  const certificateId = makeCertificateId({
    typeCode: CERTIFICATE_KINDS[type].typeCode,
    issuerCode: ISSUERS[request.department].creditCode,
    serial,
    version: 1,
  });
  const credential = buildCredential({
    certificateId,
    origin,
    department: request.department,
    certificateType: type,
    facts: request.facts,
    issuedAt,
    status: statusEntries(origin, request.department, { list: 1, index: 94567 }),
  });
  return { request, certificateId, credential };
}

describe('the credential of a certificate', () => {
  it.each(CERTIFICATE_TYPES)('is a VC 2.0 credential of its own type for a %s', (type) => {
    // Given a certificate's facts, identifier and issuing department
    // When its credential is built
    const { request, credential } = credentialFor(type);

    // Then it has the VC 2.0 context first, both types, the department as issuer and a validFrom
    expect(credential['@context'][0]).toBe(VC_V2_CONTEXT);
    expect(credential.type).toEqual(['VerifiableCredential', CREDENTIAL_TYPE_NAMES[type]]);
    expect(credential.issuer).toBe(
      `did:web:onego.example.gov.cn:api:certificates:issuers:${request.department}`,
    );
    expect(credential.validFrom).toBe('2026-11-21T02:03:04.000Z');
    expect(credential.credentialSchema).toEqual({
      id: `${origin}/api/certificates/schemas/${type}.json`,
      type: 'JsonSchema',
    });
  });

  it.each(CERTIFICATE_TYPES)('is identified by a valid GB/T 36904 identifier for a %s', (type) => {
    // Given the identifier allocated for the certificate
    const { request, certificateId, credential } = credentialFor(type, 1234);

    // Then the credential id is that identifier as a URN, and it parses back to its parts
    expect(credential.id).toBe(`${CREDENTIAL_ID_PREFIX}${certificateId}`);
    expect(URL.canParse(credential.id)).toBe(true);
    const parsed = parseCertificateId(credential.id.slice(CREDENTIAL_ID_PREFIX.length));
    expect(parsed).toEqual({
      ok: true,
      typeCode: CERTIFICATE_KINDS[type].typeCode,
      issuerCode: ISSUERS[request.department].creditCode,
      serial: 1234,
      version: 1,
    });
  });

  it.each(CERTIFICATE_TYPES)('states exactly the facts of a %s, and nothing else', (type) => {
    // Given the facts the applications service sent
    const { credential } = credentialFor(type);

    // Then the subject is those facts: no application, item or account ids
    expect(credential.credentialSubject).toEqual(FACTS[type]);
    expect(certificateFactSchemas[type].safeParse(credential.credentialSubject).success).toBe(true);
  });

  it('carries no JWT registered claims and no `vc` wrapper beside the credential', () => {
    const { credential } = credentialFor('birth-medical-certificate');
    expect(Object.keys(credential).sort()).toEqual(
      [
        '@context',
        'credentialSchema',
        'credentialStatus',
        'credentialSubject',
        'id',
        'issuer',
        'type',
        'validFrom',
      ].sort(),
    );
  });

  it('points to its revocation and suspension entries, at the same index of the same list', () => {
    // Given a certificate holding index 94567 of the department's list 1
    const { request, credential } = credentialFor('vaccination-certificate');

    // Then it has one Bitstring Status List entry per purpose, each naming its list's URL
    const base = `${origin}/api/certificates/issuers/${request.department}/status-lists/1`;
    expect(credential.credentialStatus).toEqual([
      {
        id: `${base}/revocation#94567`,
        type: 'BitstringStatusListEntry',
        statusPurpose: 'revocation',
        statusListIndex: '94567',
        statusListCredential: `${base}/revocation`,
      },
      {
        id: `${base}/suspension#94567`,
        type: 'BitstringStatusListEntry',
        statusPurpose: 'suspension',
        statusListIndex: '94567',
        statusListCredential: `${base}/suspension`,
      },
    ]);
  });

  it('does not share the facts object with the request', () => {
    // Given a credential built from a request's facts
    const { request, credential } = credentialFor('birth-medical-certificate');

    // When the request's facts are changed afterwards
    (request.facts as { name: string }).name = 'changed';

    // Then the credential still states what it was built with
    expect(credential.credentialSubject.name).toBe(FACTS['birth-medical-certificate'].name);
  });
});
