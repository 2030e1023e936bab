import type { ItemKey, MaterialCode } from '@onego/contracts';

// The newborn form as the pages hold it (text in inputs, one entry per child) and the
// submission the API takes, built from it. Pure: the unit tests check the mapping.

export interface ChildDraft {
  name: string;
  sex: string;
  birthDate: string;
  birthTime: string;
  province: string;
  city: string;
  county: string;
  facility: string;
  gestationalWeeks: string;
  weightGrams: string;
  lengthCm: string;
  healthStatus: string;
  ethnicity: string;
  relationshipToHead: string;
}

export interface ParentDraft {
  present: boolean;
  name: string;
  idType: string;
  idNumber: string;
  nationality: string;
  ethnicity: string;
  phone: string;
}

export interface Draft {
  applicant: 'mother' | 'father';
  consent: { givenBy: string; kind: string; reference: string };
  children: ChildDraft[];
  mother: ParentDraft;
  father: ParentDraft;
  marriage: { status: string; certificateNumber: string };
  household: { registerWith: string; address: string; headName: string; headIdNumber: string };
  residentialAddress: string;
  items: ItemKey[];
  paymentYear: string;
  socialSecurityCard: { bank: string; mailingAddress: string };
  latePledge: string;
  missingMaterials: MaterialCode[];
}

export const MAX_CHILDREN = 3;

export const emptyChild = (previous?: ChildDraft): ChildDraft => ({
  name: '',
  sex: '',
  // Twins and triplets share the day, place and hospital: start from the first child's.
  birthDate: previous?.birthDate ?? '',
  birthTime: previous?.birthTime ?? '',
  province: previous?.province ?? '',
  city: previous?.city ?? '',
  county: previous?.county ?? '',
  facility: previous?.facility ?? '',
  gestationalWeeks: previous?.gestationalWeeks ?? '',
  weightGrams: '',
  lengthCm: '',
  healthStatus: 'good',
  ethnicity: previous?.ethnicity ?? '',
  relationshipToHead: '',
});

const emptyParent = (): ParentDraft => ({
  present: true,
  name: '',
  idType: 'resident-id',
  idNumber: '',
  nationality: 'CHN',
  ethnicity: '',
  phone: '',
});

export const emptyDraft = (items: ItemKey[], year: number): Draft => ({
  applicant: 'mother',
  consent: { givenBy: '', kind: 'consent', reference: '' },
  children: [emptyChild()],
  mother: emptyParent(),
  father: emptyParent(),
  marriage: { status: 'married', certificateNumber: '' },
  household: { registerWith: 'mother', address: '', headName: '', headIdNumber: '' },
  residentialAddress: '',
  items,
  paymentYear: String(year),
  socialSecurityCard: { bank: '', mailingAddress: '' },
  latePledge: '',
  missingMaterials: [],
});

/** Blank text is absent; everything else is sent as typed, so the API's checks judge it. */
const opt = (value: string) => (value.trim() === '' ? undefined : value.trim());
const num = (value: string) => (value.trim() === '' ? undefined : Number(value));

function childOf(c: ChildDraft) {
  return {
    name: c.name.trim(),
    sex: opt(c.sex),
    birthDateTime: c.birthDate && c.birthTime ? `${c.birthDate}T${c.birthTime}:00+08:00` : undefined,
    birthPlace: { province: c.province, city: c.city, county: c.county },
    facility: c.facility,
    gestationalWeeks: num(c.gestationalWeeks),
    weightGrams: num(c.weightGrams),
    lengthCm: num(c.lengthCm),
    healthStatus: opt(c.healthStatus),
    ethnicity: c.ethnicity,
    relationshipToHead: opt(c.relationshipToHead),
  };
}

function parentOf(p: ParentDraft) {
  if (!p.present) return undefined;
  return {
    name: p.name.trim(),
    idType: p.idType,
    idNumber: p.idNumber.trim().toUpperCase(),
    nationality: p.nationality.trim().toUpperCase(),
    ethnicity: opt(p.ethnicity),
    phone: opt(p.phone),
  };
}

/** The body of POST /api/applications (and `submission` of a clerk's application). */
export function submissionOf(d: Draft) {
  const chosen = new Set(d.items);
  return {
    bundle: 'newborn' as const,
    items: d.items,
    form: {
      applicant: {
        role: d.applicant,
        ...(d.applicant !== 'mother' && {
          consent: {
            givenBy: d.consent.givenBy.trim(),
            kind: d.consent.kind,
            reference: d.consent.reference,
          },
        }),
      },
      children: d.children.map(childOf),
      mother: parentOf(d.mother),
      father: parentOf(d.father),
      marriage: {
        status: d.marriage.status,
        certificateNumber: d.marriage.status === 'married' ? opt(d.marriage.certificateNumber) : undefined,
      },
      household: {
        registerWith: d.household.registerWith,
        address: d.household.address,
        headOfHousehold: {
          name: d.household.headName.trim(),
          idNumber: d.household.headIdNumber.trim().toUpperCase(),
        },
      },
      residentialAddress: d.residentialAddress,
      medicalInsurance: chosen.has('medical-insurance-enrolment')
        ? { category: 'urban-rural-resident', paymentYear: num(d.paymentYear) }
        : undefined,
      socialSecurityCard: chosen.has('social-security-card') ? d.socialSecurityCard : undefined,
      latePledge: opt(d.latePledge) ? { statement: d.latePledge.trim() } : undefined,
      missingMaterials: d.missingMaterials.length > 0 ? d.missingMaterials : undefined,
    },
  };
}

/** Drops absent keys, as JSON.stringify does: what is validated is exactly what is sent. */
export const asSent = <T>(value: T): T => JSON.parse(JSON.stringify(value));
