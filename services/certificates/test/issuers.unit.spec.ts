import { isUnifiedSocialCreditCode, makeCertificateId, parseCertificateId } from '@onego/codes';
import { CERTIFICATE_TYPES, DEPARTMENTS } from '@onego/contracts';
import { describe, expect, it } from 'vitest';
import { requestProblem } from '../src/domain/request.ts';
import { CERTIFICATE_KINDS, ISSUERS } from '../src/issuers.ts';
import { certificateRequest } from './fixtures.ts';

describe('the issuers and certificate kinds', () => {
  it('give every department a valid, distinct unified social credit code of 汨罗市', () => {
    const codes = DEPARTMENTS.map((d) => ISSUERS[d].creditCode);
    for (const code of codes) {
      expect(isUnifiedSocialCreditCode(code)).toBe(true);
      expect(code.slice(2, 8)).toBe('430681');
    }
    expect(new Set(codes).size).toBe(DEPARTMENTS.length);
  });

  it('give every certificate type a distinct type code that makes valid identifiers', () => {
    const typeCodes = CERTIFICATE_TYPES.map((t) => CERTIFICATE_KINDS[t].typeCode);
    expect(new Set(typeCodes).size).toBe(CERTIFICATE_TYPES.length);
    for (const typeCode of typeCodes) {
      const id = makeCertificateId({
        typeCode,
        issuerCode: ISSUERS.health.creditCode,
        serial: 1,
        version: 1,
      });
      expect(parseCertificateId(id).ok).toBe(true);
    }
  });
});

describe('a certificate request', () => {
  it.each(CERTIFICATE_TYPES)('is accepted for a %s from the department that issues it', (type) => {
    expect(requestProblem(certificateRequest(type))).toBeNull();
  });

  it('is refused when it asks one department to sign another department’s certificate', () => {
    // Given a birth certificate request that claims to come from public security
    const request = {
      ...certificateRequest('birth-medical-certificate'),
      department: 'public-security' as const,
    };

    // Then it names the department that issues it
    expect(requestProblem(request)).toBe(
      'birth-medical-certificate is issued by health, not public-security',
    );
  });

  it('is refused when the certificate type is not the one the item yields', () => {
    const request = {
      ...certificateRequest('birth-medical-certificate'),
      certificateType: 'vaccination-certificate' as const,
    };
    expect(requestProblem(request)).toBe(
      'item birth-certificate yields birth-medical-certificate, not vaccination-certificate',
    );
  });

  it('is refused for an item that yields no certificate', () => {
    const request = {
      ...certificateRequest('birth-medical-certificate'),
      itemKey: 'social-security-card' as const,
    };
    expect(requestProblem(request)).toBe('item social-security-card yields no certificate');
  });
});
