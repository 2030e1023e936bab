import { DEPARTMENTS } from '@onego/contracts';
import { describe, expect, it } from 'vitest';
import { caseRefOf } from '../src/domain/case-ref.ts';
import { ETHNICITY_CODES, ethnicityCode } from '../src/domain/codes.ts';

describe('the GB 3304 ethnic group table', () => {
  it('lists the 56 ethnic groups with the two-digit codes 01 to 56, each once', () => {
    // Given the table, then its codes are exactly 01..56 and every name ends in 族
    const codes = Object.values(ETHNICITY_CODES).sort();
    expect(codes).toEqual(Array.from({ length: 56 }, (_, i) => String(i + 1).padStart(2, '0')));
    expect(Object.keys(ETHNICITY_CODES).every((name) => name.endsWith('族'))).toBe(true);
  });

  it('codes groups as the standard does, including former names still in use', () => {
    // Given names as people write them, then each gets its standard code
    expect(
      ['汉族', '蒙古族', '回族', '壮族', '满族', '土家族', '俄罗斯族', '基诺族', '崩龙族', '毛难'].map((n) =>
        ethnicityCode(n, 'the child’s'),
      ),
    ).toEqual(['01', '02', '03', '08', '11', '15', '44', '56', '46', '36']);
  });

  it('refuses a name that is not an ethnic group, and names whose it was', () => {
    // Given a nationality rather than an ethnic group, and a prototype property name
    expect(() => ethnicityCode('中国', 'the mother’s')).toThrow(/the mother’s ethnicity "中国"/);
    expect(() => ethnicityCode('constructor', 'the child’s')).toThrow(/not one of the 56/);
  });
});

describe('case references', () => {
  it('are derived from the item id alone, distinct per department, and within the departments’ limits', () => {
    // Given one item id, when a reference is made for each department
    const itemId = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
    const refs = DEPARTMENTS.map((d) => caseRefOf(d, itemId));
    // Then it is stable, prefixed per department, and 8 to 64 characters long
    expect(caseRefOf('public-security', itemId)).toBe('GA3F2504E04F8941D39A0C0305E82C3301');
    expect(new Set(refs).size).toBe(DEPARTMENTS.length);
    expect(refs.every((r) => r.length >= 8 && r.length <= 64)).toBe(true);
  });
});
