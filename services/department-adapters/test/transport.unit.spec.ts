import { describe, expect, it } from 'vitest';
import { loadDepartmentAdaptersConfig } from '../src/config.ts';
import { caseRefOf, idempotencyKeyOf } from '../src/domain/case-ref.ts';
import { DEFAULT_TRANSPORT, parseTransport } from '../src/domain/transport.ts';

describe('how each department is reached', () => {
  it('reaches medical insurance and social security over HTTP and the other four over NATS by default', () => {
    expect(loadDepartmentAdaptersConfig({}).DEPARTMENT_TRANSPORT).toEqual(DEFAULT_TRANSPORT);
    expect(
      Object.entries(DEFAULT_TRANSPORT)
        .filter(([, t]) => t === 'http')
        .map(([d]) => d),
    ).toEqual(['medical-insurance', 'social-security']);
  });

  it('switches departments one by one, or all at once with *', () => {
    expect(parseTransport('health=http, medical-insurance=nats')).toMatchObject({
      health: 'http',
      'medical-insurance': 'nats',
      'social-security': 'http',
    });
    expect(Object.values(parseTransport('*=http') as object).every((t) => t === 'http')).toBe(true);
  });

  it('refuses an unknown department or transport, naming the variable', () => {
    for (const value of ['tax=http', 'health=smtp', 'health']) {
      expect(() => loadDepartmentAdaptersConfig({ DEPARTMENT_TRANSPORT: value })).toThrow(
        /DEPARTMENT_TRANSPORT/,
      );
    }
  });
});

describe('references per attempt', () => {
  const itemId = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

  it('files a corrected resubmission as a new case: the same reference with the attempt as a suffix', () => {
    expect(caseRefOf('health', itemId, 1)).toBe(caseRefOf('health', itemId));
    expect(caseRefOf('health', itemId, 2)).toBe('WJ3F2504E04F8941D39A0C0305E82C3301-2');
    expect(caseRefOf('public-security', itemId, 100).length).toBeLessThanOrEqual(64);
  });

  it('gives each call to a department one idempotency key per item, attempt and operation', () => {
    expect(idempotencyKeyOf(itemId, 1, 'submit')).toBe(idempotencyKeyOf(itemId, 1, 'submit'));
    expect(
      new Set([
        idempotencyKeyOf(itemId, 1, 'submit'),
        idempotencyKeyOf(itemId, 2, 'submit'),
        idempotencyKeyOf(itemId, 1, 'cancel'),
      ]).size,
    ).toBe(3);
  });
});
