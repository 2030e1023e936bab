import { DEPARTMENT_FORM_FIELDS, type Department, type NewbornForm } from '@onego/contracts';

// Correcting a rejected item (补正): the applicant changes only that item's data, the fields its
// department sees; everything already approved stays as it was. `child` means the child the
// item is for; `guardian` the mother, or the father when there is no mother on the form.

export interface CorrectionIssue {
  path: string;
  message: string;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function leafPaths(value: unknown, prefix: string): string[] {
  if (!isObject(value)) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => leafPaths(v, `${prefix}.${k}`));
}

function deepMerge(target: Json, patch: Json): Json {
  const out: Json = { ...target };
  for (const [k, v] of Object.entries(patch))
    out[k] = isObject(v) && isObject(out[k]) ? deepMerge(out[k] as Json, v) : v;
  return out;
}

/**
 * Applies corrections for one child's item of `department`. Returns the corrected form, or the
 * issues naming each field the department does not see (and so may not be changed through it).
 */
export function applyCorrections(
  form: NewbornForm,
  childIndex: number,
  department: Department,
  corrections: Json,
): { form: Json; issues: CorrectionIssue[] } {
  const allowed = new Set(DEPARTMENT_FORM_FIELDS[department]);
  const issues = Object.entries(corrections)
    .flatMap(([section, value]) => leafPaths(value, section))
    .filter((path) => !allowed.has(path))
    .map((path) => ({
      path: `corrections.${path}`,
      message: `is not part of the ${department} item’s data`,
    }));
  if (issues.length > 0) return { form: form as unknown as Json, issues };

  const { child, guardian, ...rest } = corrections;
  const guardianRole = form.mother ? 'mother' : 'father';
  let corrected: Json = deepMerge(form as unknown as Json, rest as Json);
  if (isObject(guardian)) corrected = deepMerge(corrected, { [guardianRole]: guardian });
  if (isObject(child)) {
    const children = [...(corrected.children as Json[])];
    children[childIndex] = deepMerge(children[childIndex] ?? {}, child);
    corrected = { ...corrected, children };
  }
  return { form: corrected, issues: [] };
}
