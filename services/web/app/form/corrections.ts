import { DEPARTMENT_FORM_FIELDS, type Department, newbornFormSchema } from '@onego/contracts';
import type { z } from 'zod';

// A rejected item's correction form: exactly the fields its department sees (the API refuses
// any other), each checked with the form schema's own rule for that field. Blank means "keep".

type AnySchema = z.ZodType & {
  def?: { type?: string; innerType?: AnySchema; element?: AnySchema; shape?: Record<string, AnySchema> };
};

/** The schema of one field of the form: `child.weightGrams`, `guardian.phone`, `marriage.status`. */
export function fieldSchema(path: string): AnySchema | undefined {
  const parts = path.split('.');
  const head =
    parts[0] === 'child' ? ['children', '*'] : parts[0] === 'guardian' ? ['mother'] : [parts[0] ?? ''];
  let schema: AnySchema | undefined = newbornFormSchema as unknown as AnySchema;
  for (const part of [...head, ...parts.slice(1)]) {
    while (schema?.def?.type === 'optional' || schema?.def?.type === 'nullable')
      schema = schema.def.innerType;
    if (!schema) return undefined;
    schema = part === '*' ? schema.def?.element : schema.def?.shape?.[part];
  }
  return schema;
}

export const correctableFields = (department: Department) =>
  DEPARTMENT_FORM_FIELDS[department].filter((f) => f !== 'medicalInsurance.category');

/** Options of an enumerated field (sex, ID type, marriage status), or null for free text. */
export function optionsOf(path: string): string[] | null {
  const schema = fieldSchema(path) as { options?: unknown } | undefined;
  return Array.isArray(schema?.options) ? (schema.options as string[]) : null;
}

const NUMERIC = new Set(['gestationalWeeks', 'weightGrams', 'lengthCm', 'paymentYear']);

export const isNumeric = (path: string) => NUMERIC.has(path.split('.').at(-1) ?? '');

function setIn(target: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> {
  const [head = '', ...rest] = path;
  if (rest.length === 0) return { ...target, [head]: value };
  return { ...target, [head]: setIn((target[head] as Record<string, unknown>) ?? {}, rest, value) };
}

/** The resubmission body's `corrections` from the filled-in fields, and each field's issue. */
export function correctionsOf(values: Record<string, string>) {
  const corrections: Record<string, Record<string, unknown> | string> = {};
  const issues = new Map<string, string>();
  for (const [path, raw] of Object.entries(values)) {
    const text = raw.trim();
    if (text === '') continue;
    const value: unknown = isNumeric(path)
      ? Number(text)
      : path.endsWith('birthDateTime')
        ? `${text}:00+08:00`
        : text;
    const checked = fieldSchema(path)?.safeParse(value);
    if (checked && !checked.success) issues.set(path, checked.error.issues[0]?.message ?? 'invalid');
    const parts = path.split('.');
    if (parts.length === 1) corrections[path] = value as string;
    else {
      const [section = '', ...rest] = parts;
      corrections[section] = setIn((corrections[section] as Record<string, unknown>) ?? {}, rest, value);
    }
  }
  return { corrections, issues };
}
