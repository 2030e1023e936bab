import { departmentContracts } from '@onego/contracts';
import { describe, expect, it } from 'vitest';
import { cdc } from '../src/domain/cdc.ts';
import { canonicalDecided, forwarded, payloadOf, refsOf } from './fixture/example.ts';

const contract = departmentContracts.cdc;
const refs = refsOf('cdc');

describe('the cdc translator', () => {
  it('turns the example form’s payload into a vaccination certificate request its contract accepts', () => {
    // Given the cdc payload of the example form
    const request = cdc.request(payloadOf('cdc'), refs);
    // Then the immunisation system's schema accepts it, with the birthplace on one line
    expect(contract.request.schema.safeParse(request).error).toBeUndefined();
    expect(request).toMatchObject({
      ref: refs.caseRef,
      child: { sex: 'F', birthplace: '湖南省岳阳市汨罗市', birthWeightG: 3300 },
      motherName: '李芳',
      contactPhone: '13800000001',
    });
    expect(request.child.birthCertNo).toBe(forwarded.birthCertificateNumber);
  });

  it('turns an issued certificate into an approval with the certificate number and clinic', () => {
    // Given the immunisation system issued a certificate and assigned a clinic
    const decision = contract.decision.schema.parse({
      ref: refs.caseRef,
      decidedAt: '2026-11-22T15:00:00+08:00',
      accepted: true,
      certificateNo: 'JZ430681000123',
      clinic: '归义镇卫生院预防接种门诊',
    });
    // When translated, then it is a valid canonical approval
    const decided = canonicalDecided('vaccination-certificate', cdc.decision(decision));
    expect(decided.error).toBeUndefined();
    expect(decided.data?.decision).toEqual({
      outcome: 'approved',
      outputs: { vaccinationCertificateNumber: 'JZ430681000123', clinic: '归义镇卫生院预防接种门诊' },
    });
  });

  it('turns a refusal into a canonical rejection with its code and text', () => {
    // Given the immunisation system refused
    const decision = contract.decision.schema.parse({
      ref: refs.caseRef,
      decidedAt: '2026-11-22T15:00:00+08:00',
      accepted: false,
      reason: { code: 'OUT_OF_AREA', text: '居住地不在本辖区' },
    });
    // When translated, then the code and text are kept
    const decided = canonicalDecided('vaccination-certificate', cdc.decision(decision));
    expect(decided.data?.decision).toEqual({
      outcome: 'rejected',
      reason: { code: 'OUT_OF_AREA', message: '居住地不在本辖区' },
    });
  });
});
