import type { MessageContract } from './contract.ts';
import { departmentContracts } from './departments/index.ts';
import {
  applicationCompleted,
  applicationSubmitted,
  applicationWithdrawn,
  certificateIssued,
  certificateRequested,
  certificateRevocationRequested,
  itemCancelled,
  itemDeadlineWarning,
  itemDecided,
  itemRequested,
} from './events/platform.ts';

/** Every contract, for documentation (AsyncAPI) and for checks that span all of them. */
export const allContracts: readonly MessageContract[] = [
  applicationSubmitted,
  itemRequested,
  itemDecided,
  certificateRequested,
  certificateIssued,
  itemCancelled,
  itemDeadlineWarning,
  certificateRevocationRequested,
  applicationWithdrawn,
  applicationCompleted,
  ...Object.values(departmentContracts).flatMap((d) => [d.request, d.decision, d.cancellation]),
];
