import type { Bundle } from '../api/types.ts';
import { t } from '../i18n/index.ts';
import { labelOf, messageOf } from './labels.ts';
import type { Draft } from './model.ts';
import type { Issues } from './validate.ts';

// What every step of the form gets: the draft, a way to change it, and each field's error
// (shown once the field was left, or once the step was tried).

export interface StepContext {
  draft: Draft;
  bundle: Bundle;
  change: (mutate: (draft: Draft) => void) => void;
  issues: Issues;
  touched: Set<string>;
  showAll: boolean;
  touch: (path: string) => void;
  /** The submission as it would be sent: a field absent or blank there is "required", whatever zod says. */
  sent: unknown;
}

export function valueAt(value: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined),
      value,
    );
}

/** The message for a field: "required" when it is blank, otherwise the schema's own. */
export function shownMessage(sent: unknown, path: string, message: string): string {
  const value = valueAt(sent, path);
  if (value === undefined || (typeof value === 'string' && value.trim() === '')) {
    // Paths for a whole section (form.mother) or a list (items) keep their message.
    if (path.split('.').length > 2 && !/^items|latePledge$|consent$|mother$|father$/.test(path))
      return t('form.required');
  }
  return messageOf(message);
}

export function errorOf(ctx: StepContext, path: string): string | undefined {
  const message = ctx.issues.get(path);
  if (!message || !(ctx.showAll || ctx.touched.has(path))) return undefined;
  return shownMessage(ctx.sent, path, message);
}

/** The props every field takes from its path: id, label (its group's legend says whose), error and blur. */
export function fieldProps(ctx: StepContext, path: string, label = labelOf(path, false)) {
  return { id: path, label, error: errorOf(ctx, path), onBlur: () => ctx.touch(path) };
}
