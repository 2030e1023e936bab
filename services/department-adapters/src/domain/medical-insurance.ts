import { inChinaStandardTime } from './china-time.ts';
import { documentTypeCode, SEX_CODES } from './codes.ts';
import { attached, materialsRequired, optional, type Translator } from './translator.ts';

// 医疗保障局 national medical-insurance information platform. insutype 390 is 城乡居民基本医疗
// 保险, the only category the form offers (urban-rural-resident); gender uses GB/T 2261.1.

const INSURANCE_TYPES = { 'urban-rural-resident': '390' } as const;

export const medicalInsurance: Translator<'medical-insurance', 'medical-insurance-enrolment'> = {
  itemKey: 'medical-insurance-enrolment',

  request(payload, { caseRef, requestedAt, attachments }) {
    const { child, guardian, inputs } = payload;
    return {
      requestId: caseRef,
      submittedAt: requestedAt,
      insured: {
        name: child.name,
        gender: SEX_CODES[child.sex],
        birthDate: inChinaStandardTime(child.birthDateTime).date,
        certNo: inputs.childIdNumber,
        birthCertNo: inputs.birthCertificateNumber,
      },
      guardian: {
        name: guardian.name,
        certType: documentTypeCode(guardian.idType),
        certNo: guardian.idNumber,
        ...optional('mobile', guardian.phone),
      },
      residenceAddress: payload.household.address,
      insutype: INSURANCE_TYPES[payload.medicalInsurance.category],
      contributionYear: payload.medicalInsurance.paymentYear,
      ...attached('attachments', attachments),
    };
  },

  decision(data) {
    const base = { caseRef: data.requestId, decidedAt: data.decidedAt };
    switch (data.status) {
      case 'ENROLLED':
        return {
          ...base,
          decision: {
            outcome: 'approved',
            outputs: { insuranceNumber: data.psnNo, coverStartDate: data.coverageStart },
          },
        };
      case 'DECLINED':
        return {
          ...base,
          decision: { outcome: 'rejected', reason: { code: data.declineCode, message: data.declineReason } },
        };
      case 'PENDING_DOCUMENTS':
        return { ...base, decision: materialsRequired(data.documents) };
    }
  },
};
