import { departmentContracts } from '@onego/contracts';
import { describe, expect, it } from 'vitest';
import { health } from '../src/domain/health.ts';
import { canonicalDecided, payloadOf, refsOf } from './fixture/example.ts';

const contract = departmentContracts.health;
const caseRef = refsOf('health').caseRef;

describe('the health translator', () => {
  it('turns the example form’s health payload into a request the health system’s contract accepts', () => {
    // Given the health payload of the canonical example form
    const payload = payloadOf('health');
    // When it is translated
    const request = health.request(payload, refsOf('health'));
    // Then the health system's schema accepts it, in its own words and codes
    expect(contract.request.schema.safeParse(request).error).toBeUndefined();
    expect(request).toMatchObject({
      caseRef,
      newborn: {
        name: '王小满',
        gender: 'F',
        institution: '汨罗市人民医院',
        weightG: 3300,
        condition: 'GOOD',
      },
      mother: { name: '李芳', docType: '111', docNo: '430681199305120022', nationality: 'CHN' },
      maritalStatus: 'MARRIED',
      marriageCertNo: 'J430681-2019-000123',
    });
  });

  it('turns an issued certificate into an approval with the birth certificate number', () => {
    // Given the health system issued certificate Q430681123
    const decision = contract.decision.schema.parse({
      caseRef,
      decidedAt: '2026-11-22T11:00:00+08:00',
      result: 'ISSUED',
      certificateNo: 'Q430681123',
    });
    // When it is translated, then it is a valid canonical approval with that number
    const decided = canonicalDecided('birth-certificate', health.decision(decision));
    expect(decided.error).toBeUndefined();
    expect(decided.data?.decision).toEqual({
      outcome: 'approved',
      outputs: { birthCertificateNumber: 'Q430681123' },
    });
  });

  it('turns a refusal into a canonical rejection with the department’s code and text', () => {
    // Given the health system refused the application
    const decision = contract.decision.schema.parse({
      caseRef,
      decidedAt: '2026-11-22T11:00:00+08:00',
      result: 'REFUSED',
      refusal: { code: 'BIRTH_RECORD_NOT_FOUND', text: '未查到分娩记录' },
    });
    // When it is translated, then the code and the text are kept
    const decided = canonicalDecided('birth-certificate', health.decision(decision));
    expect(decided.data?.decision).toEqual({
      outcome: 'rejected',
      reason: { code: 'BIRTH_RECORD_NOT_FOUND', message: '未查到分娩记录' },
    });
  });
});
