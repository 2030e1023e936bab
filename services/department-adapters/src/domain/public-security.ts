import type { Parent } from '@onego/contracts';
import { inChinaStandardTime } from './china-time.ts';
import {
  documentTypeCode,
  ethnicityCode,
  MARITAL_STATUS_CODES,
  RELATIONSHIP_CODES,
  SEX_CODES,
} from './codes.ts';
import { attached, materialsRequired, optional, type Translator } from './translator.ts';

// 公安 户政 household registration system: pinyin-initial field names (xm 姓名, xbdm 性别代码,
// csrq 出生日期, cssj 出生时间, mzdm 民族代码, yhzgxdm 与户主关系代码, cszmbh 出生医学证明编号,
// mq 母亲, fq 父亲, hyzkdm 婚姻状况代码, jhzh 结婚证号, hk 户口: sbdx 申报对象 (the parent the
// child is registered with), hjdz 户籍地址, hzxm 户主姓名, hzsfhm 户主身份号码) and national
// standard codes throughout.

const parent = (p: Parent, whose: string) => ({
  xm: p.name,
  zjlx: documentTypeCode(p.idType),
  zjhm: p.idNumber,
  gjdm: p.nationality,
  ...optional('mzdm', p.ethnicity === undefined ? undefined : ethnicityCode(p.ethnicity, whose)),
});

export const publicSecurity: Translator<'public-security', 'household-registration'> = {
  itemKey: 'household-registration',

  request(payload, { caseRef, requestedAt, attachments }) {
    const { child, marriage, household } = payload;
    const born = inChinaStandardTime(child.birthDateTime);
    return {
      ywlsh: caseRef,
      sqsj: requestedAt,
      xsr: {
        xm: child.name,
        xbdm: SEX_CODES[child.sex],
        csrq: born.compactDate,
        cssj: born.compactTime,
        csdssx: {
          sheng: child.birthPlace.province,
          shi: child.birthPlace.city,
          xian: child.birthPlace.county,
        },
        csdd: child.facility,
        mzdm: ethnicityCode(child.ethnicity, 'the child’s'),
        yhzgxdm: RELATIONSHIP_CODES[child.relationshipToHead],
        cszmbh: payload.inputs.birthCertificateNumber,
      },
      ...optional('mq', payload.mother && parent(payload.mother, 'the mother’s')),
      ...optional('fq', payload.father && parent(payload.father, 'the father’s')),
      hyzkdm: MARITAL_STATUS_CODES[marriage.status],
      ...optional('jhzh', marriage.certificateNumber),
      hk: {
        sbdx: household.registerWith === 'mother' ? 'MQ' : 'FQ',
        hjdz: household.address,
        hzxm: household.headOfHousehold.name,
        hzsfhm: household.headOfHousehold.idNumber,
      },
      ...attached('fj', attachments),
    };
  },

  // bjjg 办结结果: 1 registered (gmsfhm 公民身份号码, hh 户号), 2 refused (byyydm/byyy 不予办理原因),
  // 3 补正材料: materials to supply (bzcl: cldm 材料代码, clsm 说明).
  decision(data) {
    const base = { caseRef: data.ywlsh, decidedAt: data.bjsj };
    switch (data.bjjg) {
      case '1':
        return {
          ...base,
          decision: {
            outcome: 'approved',
            outputs: { citizenIdNumber: data.gmsfhm, householdRecordNumber: data.hh },
          },
        };
      case '2':
        return {
          ...base,
          decision: { outcome: 'rejected', reason: { code: data.byyydm, message: data.byyy } },
        };
      case '3':
        return {
          ...base,
          decision: materialsRequired(data.bzcl.map(({ cldm, clsm }) => ({ code: cldm, note: clsm }))),
        };
    }
  },
};
