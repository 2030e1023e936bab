import type { CertificateFacts, CertificateType, Department } from '@onego/contracts';
import { issuerDid } from './did.ts';
import type { StatusEntry } from './status-list.ts';

// An e-certificate as a W3C Verifiable Credential 2.0 (https://www.w3.org/TR/vc-data-model-2.0/),
// secured as a JWT per VC-JOSE-COSE (https://www.w3.org/TR/vc-jose-cose/): the JWT claims set
// IS this credential, with no `vc` wrapper claim and no registered JWT claims beside it, so
// there is nothing (`iss` vs `issuer`, `jti` vs `id`) that could disagree.

export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';

/**
 * The credential `id` for a GB/T 36904 identifier. VC 2.0 wants a URL there; the identifier
 * itself is a dotted string that is not one, and not an OID either (its type code, issuer code
 * and check character contain letters), so `urn:oid:` would be wrong. We use a URN whose
 * namespace names the standard and whose NSS is the identifier verbatim: stripping the prefix
 * gives back exactly what is printed on the certificate, and it stays the same when the
 * platform's origin changes (an https URL would not). It is syntactically an RFC 8141 URN; the
 * namespace `gbt36904` is not IANA-registered. Credentials are presented, not looked up by id.
 */
export const CREDENTIAL_ID_PREFIX = 'urn:gbt36904:';
export const credentialIdOf = (certificateId: string) => `${CREDENTIAL_ID_PREFIX}${certificateId}`;

/**
 * Where a department's issuer documents live: its DID (see did.ts) resolves to
 * `<issuerUrl>/did.json`; its JWKS and Bitstring status lists are under the same path.
 */
export const issuerUrl = (origin: string, department: Department) =>
  `${origin}/api/certificates/issuers/${department}`;

export const schemaUrl = (origin: string, type: CertificateType) =>
  `${origin}/api/certificates/schemas/${type}.json`;

/**
 * The specific VC type of each certificate: stable names, part of what verifiers match on.
 * Neither they nor the facts' property names are defined by the v2 context; JSON-LD processors
 * expand them with its `@vocab` (issuer-dependent terms), which VC 2.0 permits. A OneGo context
 * of our own would be a second `@context` entry, additive.
 */
export const CREDENTIAL_TYPE_NAMES = {
  'birth-medical-certificate': 'BirthMedicalCertificate',
  'household-registration-record': 'HouseholdRegistrationRecord',
  'medical-insurance-enrolment-voucher': 'MedicalInsuranceEnrolmentVoucher',
  'vaccination-certificate': 'VaccinationCertificate',
  'child-health-handbook': 'ChildHealthHandbook',
} as const satisfies Record<CertificateType, string>;

export type CredentialTypeName = (typeof CREDENTIAL_TYPE_NAMES)[CertificateType];

export interface CertificateCredential<T extends CertificateType = CertificateType> {
  '@context': [typeof VC_V2_CONTEXT];
  id: string;
  type: ['VerifiableCredential', (typeof CREDENTIAL_TYPE_NAMES)[T]];
  issuer: string;
  validFrom: string;
  credentialSchema: { id: string; type: 'JsonSchema' };
  credentialStatus: StatusEntry[];
  credentialSubject: CertificateFacts[T];
}

export interface CredentialInput<T extends CertificateType> {
  /** The GB/T 36904 identifier. */
  certificateId: string;
  origin: string;
  department: Department;
  certificateType: T;
  facts: CertificateFacts[T];
  issuedAt: Date;
  /** Its entries in the department's revocation and suspension lists. */
  status: StatusEntry[];
}

/**
 * The unsecured credential. The subject is exactly the certificate's facts: nothing about the
 * application, the applicant's account or the item, which are the platform's business, not the
 * certificate's. Certificates do not expire, so there is no `validUntil`; they can be revoked or
 * suspended, which `credentialStatus` (Bitstring Status List entries) lets anyone check.
 */
export function buildCredential<T extends CertificateType>(
  input: CredentialInput<T>,
): CertificateCredential<T> {
  return {
    '@context': [VC_V2_CONTEXT],
    id: credentialIdOf(input.certificateId),
    type: ['VerifiableCredential', CREDENTIAL_TYPE_NAMES[input.certificateType]],
    issuer: issuerDid(input.origin, input.department),
    validFrom: input.issuedAt.toISOString(),
    credentialSchema: { id: schemaUrl(input.origin, input.certificateType), type: 'JsonSchema' },
    credentialStatus: structuredClone(input.status),
    credentialSubject: structuredClone(input.facts),
  };
}
