import type { CertificateFacts, CertificateType, ItemKey, NewbornForm } from '@onego/contracts';

// What each e-certificate states: only the facts of that certificate (its credentialSubject),
// taken from the form and from the outputs departments returned.

type OutputsOf = (itemKey: ItemKey) => Record<string, unknown>;

const str = (outputs: Record<string, unknown>, field: string) => {
  const value = outputs[field];
  if (typeof value !== 'string') throw new Error(`output ${field} missing`);
  return value;
};

export function certificateFacts<T extends CertificateType>(
  type: T,
  form: NewbornForm,
  childIndex: number,
  outputsOf: OutputsOf,
): CertificateFacts[T] {
  const child = form.children[childIndex];
  if (!child) throw new Error(`no child at index ${childIndex}`);
  const subject = { name: child.name, sex: child.sex, birthDate: child.birthDateTime.slice(0, 10) };
  const birthCertificateNumber = () => str(outputsOf('birth-certificate'), 'birthCertificateNumber');
  const citizenIdNumber = () => str(outputsOf('household-registration'), 'citizenIdNumber');
  const facts: { [K in CertificateType]: () => CertificateFacts[K] } = {
    'birth-medical-certificate': () => ({
      ...subject,
      birthDateTime: child.birthDateTime,
      birthPlace: { ...child.birthPlace },
      facility: child.facility,
      ...(form.mother && { motherName: form.mother.name }),
      ...(form.father && { fatherName: form.father.name }),
      birthCertificateNumber: birthCertificateNumber(),
    }),
    'household-registration-record': () => ({
      ...subject,
      citizenIdNumber: citizenIdNumber(),
      householdRecordNumber: str(outputsOf('household-registration'), 'householdRecordNumber'),
      householdAddress: form.household.address,
    }),
    'medical-insurance-enrolment-voucher': () => ({
      ...subject,
      citizenIdNumber: citizenIdNumber(),
      insuranceNumber: str(outputsOf('medical-insurance-enrolment'), 'insuranceNumber'),
      coverStartDate: str(outputsOf('medical-insurance-enrolment'), 'coverStartDate'),
    }),
    'vaccination-certificate': () => ({
      ...subject,
      birthCertificateNumber: birthCertificateNumber(),
      vaccinationCertificateNumber: str(outputsOf('vaccination-certificate'), 'vaccinationCertificateNumber'),
      clinic: str(outputsOf('vaccination-certificate'), 'clinic'),
    }),
    'child-health-handbook': () => ({
      ...subject,
      birthCertificateNumber: birthCertificateNumber(),
      handbookNumber: str(outputsOf('child-health-handbook'), 'handbookNumber'),
      communityHealthCentre: str(outputsOf('child-health-handbook'), 'communityHealthCentre'),
    }),
  };
  return facts[type]();
}
