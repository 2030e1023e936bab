import { type DatabaseHandle, openDatabase } from '@onego/db';
import { type OpenTestDatabase, openTestDatabase } from '@onego/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { claimDue } from '../src/dispatch/claims.ts';

// Claiming due department calls, as several workers (replicas) do at once against one table.

let one: OpenTestDatabase;
let other: DatabaseHandle;

beforeAll(async () => {
  one = await openTestDatabase('dispatch_claims', {
    migrations: { schema: 'department_adapters', folder: new URL('../drizzle', import.meta.url) },
    max: 2,
  });
  other = openDatabase(one.url, { max: 2 });
});
afterAll(async () => {
  await other.close();
  await one.close();
});
beforeEach(async () => {
  await one.sql`truncate department_adapters.dispatches`;
});

const addCalls = (n: number, dueIn: string, department = 'medical-insurance') =>
  one.sql`
    insert into department_adapters.dispatches (department, case_ref, kind, idempotency_key, due_at)
    select ${department}, ${department} || '-' || g || '-' || ${dueIn}, 'submit', ${department} || '-key-' || g || '-' || ${dueIn},
      now() + ${dueIn}::interval - g * interval '1 ms'
    from generate_series(1, ${n}) g`;

describe('claiming due calls', () => {
  it('gives two workers claiming at once different calls, each leased, and leaves calls not yet due', async () => {
    // Given 20 calls due and 5 due in an hour
    await addCalls(20, '-1 second');
    await addCalls(5, '1 hour');
    // When two workers claim up to 8 each at the same moment
    const now = new Date();
    const options = { now, leaseMs: 60_000 };
    const rooms = { 'medical-insurance': 8, 'social-security': 8 };
    const [a, b] = await Promise.all([claimDue(one.db, rooms, options), claimDue(other.db, rooms, options)]);
    // Then each has 8, none claimed twice, each counted as a call and leased for a minute
    expect(a).toHaveLength(8);
    expect(b).toHaveLength(8);
    const ids = new Set([...a, ...b].map((d) => d.id));
    expect(ids.size).toBe(16);
    for (const row of [...a, ...b]) {
      expect(row.calls).toBe(1);
      expect(row.claim).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.dueAt.getTime()).toBe(now.getTime() + 60_000);
    }
    // And a third claim takes the 4 still due, not the ones due in an hour nor the leased ones
    const rest = await claimDue(one.db, { 'medical-insurance': 8 }, options);
    expect(rest).toHaveLength(4);
    expect(rest.every((d) => !ids.has(d.id) && d.caseRef.endsWith('-1 second'))).toBe(true);
    // And nothing of another department is taken
    expect(await claimDue(other.db, { 'social-security': 8 }, options)).toEqual([]);
  });

  it("takes no more of a department's calls than its room, oldest first, whatever the others have due", async () => {
    // Given 10 calls due to each of two departments
    await addCalls(10, '-1 second', 'medical-insurance');
    await addCalls(10, '-1 second', 'social-security');
    // When a worker with room for 3 of medical insurance's and 5 of social security's claims
    const claimed = await claimDue(
      one.db,
      { 'medical-insurance': 3, 'social-security': 5, health: 0 },
      { now: new Date(), leaseMs: 60_000 },
    );
    // Then it has the 3 and the 5 longest due of each
    const of = (department: string) =>
      claimed
        .filter((d) => d.department === department)
        .map((d) => d.caseRef)
        .sort();
    expect(of('medical-insurance')).toEqual(
      ['8', '9', '10'].map((g) => `medical-insurance-${g}--1 second`).sort(),
    );
    expect(of('social-security')).toEqual(
      ['6', '7', '8', '9', '10'].map((g) => `social-security-${g}--1 second`).sort(),
    );
  });
});
