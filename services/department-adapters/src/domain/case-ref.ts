import type { Department } from '@onego/contracts';

// The reference a department's system files the case under. Derived from the item id and the
// attempt alone, so a retried request carries the same reference and the department (and the
// exchange table's unique key) recognise it, while a corrected resubmission (attempt 2, 3, …)
// is a new case there. The prefix names the department: 卫健 WJ, 公安 GA, 医保 YB, 社保 SB,
// 疾控 JK, 妇幼 FY.

const PREFIXES: Record<Department, string> = {
  health: 'WJ',
  'public-security': 'GA',
  'medical-insurance': 'YB',
  'social-security': 'SB',
  cdc: 'JK',
  'maternal-child-health': 'FY',
};

/**
 * e.g. GA3F2504E04F8941D39A0C0305E82C3301 for item 3f2504e0-4f89-41d3-9a0c-0305e82c3301's first
 * attempt, and GA3F2504E04F8941D39A0C0305E82C3301-2 for its second.
 */
export const caseRefOf = (department: Department, itemId: string, attempt = 1) =>
  `${PREFIXES[department]}${itemId.replaceAll('-', '').toUpperCase()}${attempt > 1 ? `-${attempt}` : ''}`;

/**
 * The Idempotency-Key of a call to a department's HTTP API: one per (item, attempt) and
 * operation, so a call repeated after a timeout or a restart is recognised as the same call.
 */
export const idempotencyKeyOf = (itemId: string, attempt: number, operation: 'submit' | 'cancel') =>
  `onego-${itemId}-${attempt}-${operation}`;
