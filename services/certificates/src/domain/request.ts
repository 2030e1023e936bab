import {
  type CertificateType,
  type Department,
  ITEM_CERTIFICATE,
  ITEM_DEPARTMENT,
  type ItemKey,
} from '@onego/contracts';

// A certificate is signed with its department's key, so a request must not be able to make one
// department sign another's certificate: the department and the certificate type must be the
// ones the item yields. The contract allows any combination; this is where it is narrowed.

export interface CertificateRequest {
  itemKey: ItemKey;
  department: Department;
  certificateType: CertificateType;
}

/** Why a request cannot be honoured, or null when it can. */
export function requestProblem(request: CertificateRequest): string | null {
  const department = ITEM_DEPARTMENT[request.itemKey];
  const certificateType = ITEM_CERTIFICATE[request.itemKey];
  if (certificateType === null) return `item ${request.itemKey} yields no certificate`;
  if (certificateType !== request.certificateType) {
    return `item ${request.itemKey} yields ${certificateType}, not ${request.certificateType}`;
  }
  if (department !== request.department) {
    return `${request.certificateType} is issued by ${department}, not ${request.department}`;
  }
  return null;
}
