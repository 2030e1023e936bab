import { api } from '../../api/client.ts';
import type { Bundle } from '../../api/types.ts';
import { useLoad } from '../../api/use.ts';
import { pick } from '../../i18n/index.ts';

// Names and dependencies of items and departments, from the public catalogue.

export function useBundle() {
  return useLoad(() => api.GET('/api/bundles/{key}', { params: { path: { key: 'newborn' } } })).data;
}

export const departmentName = (bundle: Bundle | undefined, department: string) =>
  pick(bundle?.items.find((i) => i.department === department)?.departmentName) || department;

export const itemName = (bundle: Bundle | undefined, key: string) =>
  pick(bundle?.items.find((i) => i.key === key)?.name) || key;

export const dependsOn = (bundle: Bundle | undefined, key: string) =>
  bundle?.items.find((i) => i.key === key)?.dependsOn ?? [];
