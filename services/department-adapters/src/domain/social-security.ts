import { inChinaStandardTime } from './china-time.ts';
import { documentTypeCode } from './codes.ts';
import { attached, materialsRequired, optional, sexLetter, type Translator } from './translator.ts';

// 人力资源和社会保障局 social security card system (社会保障卡申领).

const MAILING_STATUS = {
  QUEUED: 'queued-for-production',
  IN_PRODUCTION: 'in-production',
  MAILED: 'mailed',
} as const;

export const socialSecurity: Translator<'social-security', 'social-security-card'> = {
  itemKey: 'social-security-card',

  request(payload, { caseRef, requestedAt, attachments }) {
    const { child, guardian, inputs, socialSecurityCard } = payload;
    return {
      applicationNo: caseRef,
      appliedAt: requestedAt,
      applicant: {
        name: child.name,
        gender: sexLetter(child.sex),
        birthDate: inChinaStandardTime(child.birthDateTime).date,
        citizenId: inputs.childIdNumber,
        birthCertNo: inputs.birthCertificateNumber,
      },
      guardian: {
        name: guardian.name,
        idType: documentTypeCode(guardian.idType),
        idNumber: guardian.idNumber,
        ...optional('phone', guardian.phone),
      },
      bankName: socialSecurityCard.bank,
      mailingAddress: socialSecurityCard.mailingAddress,
      ...attached('attachments', attachments),
    };
  },

  decision(data) {
    const base = { caseRef: data.applicationNo, decidedAt: data.decidedAt };
    switch (data.result) {
      case 'ACCEPTED':
        return {
          ...base,
          decision: {
            outcome: 'approved',
            outputs: {
              cardApplicationNumber: data.cardApplicationNo,
              mailingStatus: MAILING_STATUS[data.productionStatus],
            },
          },
        };
      case 'REJECTED':
        return {
          ...base,
          decision: { outcome: 'rejected', reason: { code: data.rejectCode, message: data.rejectReason } },
        };
      case 'SUPPLEMENT_REQUIRED':
        return { ...base, decision: materialsRequired(data.supplements) };
    }
  },
};
