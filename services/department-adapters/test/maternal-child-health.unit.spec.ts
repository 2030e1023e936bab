import { departmentContracts } from '@onego/contracts';
import { describe, expect, it } from 'vitest';
import { maternalChildHealth } from '../src/domain/maternal-child-health.ts';
import { canonicalDecided, payloadOf, refsOf } from './fixture/example.ts';

const contract = departmentContracts['maternal-child-health'];
const refs = refsOf('maternal-child-health');

describe('the maternal and child health translator', () => {
  it('turns the example form’s payload into a handbook request its contract accepts', () => {
    // Given the maternal-child-health payload of the example form
    const request = maternalChildHealth.request(payloadOf('maternal-child-health'), refs);
    // Then the system's schema accepts it
    expect(contract.request.schema.safeParse(request).error).toBeUndefined();
    expect(request).toMatchObject({
      ref: refs.caseRef,
      infant: { sex: 'female', gestationalWeeks: 39, weightGrams: 3300, lengthCm: 50, healthStatus: 'good' },
      mother: { name: '李芳' },
      phone: '13800000001',
      address: '湖南省岳阳市汨罗市归义镇建设路18号',
    });
  });

  it('turns an approval into canonical outputs: the handbook number and community health centre', () => {
    // Given the system issued a handbook
    const decision = contract.decision.schema.parse({
      ref: refs.caseRef,
      decidedAt: '2026-11-22T15:00:00+08:00',
      outcome: 'APPROVED',
      handbookNo: 'ETBJ430681000123',
      communityHealthCentre: '归义镇社区卫生服务中心',
    });
    // When translated, then it is a valid canonical approval
    const decided = canonicalDecided('child-health-handbook', maternalChildHealth.decision(decision));
    expect(decided.error).toBeUndefined();
    expect(decided.data?.decision).toEqual({
      outcome: 'approved',
      outputs: { handbookNumber: 'ETBJ430681000123', communityHealthCentre: '归义镇社区卫生服务中心' },
    });
  });

  it('turns a rejection into a canonical rejection with its code and text', () => {
    // Given the system rejected the request
    const decision = contract.decision.schema.parse({
      ref: refs.caseRef,
      decidedAt: '2026-11-22T15:00:00+08:00',
      outcome: 'REJECTED',
      rejection: { code: 'DUPLICATE_HANDBOOK', text: '该儿童已建册' },
    });
    // When translated, then the code and text are kept
    const decided = canonicalDecided('child-health-handbook', maternalChildHealth.decision(decision));
    expect(decided.data?.decision).toEqual({
      outcome: 'rejected',
      reason: { code: 'DUPLICATE_HANDBOOK', message: '该儿童已建册' },
    });
  });
});
