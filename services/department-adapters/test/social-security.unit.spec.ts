import { departmentContracts } from '@onego/contracts';
import { describe, expect, it } from 'vitest';
import { socialSecurity } from '../src/domain/social-security.ts';
import { canonicalDecided, forwarded, payloadOf, refsOf } from './fixture/example.ts';

const contract = departmentContracts['social-security'];
const refs = refsOf('social-security');

describe('the social security translator', () => {
  it('turns the example form’s payload into a card application its contract accepts', () => {
    // Given the social-security payload of the example form
    const request = socialSecurity.request(payloadOf('social-security'), refs);
    // Then the card system's schema accepts it
    expect(contract.request.schema.safeParse(request).error).toBeUndefined();
    expect(request).toMatchObject({
      applicationNo: refs.caseRef,
      applicant: { gender: 'F', birthDate: '2026-11-20', citizenId: forwarded.childIdNumber },
      guardian: { idType: '111', idNumber: '430681199305120022' },
      bankName: '中国建设银行汨罗支行',
    });
  });

  it('turns an accepted application into an approval with the mailing status in canonical words', () => {
    // Given the card system accepted the application and queued the card
    const decision = contract.decision.schema.parse({
      applicationNo: refs.caseRef,
      decidedAt: '2026-11-24T09:00:00+08:00',
      result: 'ACCEPTED',
      cardApplicationNo: 'SBK202611240001',
      productionStatus: 'QUEUED',
    });
    // When translated, then it is a valid canonical approval
    const decided = canonicalDecided('social-security-card', socialSecurity.decision(decision));
    expect(decided.error).toBeUndefined();
    expect(decided.data?.decision).toEqual({
      outcome: 'approved',
      outputs: { cardApplicationNumber: 'SBK202611240001', mailingStatus: 'queued-for-production' },
    });
  });

  it('turns a rejection into a canonical rejection with its code and reason', () => {
    // Given the card system rejected the application
    const decision = contract.decision.schema.parse({
      applicationNo: refs.caseRef,
      decidedAt: '2026-11-24T09:00:00+08:00',
      result: 'REJECTED',
      rejectCode: 'BANK_NOT_SUPPORTED',
      rejectReason: '该银行暂不支持社保卡金融功能',
    });
    // When translated, then the code and reason are kept
    const decided = canonicalDecided('social-security-card', socialSecurity.decision(decision));
    expect(decided.data?.decision).toEqual({
      outcome: 'rejected',
      reason: { code: 'BANK_NOT_SUPPORTED', message: '该银行暂不支持社保卡金融功能' },
    });
  });
});
