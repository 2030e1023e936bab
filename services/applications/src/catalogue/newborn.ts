import type { Bundle } from './types.ts';

// The newborn bundle (新生儿出生一件事) as data, from ../shared/domain/newborn-bundle.md: what
// the catalogue shows, what intake checks a selection against, and what orchestration plans by.

export const newbornBundle: Bundle = {
  key: 'newborn',
  name: { zh: '新生儿出生一件事', en: 'Newborn: one thing, one go' },
  summary: {
    zh: '一张表单，一次提交：出生医学证明、户口登记、医保参保、预防接种证、儿童保健手册和社保卡一并办理，证照一次领取。',
    en: 'One form, submitted once: birth certificate, household registration, medical insurance, vaccination certificate, child healthcare handbook and social security card, all certificates delivered together.',
  },
  timeLimitWorkingDays: 2,
  items: [
    {
      key: 'birth-certificate',
      name: { zh: '出生医学证明', en: 'Birth medical certificate' },
      department: 'health',
      departmentName: { zh: '卫生健康委（助产机构）', en: 'Health commission (birthing hospital)' },
      dependsOn: [],
      optional: false,
      certificate: 'birth-medical-certificate',
      outputs: { zh: '出生医学证明编号、电子证照', en: 'Birth certificate number, e-certificate' },
      statutoryWindow: { zh: '出生后1个月内', en: 'Within one month of birth' },
      expectedTurnaroundMinutes: 30,
      onWithdrawal: 'keep',
    },
    {
      key: 'household-registration',
      name: { zh: '户口出生登记', en: 'Household (hukou) birth registration' },
      department: 'public-security',
      departmentName: { zh: '公安局户政', en: 'Public security bureau, household registration' },
      dependsOn: ['birth-certificate'],
      optional: false,
      certificate: 'household-registration-record',
      outputs: {
        zh: '公民身份号码、户号、电子证照',
        en: 'Citizen ID number, household record number, e-certificate',
      },
      statutoryWindow: { zh: '出生后1个月内', en: 'Within one month of birth' },
      expectedTurnaroundMinutes: 60,
      onWithdrawal: 'keep',
    },
    {
      key: 'medical-insurance-enrolment',
      name: { zh: '城乡居民医保参保登记', en: 'Resident medical insurance enrolment' },
      department: 'medical-insurance',
      departmentName: { zh: '医疗保障局', en: 'Medical insurance bureau' },
      dependsOn: ['household-registration'],
      optional: false,
      certificate: 'medical-insurance-enrolment-voucher',
      outputs: {
        zh: '参保人员编号、待遇起始日期、参保凭证',
        en: 'Insurance number, cover start date, enrolment voucher',
      },
      statutoryWindow: {
        zh: '出生后90天内参保，自出生之日起享受待遇',
        en: 'Within 90 days of birth for cover from the day of birth',
      },
      expectedTurnaroundMinutes: 60,
      onWithdrawal: 'revoke',
    },
    {
      key: 'social-security-card',
      name: { zh: '社会保障卡申领', en: 'Social security card application' },
      department: 'social-security',
      departmentName: { zh: '人力资源和社会保障局', en: 'Human resources and social security bureau' },
      dependsOn: ['household-registration'],
      optional: true,
      certificate: null,
      outputs: { zh: '社保卡申领号、邮寄状态', en: 'Card application number, mailing status' },
      statutoryWindow: { zh: '无', en: 'None' },
      expectedTurnaroundMinutes: 120,
      onWithdrawal: 'keep',
    },
    {
      key: 'vaccination-certificate',
      name: { zh: '预防接种证', en: 'Vaccination certificate' },
      department: 'cdc',
      departmentName: { zh: '疾病预防控制中心', en: 'Centre for disease control' },
      dependsOn: ['birth-certificate'],
      optional: false,
      certificate: 'vaccination-certificate',
      outputs: {
        zh: '接种证编号、接种门诊、电子证照',
        en: 'Certificate number, vaccination clinic, e-certificate',
      },
      statutoryWindow: { zh: '出生后1个月内', en: 'Within one month of birth' },
      expectedTurnaroundMinutes: 30,
      onWithdrawal: 'keep',
    },
    {
      key: 'child-health-handbook',
      name: { zh: '儿童保健手册', en: 'Child healthcare handbook' },
      department: 'maternal-child-health',
      departmentName: { zh: '妇幼保健院', en: 'Maternal and child health hospital' },
      dependsOn: ['birth-certificate'],
      optional: false,
      certificate: 'child-health-handbook',
      outputs: {
        zh: '手册编号、社区卫生服务中心、电子证照',
        en: 'Handbook number, community health centre, e-certificate',
      },
      statutoryWindow: { zh: '无', en: 'None' },
      expectedTurnaroundMinutes: 30,
      onWithdrawal: 'keep',
    },
  ],
  materials: [
    {
      code: 'birth-outside-marriage-statement',
      name: { zh: '非婚生育说明', en: 'Statement of birth outside marriage' },
      item: 'household-registration',
      declarableAtSubmission: true,
      deadlineWorkingDays: 5,
    },
    {
      code: 'marriage-certificate',
      name: { zh: '结婚证', en: 'Marriage certificate' },
      item: 'household-registration',
      declarableAtSubmission: false,
      deadlineWorkingDays: 5,
    },
    {
      code: 'parent-identity-document',
      name: { zh: '父母身份证件', en: 'Parent’s identity document' },
      item: 'birth-certificate',
      declarableAtSubmission: false,
      deadlineWorkingDays: 5,
    },
    {
      code: 'power-of-attorney',
      name: { zh: '授权委托书', en: 'Power of attorney' },
      item: 'birth-certificate',
      declarableAtSubmission: false,
      deadlineWorkingDays: 5,
    },
    {
      code: 'birth-medical-record',
      name: { zh: '分娩记录', en: 'Birth medical record' },
      item: 'birth-certificate',
      declarableAtSubmission: false,
      deadlineWorkingDays: 5,
    },
    {
      code: 'other',
      name: { zh: '其他材料', en: 'Other material' },
      item: 'birth-certificate',
      declarableAtSubmission: false,
      deadlineWorkingDays: 5,
    },
  ],
  notice: {
    conditions: [
      {
        zh: '新生儿在本市助产机构出生，或父母一方户籍在本市',
        en: 'The child was born at a birthing facility in the city, or a parent’s household is registered here',
      },
      {
        zh: '申请人为新生儿母亲；父亲或其他监护人申请须有母亲同意或授权委托书',
        en: 'The applicant is the mother; the father or another guardian needs the mother’s consent or a power of attorney',
      },
      {
        zh: '出生超过1个月申请的，须提交书面承诺并说明原因',
        en: 'After one month from birth, a written pledge with the reason is required',
      },
    ],
    materials: [
      {
        name: { zh: '父母身份证件', en: 'Parents’ identity documents' },
        note: {
          zh: '居民身份证、港澳台居民居住证、护照或通行证；系统自动核验，无需上传',
          en: 'Resident ID, residence permit, passport or travel permit; checked by the platform, no upload',
        },
        canBeSuppliedLater: false,
      },
      {
        name: { zh: '结婚证', en: 'Marriage certificate' },
        note: { zh: '已婚的填写结婚证号，系统核验', en: 'If married, its number; checked by the platform' },
        canBeSuppliedLater: false,
      },
      {
        name: { zh: '非婚生育说明', en: 'Statement of birth outside marriage' },
        note: {
          zh: '未婚的须提供，可容缺受理、后补',
          en: 'Needed if unmarried; the application is accepted and it can be supplied later',
        },
        canBeSuppliedLater: true,
      },
    ],
    steps: [
      {
        zh: '在线或到政务服务中心“一件事”窗口填写一张表单',
        en: 'Fill in one form online or at the service centre’s one-thing window',
      },
      {
        zh: '各部门并联办理，结果自动共享，无需重复提交',
        en: 'Departments work in parallel and share results; nothing is entered twice',
      },
      {
        zh: '全部办结后一次性领取所有电子证照',
        en: 'Receive every e-certificate together when all items are done',
      },
    ],
    timeLimit: { zh: '受理之日起2个工作日内办结', en: 'Completed within 2 working days of acceptance' },
    fees: { zh: '不收费', en: 'Free of charge' },
    whereToAsk: [
      { zh: '政务服务中心“一件事一次办”综合窗口', en: 'The service centre’s one-thing-one-go window' },
      { zh: '12345政务服务便民热线', en: 'The 12345 citizen hotline' },
    ],
    whereToComplain: [
      { zh: '12345政务服务便民热线', en: 'The 12345 citizen hotline' },
      { zh: '政务服务“好差评”系统', en: 'The service rating (好差评) system' },
    ],
  },
};

export const bundles: readonly Bundle[] = [newbornBundle];
