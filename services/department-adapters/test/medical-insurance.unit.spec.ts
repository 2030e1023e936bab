import { departmentContracts } from '@onego/contracts';
import { describe, expect, it } from 'vitest';
import { medicalInsurance } from '../src/domain/medical-insurance.ts';
import { canonicalDecided, forwarded, payloadOf, refsOf } from './fixture/example.ts';

const contract = departmentContracts['medical-insurance'];
const refs = refsOf('medical-insurance');

describe('the medical insurance translator', () => {
  it('turns the example form’s payload into an enrolment request its contract accepts', () => {
    // Given the medical-insurance payload of the example form, with the child's new ID number
    const request = medicalInsurance.request(payloadOf('medical-insurance'), refs);
    // Then the platform's schema accepts it: resident insurance 390, GB/T 2261.1 gender
    expect(contract.request.schema.safeParse(request).error).toBeUndefined();
    expect(request).toMatchObject({
      requestId: refs.caseRef,
      insured: { gender: '2', birthDate: '2026-11-20', certNo: forwarded.childIdNumber },
      guardian: { name: '李芳', certType: '111', certNo: '430681199305120022', mobile: '13800000001' },
      insutype: '390',
      contributionYear: 2026,
    });
  });

  it('turns an enrolment into an approval with the insurance number and cover start', () => {
    // Given the platform enrolled the child
    const decision = contract.decision.schema.parse({
      requestId: refs.caseRef,
      decidedAt: '2026-11-24T09:00:00+08:00',
      status: 'ENROLLED',
      psnNo: '43068100000012345',
      coverageStart: '2026-11-20',
    });
    // When translated, then it is a valid canonical approval
    const decided = canonicalDecided('medical-insurance-enrolment', medicalInsurance.decision(decision));
    expect(decided.error).toBeUndefined();
    expect(decided.data?.decision).toEqual({
      outcome: 'approved',
      outputs: { insuranceNumber: '43068100000012345', coverStartDate: '2026-11-20' },
    });
  });

  it('turns a decline into a canonical rejection with its code and reason', () => {
    // Given the platform declined: the child is already insured elsewhere
    const decision = contract.decision.schema.parse({
      requestId: refs.caseRef,
      decidedAt: '2026-11-24T09:00:00+08:00',
      status: 'DECLINED',
      declineCode: 'ALREADY_INSURED',
      declineReason: '已在外地参保',
    });
    // When translated, then the code and reason are kept
    const decided = canonicalDecided('medical-insurance-enrolment', medicalInsurance.decision(decision));
    expect(decided.data?.decision).toEqual({
      outcome: 'rejected',
      reason: { code: 'ALREADY_INSURED', message: '已在外地参保' },
    });
  });
});
