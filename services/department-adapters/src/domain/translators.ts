import type { Department, DepartmentPayload, ItemKey } from '@onego/contracts';
import { cdc } from './cdc.ts';
import { health } from './health.ts';
import { maternalChildHealth } from './maternal-child-health.ts';
import { medicalInsurance } from './medical-insurance.ts';
import { publicSecurity } from './public-security.ts';
import { socialSecurity } from './social-security.ts';
import type {
  DepartmentDecision,
  DepartmentRequest,
  ItemOf,
  RequestRefs,
  TranslatedDecision,
  Translator,
} from './translator.ts';

export const translators: { [D in Department]: Translator<D, ItemOf<D>> } = {
  health,
  'public-security': publicSecurity,
  'medical-insurance': medicalInsurance,
  'social-security': socialSecurity,
  cdc,
  'maternal-child-health': maternalChildHealth,
};

// The handlers hold a department and its payload as separate values of union types; TypeScript
// cannot correlate them, so these two entry points widen the translator once, here.
const widened = (department: Department) => translators[department] as Translator<Department, ItemKey>;

export const translateRequest = <D extends Department>(
  department: D,
  payload: DepartmentPayload<D>,
  refs: RequestRefs,
): DepartmentRequest<D> => widened(department).request(payload, refs) as DepartmentRequest<D>;

export const translateDecision = <D extends Department>(
  department: D,
  data: DepartmentDecision<D>,
): TranslatedDecision<ItemOf<D>> => widened(department).decision(data) as TranslatedDecision<ItemOf<D>>;
