import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalFormPath } from '../src/fixtures.ts';

// When the checkout sits beside the shared domain folder, the copy must not have drifted.
const source = new URL('../../../../shared/domain/newborn-form.example.json', import.meta.url);

describe('the canonical form fixture', () => {
  it.skipIf(!existsSync(source))('is a verbatim copy of the domain folder’s example', () => {
    expect(readFileSync(canonicalFormPath, 'utf8')).toBe(readFileSync(source, 'utf8'));
  });
});
