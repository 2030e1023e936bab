import type { Parent } from '@onego/contracts';
import { documentTypeCode } from './codes.ts';
import { attached, materialsRequired, optional, rejected, sexLetter, type Translator } from './translator.ts';

// 卫生健康委 birth medical certificate system (出生医学证明管理系统): English field names,
// upper-case code words, and the identity document type codes.

const MARITAL_STATUS = {
  married: 'MARRIED',
  unmarried: 'UNMARRIED',
  divorced: 'DIVORCED',
  widowed: 'WIDOWED',
} as const;

const CONDITION = { good: 'GOOD', fair: 'FAIR', poor: 'POOR' } as const;

const person = (p: Parent) => ({
  name: p.name,
  docType: documentTypeCode(p.idType),
  docNo: p.idNumber,
  nationality: p.nationality,
  ...optional('ethnicity', p.ethnicity),
});

export const health: Translator<'health', 'birth-certificate'> = {
  itemKey: 'birth-certificate',

  request(payload, { caseRef, requestedAt, attachments }) {
    const { child, marriage } = payload;
    return {
      caseRef,
      receivedAt: requestedAt,
      newborn: {
        name: child.name,
        gender: sexLetter(child.sex),
        bornAt: child.birthDateTime,
        birthplace: { ...child.birthPlace },
        institution: child.facility,
        gestationWeeks: child.gestationalWeeks,
        weightG: child.weightGrams,
        lengthCm: child.lengthCm,
        condition: CONDITION[child.healthStatus],
      },
      ...optional('mother', payload.mother && person(payload.mother)),
      ...optional('father', payload.father && person(payload.father)),
      maritalStatus: MARITAL_STATUS[marriage.status],
      ...optional('marriageCertNo', marriage.certificateNumber),
      ...attached('attachments', attachments),
    };
  },

  decision(data) {
    const base = { caseRef: data.caseRef, decidedAt: data.decidedAt };
    switch (data.result) {
      case 'ISSUED':
        return {
          ...base,
          decision: { outcome: 'approved', outputs: { birthCertificateNumber: data.certificateNo } },
        };
      case 'REFUSED':
        return { ...base, decision: rejected(data.refusal) };
      case 'MATERIALS_REQUIRED':
        return { ...base, decision: materialsRequired(data.materials) };
    }
  },
};
