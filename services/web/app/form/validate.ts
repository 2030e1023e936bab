import { createNewbornSubmissionSchema } from '@onego/contracts';
import { asSent, type Draft, submissionOf } from './model.ts';

// Inline validation with the API's own schema (@onego/contracts): the same rules and the same
// messages as POST /api/applications. Issues are keyed by the field's path, which is also the
// id of its control, e.g. `form.children.1.weightGrams`.

export type Issues = Map<string, string>;

export function validate(draft: Draft, now: () => Date = () => new Date()): Issues {
  const result = createNewbornSubmissionSchema(now).safeParse(asSent(submissionOf(draft)));
  const issues: Issues = new Map();
  if (result.success) return issues;
  for (const issue of result.error.issues) {
    const path = issue.path.join('.');
    if (!issues.has(path)) issues.set(path, issue.message);
  }
  return issues;
}

/** Issues the API answered (400), keyed the same way; a clerk's paths start with `submission.`. */
export function issuesFromApi(list: { path: string; message: string }[] | undefined): Issues {
  const issues: Issues = new Map();
  for (const { path, message } of list ?? []) {
    const key = path.replace(/^(body\.)?(submission\.)?/, '');
    if (!issues.has(key)) issues.set(key, message);
  }
  return issues;
}

/** The issues of one step: those under any of its path prefixes. */
export function within(issues: Issues, prefixes: readonly string[]): [string, string][] {
  return [...issues].filter(([path]) => prefixes.some((p) => path === p || path.startsWith(`${p}.`)));
}
