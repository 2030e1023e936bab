import type { Department } from '@onego/contracts';

// Where each HTTP-style department's API lives, relative to the base URL the adapter is given.
// The departments' systems publish these; the simulators serve the same paths. Every API has
// the same three calls, in the department's own vocabulary:
//   POST {resource}                  submit a request (Idempotency-Key header) → 202 receipt
//   GET  {resource}/{caseRef}        → { status: RECEIVED | PROCESSING | DECIDED | CANCELLED, decision? }
//   POST {resource}/{caseRef}/cancel withdraw it (Idempotency-Key header) → 200

export const HTTP_RESOURCES: Record<Department, string> = {
  health: 'birth-certificate-applications',
  'public-security': 'birth-registrations',
  'medical-insurance': 'enrolments',
  'social-security': 'card-applications',
  cdc: 'vaccination-certificate-requests',
  'maternal-child-health': 'handbook-requests',
};

export const resourcePath = (department: Department) => `/${department}/api/v1/${HTTP_RESOURCES[department]}`;
