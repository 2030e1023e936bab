import type { ItemKey, MaterialCode, NewbornForm } from '@onego/contracts';
import type { Bundle } from '../catalogue/types.ts';

export interface SelectionIssue {
  path: string;
  message: string;
}

/** Checks a selection of items against the catalogue: mandatory items present, dependencies chosen. */
export function checkSelection(bundle: Bundle, selected: readonly ItemKey[]): SelectionIssue[] {
  const chosen = new Set(selected);
  const issues: SelectionIssue[] = [];
  for (const item of bundle.items) {
    if (!item.optional && !chosen.has(item.key)) {
      issues.push({
        path: 'items',
        message: `must include ${item.key} (not optional in the ${bundle.key} bundle)`,
      });
    }
    if (chosen.has(item.key)) {
      for (const dependency of item.dependsOn) {
        if (!chosen.has(dependency))
          issues.push({ path: 'items', message: `${item.key} needs ${dependency}` });
      }
    }
  }
  return issues;
}

/** Checks materials declared missing at submission: each may be supplied later, for a chosen item. */
export function checkDeclaredMissing(
  bundle: Bundle,
  selected: readonly ItemKey[],
  form: Pick<NewbornForm, 'missingMaterials' | 'marriage'>,
): SelectionIssue[] {
  return (form.missingMaterials ?? []).flatMap((code: MaterialCode, i): SelectionIssue[] => {
    const path = `form.missingMaterials.${i}`;
    const material = bundle.materials.find((m) => m.code === code);
    if (!material?.declarableAtSubmission) return [{ path, message: `${code} cannot be supplied later` }];
    if (!selected.includes(material.item))
      return [{ path, message: `is for ${material.item}, which is not chosen` }];
    if (code === 'birth-outside-marriage-statement' && form.marriage.status === 'married') {
      return [{ path, message: 'is only needed when the parents are not married' }];
    }
    return [];
  });
}
