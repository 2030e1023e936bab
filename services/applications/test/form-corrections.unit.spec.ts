import type { NewbornForm } from '@onego/contracts';
import { canonicalSubmission } from '@onego/testing';
import { describe, expect, it } from 'vitest';
import { applyCorrections } from '../src/domain/form-corrections.ts';

const form = canonicalSubmission().form as unknown as NewbornForm;

describe('correcting a rejected item’s data', () => {
  it('changes the child’s clinical data for a health item', () => {
    const { form: corrected, issues } = applyCorrections(form, 0, 'health', {
      child: { gestationalWeeks: 38, weightGrams: 3150 },
    });
    expect(issues).toEqual([]);
    const child = (corrected.children as Record<string, unknown>[])[0];
    expect(child).toMatchObject({ gestationalWeeks: 38, weightGrams: 3150, name: '王小满' });
  });

  it('refuses fields the item’s department does not see', () => {
    // Given a medical-insurance item, which never sees the child's weight or the father
    const { issues } = applyCorrections(form, 0, 'medical-insurance', {
      child: { weightGrams: 3000 },
      father: { name: '王五' },
    });
    expect(issues.map((i) => i.path).sort()).toEqual([
      'corrections.child.weightGrams',
      'corrections.father.name',
    ]);
  });

  it('maps the guardian to the mother', () => {
    const { form: corrected, issues } = applyCorrections(form, 0, 'social-security', {
      guardian: { phone: '13900000009' },
    });
    expect(issues).toEqual([]);
    expect((corrected.mother as Record<string, unknown>).phone).toBe('13900000009');
  });

  it('corrects only the child the item is for', () => {
    const twins = {
      ...form,
      children: [form.children[0], { ...form.children[0], name: '王小圆' }],
    } as NewbornForm;
    const { form: corrected } = applyCorrections(twins, 1, 'health', { child: { lengthCm: 49 } });
    const children = corrected.children as Record<string, unknown>[];
    expect(children[0]?.lengthCm).toBe(50);
    expect(children[1]?.lengthCm).toBe(49);
  });
});
