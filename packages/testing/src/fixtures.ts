import { readFileSync } from 'node:fs';

// The canonical newborn form (a verbatim copy of the domain folder's example, kept in the
// repository so a clean clone has it), for every test that needs a realistic submission.

const source = new URL('../fixtures/newborn-form.example.json', import.meta.url);
const text = readFileSync(source, 'utf8');

/** The canonical submission as JSON (a fresh copy each call, safe to modify). */
export const canonicalSubmission = () =>
  JSON.parse(text) as {
    bundle: 'newborn';
    items: string[];
    form: Record<string, unknown> & {
      children: Record<string, unknown>[];
      mother: Record<string, unknown> & { idNumber: string; name: string };
      father: Record<string, unknown> & { idNumber: string; name: string };
    };
  };

export const canonicalFormPath = source;
