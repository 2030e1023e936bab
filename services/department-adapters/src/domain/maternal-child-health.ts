import { attached, materialsRequired, optional, rejected, type Translator } from './translator.ts';

// 妇幼保健院 maternal and child health system (儿童保健手册).

export const maternalChildHealth: Translator<'maternal-child-health', 'child-health-handbook'> = {
  itemKey: 'child-health-handbook',

  request(payload, { caseRef, requestedAt, attachments }) {
    const { child } = payload;
    return {
      ref: caseRef,
      requestedAt,
      infant: {
        name: child.name,
        sex: child.sex,
        bornAt: child.birthDateTime,
        birthplace: { ...child.birthPlace },
        hospital: child.facility,
        gestationalWeeks: child.gestationalWeeks,
        weightGrams: child.weightGrams,
        lengthCm: child.lengthCm,
        healthStatus: child.healthStatus,
        birthCertNo: payload.inputs.birthCertificateNumber,
      },
      ...optional('mother', payload.mother && { name: payload.mother.name }),
      ...optional('phone', payload.guardianPhone),
      address: payload.residentialAddress,
      ...attached('attachments', attachments),
    };
  },

  decision(data) {
    const base = { caseRef: data.ref, decidedAt: data.decidedAt };
    switch (data.outcome) {
      case 'APPROVED':
        return {
          ...base,
          decision: {
            outcome: 'approved',
            outputs: { handbookNumber: data.handbookNo, communityHealthCentre: data.communityHealthCentre },
          },
        };
      case 'REJECTED':
        return { ...base, decision: rejected(data.rejection) };
      case 'MATERIALS_REQUIRED':
        return { ...base, decision: materialsRequired(data.materials) };
    }
  },
};
