import { citizenIdsIn } from '@onego/codes';
import {
  DEPARTMENT_FORM_FIELDS,
  DEPARTMENTS,
  type Department,
  departmentPayloadSchemas,
  type NewbornForm,
} from '@onego/contracts';
import { canonicalSubmission } from '@onego/testing';
import { describe, expect, it } from 'vitest';
import { departmentPayload } from '../src/domain/split.ts';

const example = canonicalSubmission() as unknown as { form: NewbornForm };
const inputs = { birthCertificateNumber: 'P430123456', childIdNumber: '430681202611200228' };

// The table "What each department may see" of ../shared/domain/newborn-bundle.md, transcribed
// here independently of the code, as the leaf fields each department may receive.
const child = ['child.name', 'child.sex', 'child.birthDateTime'];
const birthPlace = [
  'child.birthPlace.province',
  'child.birthPlace.city',
  'child.birthPlace.county',
  'child.facility',
];
const clinical = ['child.gestationalWeeks', 'child.weightGrams', 'child.lengthCm', 'child.healthStatus'];
const parent = (p: string) =>
  ['name', 'idType', 'idNumber', 'nationality', 'ethnicity', 'phone'].map((f) => `${p}.${f}`);
const marriage = ['marriage.status', 'marriage.certificateNumber'];
const guardian = ['guardian.name', 'guardian.idType', 'guardian.idNumber', 'guardian.phone'];
const ALLOWED: Record<Department, string[]> = {
  health: [...child, ...birthPlace, ...clinical, ...parent('mother'), ...parent('father'), ...marriage],
  'public-security': [
    ...child,
    ...birthPlace,
    'child.ethnicity',
    'child.relationshipToHead',
    ...parent('mother'),
    ...parent('father'),
    ...marriage,
    'household.registerWith',
    'household.address',
    'household.headOfHousehold.name',
    'household.headOfHousehold.idNumber',
    'inputs.birthCertificateNumber',
  ],
  'medical-insurance': [
    ...child,
    ...guardian,
    'household.address',
    'medicalInsurance.category',
    'medicalInsurance.paymentYear',
    'inputs.birthCertificateNumber',
    'inputs.childIdNumber',
  ],
  'social-security': [
    ...child,
    ...guardian,
    'socialSecurityCard.bank',
    'socialSecurityCard.mailingAddress',
    'inputs.birthCertificateNumber',
    'inputs.childIdNumber',
  ],
  cdc: [
    ...child,
    ...birthPlace,
    'child.weightGrams',
    'mother.name',
    'residentialAddress',
    'guardianPhone',
    'inputs.birthCertificateNumber',
  ],
  'maternal-child-health': [
    ...child,
    ...birthPlace,
    ...clinical,
    'mother.name',
    'residentialAddress',
    'guardianPhone',
    'inputs.birthCertificateNumber',
  ],
};

function leaves(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

const idNumbersIn = (payload: unknown) => [...citizenIdsIn(JSON.stringify(payload))];

describe('splitting the one form per department', () => {
  it.each(DEPARTMENTS)('gives %s exactly its allowed fields for the canonical form', (department) => {
    // Given the canonical form, when it is split for the department
    const payload = departmentPayload(department, example.form, 0, inputs);
    // Then every field is one the department may see, and every allowed field present on the form is sent
    expect(leaves(payload).sort()).toEqual([...ALLOWED[department]].sort());
    // And the payload satisfies the strict schema the department's adapter validates
    expect(departmentPayloadSchemas[department].safeParse(payload).success).toBe(true);
  });

  it('sends parents’ ID numbers only to health, public security, and the guardian’s to insurance and social security', () => {
    const mother = example.form.mother?.idNumber;
    const father = example.form.father?.idNumber;
    const seen = (d: Department) => idNumbersIn(departmentPayload(d, example.form, 0, inputs));
    expect(seen('cdc')).toEqual([]);
    expect(seen('maternal-child-health')).toEqual([]);
    expect(seen('medical-insurance')).not.toContain(father);
    expect(seen('medical-insurance')).toContain(mother);
    expect(seen('social-security')).not.toContain(father);
    expect(seen('health')).toEqual(expect.arrayContaining([mother, father]));
  });

  it('gives each twin their own child fields', () => {
    const twins = structuredClone(example.form);
    twins.children.push({
      ...(twins.children[0] as NewbornForm['children'][number]),
      name: '王小圆',
      sex: 'male',
      relationshipToHead: 'son',
    });
    expect(departmentPayload('cdc', twins, 1, inputs).child.name).toBe('王小圆');
    expect(departmentPayload('cdc', twins, 0, inputs).child.name).toBe('王小满');
  });

  it('uses the father as guardian when there is no mother on the form', () => {
    const { mother: _absent, ...fatherOnly } = example.form;
    const payload = departmentPayload(
      'medical-insurance',
      { ...fatherOnly, household: { ...fatherOnly.household } },
      0,
      inputs,
    );
    expect(payload.guardian.name).toBe('王强');
  });

  it.each(DEPARTMENTS)(
    'sends %s exactly the form fields the visibility table (which bounds corrections) lists',
    (department) => {
      const sent = leaves(departmentPayload(department, example.form, 0, inputs))
        .filter((path) => !path.startsWith('inputs.'))
        .map((path) => (path === 'guardianPhone' ? 'guardian.phone' : path));
      expect(sent.sort()).toEqual([...DEPARTMENT_FORM_FIELDS[department]].sort());
    },
  );

  it('refuses to build a request before the outputs it needs exist', () => {
    expect(() => departmentPayload('public-security', example.form, 0, {})).toThrow(/birthCertificateNumber/);
  });
});
