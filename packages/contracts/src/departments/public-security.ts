import { z } from 'zod';
import { defineMessage } from '../contract.ts';
import { materialCode } from '../newborn/materials.ts';
import {
  attachments,
  cancellationOf,
  decisionType,
  documentTypeCode,
  ref,
  requestType,
  systemOf,
  when,
} from './common.ts';

// 公安 户政 household-registration system. Its fields are the pinyin initials used by the
// population information standards (xm 姓名, xbdm 性别代码 GB/T 2261.1, mzdm 民族代码 GB 3304,
// hyzkdm 婚姻状况代码 GB/T 2261.2, gmsfhm 公民身份号码 ...).

const yyyymmdd = z.string().regex(/^\d{8}$/);
const parent = z.strictObject({
  xm: z.string().min(1).max(64),
  zjlx: documentTypeCode,
  zjhm: z.string().min(1).max(32),
  gjdm: z.string().length(3),
  mzdm: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
});

export const publicSecurityRequest = defineMessage({
  type: requestType('public-security'),
  summary: 'Household (hukou) birth registration request (户口出生登记), in the 户政 system’s vocabulary.',
  producer: 'department-adapters',
  consumers: [systemOf('public-security')],
  schema: z.strictObject({
    ywlsh: ref,
    sqsj: when,
    xsr: z.strictObject({
      xm: z.string().min(1).max(64),
      xbdm: z.enum(['1', '2']),
      csrq: yyyymmdd,
      cssj: z.string().regex(/^\d{6}$/),
      csdssx: z.strictObject({ sheng: z.string(), shi: z.string(), xian: z.string() }),
      csdd: z.string().max(100),
      mzdm: z.string().regex(/^\d{2}$/),
      yhzgxdm: z.string().regex(/^\d{2}$/),
      cszmbh: z.string().regex(/^[A-Z]\d{9}$/),
    }),
    mq: parent.optional(),
    fq: parent.optional(),
    hyzkdm: z.enum(['10', '20', '30', '40']),
    jhzh: z.string().max(40).optional(),
    hk: z.strictObject({
      sbdx: z.enum(['MQ', 'FQ']),
      hjdz: z.string().max(200),
      hzxm: z.string().max(64),
      hzsfhm: z.string().regex(/^\d{17}[\dX]$/),
    }),
    /** 附件: supplied materials. */
    fj: attachments,
  }),
});

export const publicSecurityDecision = defineMessage({
  type: decisionType('public-security'),
  summary: 'The 户政 system registered the birth (with the new citizen ID number) or refused it.',
  producer: systemOf('public-security'),
  consumers: ['department-adapters'],
  schema: z.discriminatedUnion('bjjg', [
    z.strictObject({
      ywlsh: ref,
      bjsj: when,
      bjjg: z.literal('1'),
      gmsfhm: z.string().regex(/^\d{17}[\dX]$/),
      hh: z.string().regex(/^\d{9,12}$/),
    }),
    z.strictObject({
      ywlsh: ref,
      bjsj: when,
      bjjg: z.literal('2'),
      byyydm: z.string().regex(/^[A-Z0-9_]{2,40}$/),
      byyy: z.string().min(1).max(500),
    }),
    z.strictObject({
      ywlsh: ref,
      bjsj: when,
      /** 3: 补正材料, the applicant must supply materials (bzcl: 材料代码 cldm, 说明 clsm). */
      bjjg: z.literal('3'),
      bzcl: z
        .array(z.strictObject({ cldm: materialCode, clsm: z.string().min(1).max(200) }))
        .min(1)
        .max(10),
    }),
  ]),
});

export const publicSecurityCancellation = cancellationOf('public-security');
