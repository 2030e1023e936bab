import { Parser } from '@asyncapi/parser';
import { describe, expect, it } from 'vitest';
import { allContracts, buildAsyncApiDocument } from '../src/index.ts';

describe('the AsyncAPI document generated from the contracts', () => {
  it('is a valid AsyncAPI 3 document with one channel per contract', async () => {
    // Given the document the gateway publishes
    const document = buildAsyncApiDocument({ version: '1.0.0' });
    // When the reference parser reads it
    const { document: parsed, diagnostics } = await new Parser().parse(JSON.stringify(document));
    // Then it has no errors and every contract is a channel with its message
    const errors = diagnostics.filter((d) => d.severity === 0);
    expect(errors).toEqual([]);
    expect(parsed?.channels().length).toBe(allContracts.length);
    const requested = parsed?.channels().get('onego-item-requested-v1');
    expect(requested?.address()).toBe('onego.item.requested.v1.{department}');
    expect(requested?.messages().all()[0]?.payload()?.properties()?.data).toBeDefined();
  });
});
