import { DEPARTMENTS, type Department } from '../newborn/bundle.ts';
import { cdcCancellation, cdcDecision, cdcRequest } from './cdc.ts';
import { healthCancellation, healthDecision, healthRequest } from './health.ts';
import {
  maternalChildHealthCancellation,
  maternalChildHealthDecision,
  maternalChildHealthRequest,
} from './maternal-child-health.ts';
import {
  medicalInsuranceCancellation,
  medicalInsuranceDecision,
  medicalInsuranceRequest,
} from './medical-insurance.ts';
import {
  publicSecurityCancellation,
  publicSecurityDecision,
  publicSecurityRequest,
} from './public-security.ts';
import {
  socialSecurityCancellation,
  socialSecurityDecision,
  socialSecurityRequest,
} from './social-security.ts';

export { DOCUMENT_TYPE_CODES } from './common.ts';

/** Each department system's request and decision contracts, in its own vocabulary. */
export const departmentContracts = {
  health: { request: healthRequest, decision: healthDecision, cancellation: healthCancellation },
  'public-security': {
    request: publicSecurityRequest,
    decision: publicSecurityDecision,
    cancellation: publicSecurityCancellation,
  },
  'medical-insurance': {
    request: medicalInsuranceRequest,
    decision: medicalInsuranceDecision,
    cancellation: medicalInsuranceCancellation,
  },
  'social-security': {
    request: socialSecurityRequest,
    decision: socialSecurityDecision,
    cancellation: socialSecurityCancellation,
  },
  cdc: { request: cdcRequest, decision: cdcDecision, cancellation: cdcCancellation },
  'maternal-child-health': {
    request: maternalChildHealthRequest,
    decision: maternalChildHealthDecision,
    cancellation: maternalChildHealthCancellation,
  },
} as const satisfies Record<Department, { request: unknown; decision: unknown; cancellation: unknown }>;

export type DepartmentContracts = typeof departmentContracts;

/**
 * The durable consumers through which an event-native department system reads its requests and
 * its cancellations from its streams. The platform creates them and a department may consume from
 * its own two only: their names are part of the agreement with each department, as its subjects are.
 */
export const departmentDurables = (department: Department) =>
  ({ requests: `${department}-system`, cancellations: `${department}-system-cancellations` }) as const;

/** Whether a durable consumer is one a department system reads from, not one of the platform's. */
export const isDepartmentDurable = (name: string) =>
  DEPARTMENTS.some((d) => Object.values<string>(departmentDurables(d)).includes(name));
