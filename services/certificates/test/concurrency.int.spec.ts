import { randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificateRequest } from './fixtures.ts';
import { type Certificates, startCertificates } from './harness.ts';

// 1,000 certificates of one issuer requested at once: the consumer handles them concurrently,
// and each gets its own serial and its own status list index, by count and by constraint.

let h: Certificates;
beforeAll(async () => {
  h = await startCertificates();
});
afterAll(() => h?.close());

describe('concurrent issuance for one issuer', () => {
  it('gives 1,000 certificates 1,000 distinct serials and 1,000 distinct status indexes', {
    timeout: 120_000,
  }, async () => {
    // Given 1,000 requests for vaccination certificates (one issuer: cdc), published at once
    const requests = Array.from({ length: 1000 }, (_, i) =>
      certificateRequest('vaccination-certificate', { childIndex: i % 8 }),
    );
    await Promise.all(requests.map((r) => h.request(r)));

    // When they have all been processed
    await h.settled();

    // Then there are 1,000 certificates with 1,000 distinct serials
    const ids = requests.map((r) => r.itemId);
    const rows = (
      await h.db.select().from(h.schema.certificates).where(inArray(h.schema.certificates.itemId, ids))
    ).map(h.open);
    expect(rows).toHaveLength(1000);
    expect(new Set(rows.map((r) => r.serial)).size).toBe(1000);

    // And 1,000 distinct (list, index) slots, spread across the list rather than counted up
    const slots = await h.db
      .select()
      .from(h.schema.statusSlots)
      .where(
        inArray(
          h.schema.statusSlots.itemId,
          rows.map((r) => r.itemId),
        ),
      );
    expect(slots).toHaveLength(1000);
    expect(new Set(slots.map((s) => `${s.department}/${s.list}/${s.index}`)).size).toBe(1000);
    expect(Math.max(...slots.map((s) => s.index))).toBeGreaterThan(10_000);

    // And each credential names the index it was given
    const byItem = new Map(slots.map((s) => [s.itemId, String(s.index)]));
    for (const row of rows.slice(0, 50)) {
      const claims = JSON.parse(
        Buffer.from(row.credential.split('.')[1] ?? '', 'base64url').toString('utf8'),
      );
      expect(claims.credentialStatus[0].statusListIndex).toBe(byItem.get(row.itemId));
    }
  });

  it('refuses, by constraint, a second certificate at an index that is taken', async () => {
    // Given a slot that is taken
    const [taken] = await h.db.select().from(h.schema.statusSlots).limit(1);
    if (!taken) throw new Error('no slot');

    // When another certificate is put at the same (issuer, list, index)
    const duplicate = h.db.insert(h.schema.statusSlots).values({ ...taken, itemId: randomUUID() });

    // Then the database refuses it
    await expect(duplicate).rejects.toMatchObject({
      cause: { code: '23505', constraint_name: 'status_slots_slot' },
    });
  });
});
