import { describe, expect, it } from 'vitest';
import { correctionsOf } from '../app/form/corrections.ts';
import { asSent, type Draft, emptyChild, emptyDraft, submissionOf } from '../app/form/model.ts';
import { validate } from '../app/form/validate.ts';

// The form as the pages hold it becomes exactly the submission the API takes, and is judged by
// the API's own schema with its own messages.

const NOW = new Date('2026-11-22T10:00:00+08:00');

function twins(): Draft {
  const d = emptyDraft(
    [
      'birth-certificate',
      'household-registration',
      'medical-insurance-enrolment',
      'vaccination-certificate',
      'child-health-handbook',
    ],
    2026,
  );
  const child = {
    ...emptyChild(),
    name: '王小满',
    sex: 'female',
    birthDate: '2026-11-20',
    birthTime: '08:30',
    province: '湖南省',
    city: '岳阳市',
    county: '汨罗市',
    facility: '汨罗市人民医院',
    gestationalWeeks: '37',
    weightGrams: '2650',
    lengthCm: '47',
    ethnicity: '汉族',
    relationshipToHead: 'daughter',
  };
  d.children = [
    child,
    {
      ...emptyChild(child),
      name: '王小圆',
      sex: 'male',
      weightGrams: '2480',
      lengthCm: '46.5',
      relationshipToHead: 'son',
    },
  ];
  d.mother = {
    present: true,
    name: '李芳',
    idType: 'resident-id',
    idNumber: '430681199305120022',
    nationality: 'CHN',
    ethnicity: '',
    phone: '13800000001',
  };
  d.father = {
    present: true,
    name: '王强',
    idType: 'resident-id',
    idNumber: '430681199108230011',
    nationality: 'CHN',
    ethnicity: '',
    phone: '',
  };
  d.marriage = { status: 'married', certificateNumber: 'J430681-2019-000123' };
  d.household = {
    registerWith: 'mother',
    address: '湖南省岳阳市汨罗市归义镇建设路18号',
    headName: '李芳',
    headIdNumber: '430681199305120022',
  };
  d.residentialAddress = d.household.address;
  return d;
}

describe('the newborn form in the pages', () => {
  it('becomes a submission the API’s schema accepts, one entry per twin', () => {
    // Given a form filled for twins
    const draft = twins();
    // When it is turned into the submission
    const sent = asSent(submissionOf(draft));
    // Then the API's schema has nothing to say, and each child is there with typed numbers
    expect(validate(draft, () => NOW)).toEqual(new Map());
    expect(sent.form.children.map((c) => [c.name, c.weightGrams, c.birthDateTime])).toEqual([
      ['王小满', 2650, '2026-11-20T08:30:00+08:00'],
      ['王小圆', 2480, '2026-11-20T08:30:00+08:00'],
    ]);
    expect(sent.form.medicalInsurance).toEqual({ category: 'urban-rural-resident', paymentYear: 2026 });
    expect(sent.form.father).not.toHaveProperty('phone');
  });

  it('names each bad field by its path with the schema’s own message', () => {
    // Given a weight of 0 for the second twin and a mother's ID with a wrong checksum
    const draft = twins();
    (draft.children[1] as Draft['children'][number]).weightGrams = '0';
    draft.mother.idNumber = '430681199305120023';
    // When it is validated
    const issues = validate(draft, () => NOW);
    // Then each field is named by its control's id, with the API's message
    expect(issues.get('form.children.1.weightGrams')).toBe('must be at least 300 grams');
    expect(issues.get('form.mother.idNumber')).toMatch(/check/i);
  });

  it('asks for the mother’s consent when the father applies', () => {
    const draft = { ...twins(), applicant: 'father' as const };
    expect(validate(draft, () => NOW).get('form.applicant.consent.givenBy')).toBeDefined();
  });
});

describe('a correction of a rejected item', () => {
  it('sends only what was filled in, nested as the resubmission expects, checked field by field', () => {
    // Given the child's weight and the guardian's phone filled in, the rest left blank
    const { corrections, issues } = correctionsOf({
      'child.weightGrams': '2700',
      'guardian.phone': '12',
      'child.name': ' ',
    });
    // Then only those two are sent, and the phone is refused by its schema
    expect(corrections).toEqual({ child: { weightGrams: 2700 }, guardian: { phone: '12' } });
    expect(issues.get('guardian.phone')).toBe('must be a mainland mobile number or +E.164');
  });
});
