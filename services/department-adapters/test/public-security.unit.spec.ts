import { departmentContracts } from '@onego/contracts';
import { describe, expect, it } from 'vitest';
import { UntranslatableError } from '../src/domain/errors.ts';
import { publicSecurity } from '../src/domain/public-security.ts';
import { canonicalDecided, exampleForm, forwarded, payloadOf, refsOf } from './fixture/example.ts';

const contract = departmentContracts['public-security'];
const refs = refsOf('public-security');
const withChild = (changes: Partial<(typeof exampleForm.children)[number]>) => ({
  ...exampleForm,
  children: [{ ...exampleForm.children[0], ...changes } as (typeof exampleForm.children)[number]],
});

describe('the public security (户政) translator', () => {
  it('turns the example form’s payload into a pinyin-vocabulary request its contract accepts', () => {
    // Given the public-security payload of the canonical example form
    const request = publicSecurity.request(payloadOf('public-security'), refs);
    // Then the 户政 schema accepts it, with national standard codes
    expect(contract.request.schema.safeParse(request).error).toBeUndefined();
    expect(request).toEqual({
      ywlsh: refs.caseRef,
      sqsj: refs.requestedAt,
      xsr: {
        xm: '王小满',
        xbdm: '2',
        csrq: '20261120',
        cssj: '083000',
        csdssx: { sheng: '湖南省', shi: '岳阳市', xian: '汨罗市' },
        csdd: '汨罗市人民医院',
        mzdm: '01',
        yhzgxdm: '30',
        cszmbh: forwarded.birthCertificateNumber,
      },
      mq: { xm: '李芳', zjlx: '111', zjhm: '430681199305120022', gjdm: 'CHN', mzdm: '01' },
      fq: { xm: '王强', zjlx: '111', zjhm: '430681199108230011', gjdm: 'CHN', mzdm: '01' },
      hyzkdm: '20',
      jhzh: 'J430681-2019-000123',
      hk: {
        sbdx: 'FQ',
        hjdz: '湖南省岳阳市汨罗市归义镇建设路18号',
        hzxm: '王强',
        hzsfhm: '430681199108230011',
      },
    });
  });

  it('records the birth date and time in China Standard Time whatever the offset given', () => {
    // Given a boy born at 23:30 UTC, which is 07:30 the next morning in China
    const form = withChild({ birthDateTime: '2026-11-19T23:30:00Z', sex: 'male', relationshipToHead: 'son' });
    // When translated, then csrq/cssj are the Beijing wall clock, and the codes follow the child
    const { xsr } = publicSecurity.request(payloadOf('public-security', form), refs);
    expect(xsr).toMatchObject({ csrq: '20261120', cssj: '073000', xbdm: '1', yhzgxdm: '20' });
  });

  it('codes an ethnic group written without the 族 suffix, and refuses one outside GB 3304', () => {
    // Given a 维吾尔 child, and a child whose ethnicity is not one of the 56
    const uyghur = publicSecurity.request(
      payloadOf('public-security', withChild({ ethnicity: '维吾尔' })),
      refs,
    );
    const unknown = payloadOf('public-security', withChild({ ethnicity: '火星族' }));
    // Then the first is coded 05, the second cannot be sent and says why
    expect(uyghur.xsr.mzdm).toBe('05');
    expect(() => publicSecurity.request(unknown, refs)).toThrow(UntranslatableError);
    expect(() => publicSecurity.request(unknown, refs)).toThrow(
      /child’s ethnicity "火星族" is not one of the 56/,
    );
  });

  it('turns a registration into an approval with the citizen ID and household record numbers', () => {
    // Given the 户政 system registered the birth
    const decision = contract.decision.schema.parse({
      ywlsh: refs.caseRef,
      bjsj: '2026-11-23T09:00:00+08:00',
      bjjg: '1',
      gmsfhm: forwarded.childIdNumber,
      hh: '430681004512',
    });
    // When translated, then it is a valid canonical approval
    const decided = canonicalDecided('household-registration', publicSecurity.decision(decision));
    expect(decided.error).toBeUndefined();
    expect(decided.data?.decision).toEqual({
      outcome: 'approved',
      outputs: { citizenIdNumber: forwarded.childIdNumber, householdRecordNumber: '430681004512' },
    });
  });

  it('turns a refusal (不予办理) into a canonical rejection with its code and reason', () => {
    // Given the 户政 system refused: the statement of birth outside marriage is missing
    const decision = contract.decision.schema.parse({
      ywlsh: refs.caseRef,
      bjsj: '2026-11-23T09:00:00+08:00',
      bjjg: '2',
      byyydm: 'MISSING_STATEMENT',
      byyy: '缺少非婚生育说明',
    });
    // When translated, then the code and reason are kept
    const decided = canonicalDecided('household-registration', publicSecurity.decision(decision));
    expect(decided.data?.decision).toEqual({
      outcome: 'rejected',
      reason: { code: 'MISSING_STATEMENT', message: '缺少非婚生育说明' },
    });
  });
});
