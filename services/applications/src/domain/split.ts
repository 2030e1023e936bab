import type { Department, DepartmentPayloads, NewbornForm, Parent } from '@onego/contracts';

// 一表申请: one form, and each department receives only the part it needs (the table "What each
// department may see" in ../shared/domain/newborn-bundle.md), plus the outputs of earlier items
// that its item depends on. Fields are picked one by one, never copied wholesale, so a field
// added to the form later reaches no department until someone decides it should.

export interface ForwardedOutputs {
  birthCertificateNumber?: string;
  childIdNumber?: string;
}

const pickParent = (p: Parent): Parent => ({
  name: p.name,
  idType: p.idType,
  idNumber: p.idNumber,
  nationality: p.nationality,
  ...(p.ethnicity !== undefined && { ethnicity: p.ethnicity }),
  ...(p.phone !== undefined && { phone: p.phone }),
});

/** The guardian who acts for the child: the mother, or the father when no mother is on the form. */
export function guardianOf(form: NewbornForm) {
  const g = form.mother ?? form.father;
  if (!g) throw new Error('a form without parents passed validation');
  return {
    name: g.name,
    idType: g.idType,
    idNumber: g.idNumber,
    ...(g.phone !== undefined && { phone: g.phone }),
  };
}

function required<K extends keyof ForwardedOutputs>(inputs: ForwardedOutputs, key: K): string {
  const value = inputs[key];
  if (!value) throw new Error(`${key} is needed but the item it comes from has no output yet`);
  return value;
}

const optional = <K extends string, V>(key: K, value: V | undefined) =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;

export function departmentPayload<D extends Department>(
  department: D,
  form: NewbornForm,
  childIndex: number,
  inputs: ForwardedOutputs,
): DepartmentPayloads[D] {
  const child = form.children[childIndex];
  if (!child) throw new Error(`no child at index ${childIndex}`);
  const core = { name: child.name, sex: child.sex, birthDateTime: child.birthDateTime };
  const birth = { ...core, birthPlace: { ...child.birthPlace }, facility: child.facility };
  const clinical = {
    gestationalWeeks: child.gestationalWeeks,
    weightGrams: child.weightGrams,
    lengthCm: child.lengthCm,
    healthStatus: child.healthStatus,
  };
  const parents = {
    ...optional('mother', form.mother && pickParent(form.mother)),
    ...optional('father', form.father && pickParent(form.father)),
  };
  const marriage = {
    status: form.marriage.status,
    ...optional('certificateNumber', form.marriage.certificateNumber),
  };
  const guardianPhone = optional('guardianPhone', guardianOf(form).phone);
  const motherName = optional('mother', form.mother && { name: form.mother.name });
  const payloads: { [K in Department]: () => DepartmentPayloads[K] } = {
    health: () => ({ child: { ...birth, ...clinical }, ...parents, marriage }),
    'public-security': () => ({
      child: { ...birth, ethnicity: child.ethnicity, relationshipToHead: child.relationshipToHead },
      ...parents,
      marriage,
      household: {
        registerWith: form.household.registerWith,
        address: form.household.address,
        headOfHousehold: {
          name: form.household.headOfHousehold.name,
          idNumber: form.household.headOfHousehold.idNumber,
        },
      },
      inputs: { birthCertificateNumber: required(inputs, 'birthCertificateNumber') },
    }),
    'medical-insurance': () => {
      if (!form.medicalInsurance) throw new Error('medical insurance details missing');
      return {
        child: core,
        guardian: guardianOf(form),
        household: { address: form.household.address },
        medicalInsurance: {
          category: form.medicalInsurance.category,
          paymentYear: form.medicalInsurance.paymentYear,
        },
        inputs: {
          birthCertificateNumber: required(inputs, 'birthCertificateNumber'),
          childIdNumber: required(inputs, 'childIdNumber'),
        },
      };
    },
    'social-security': () => {
      if (!form.socialSecurityCard) throw new Error('social security card details missing');
      return {
        child: core,
        guardian: guardianOf(form),
        socialSecurityCard: {
          bank: form.socialSecurityCard.bank,
          mailingAddress: form.socialSecurityCard.mailingAddress,
        },
        inputs: {
          birthCertificateNumber: required(inputs, 'birthCertificateNumber'),
          childIdNumber: required(inputs, 'childIdNumber'),
        },
      };
    },
    cdc: () => ({
      child: { ...birth, weightGrams: child.weightGrams },
      ...motherName,
      residentialAddress: form.residentialAddress,
      ...guardianPhone,
      inputs: { birthCertificateNumber: required(inputs, 'birthCertificateNumber') },
    }),
    'maternal-child-health': () => ({
      child: { ...birth, ...clinical },
      ...motherName,
      residentialAddress: form.residentialAddress,
      ...guardianPhone,
      inputs: { birthCertificateNumber: required(inputs, 'birthCertificateNumber') },
    }),
  };
  return payloads[department]();
}
