import type { DataOf, Department, DepartmentContracts, itemCancelled } from '@onego/contracts';

// Withdrawing a request a department already has. Every department's vocabulary has the same
// cancellation message; the reason is written for the department's clerk.

export type DepartmentCancellation<D extends Department = Department> = DataOf<
  DepartmentContracts[D]['cancellation']
>;

const REASONS: Record<DataOf<typeof itemCancelled>['reason'], string> = {
  withdrawn: '申请人撤回申请 (withdrawn by the applicant)',
};

export const cancellationOf = (
  caseRef: string,
  cancelledAt: string,
  reason: DataOf<typeof itemCancelled>['reason'],
): DepartmentCancellation => ({ ref: caseRef, cancelledAt, reason: REASONS[reason] });
