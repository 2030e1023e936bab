import { attached, materialsRequired, optional, rejected, sexLetter, type Translator } from './translator.ts';

// 疾病预防控制中心 immunisation planning information system (免疫规划信息系统): it keeps the
// birthplace as one line of text.

export const cdc: Translator<'cdc', 'vaccination-certificate'> = {
  itemKey: 'vaccination-certificate',

  request(payload, { caseRef, requestedAt, attachments }) {
    const { child } = payload;
    const { province, city, county } = child.birthPlace;
    return {
      ref: caseRef,
      requestedAt,
      child: {
        name: child.name,
        sex: sexLetter(child.sex),
        birthDateTime: child.birthDateTime,
        birthplace: `${province}${city}${county}`,
        hospital: child.facility,
        birthWeightG: child.weightGrams,
        birthCertNo: payload.inputs.birthCertificateNumber,
      },
      ...optional('motherName', payload.mother?.name),
      ...optional('contactPhone', payload.guardianPhone),
      address: payload.residentialAddress,
      ...attached('attachments', attachments),
    };
  },

  decision(data) {
    const base = { caseRef: data.ref, decidedAt: data.decidedAt };
    if (data.accepted) {
      return {
        ...base,
        decision: {
          outcome: 'approved',
          outputs: { vaccinationCertificateNumber: data.certificateNo, clinic: data.clinic },
        },
      };
    }
    // Not accepted *yet* when it names materials: the case stays open until they are supplied.
    return {
      ...base,
      decision: data.materials ? materialsRequired(data.materials) : rejected(data.reason),
    };
  },
};
