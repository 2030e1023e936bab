import { createNamespace, type NewbornSubmission } from '@onego/contracts';
import { createOutbox } from '@onego/messaging';
import type { OpenTestDatabase } from '@onego/testing';
import { canonicalSubmission } from '@onego/testing';
import { DEVELOPMENT_MASTER_KEYS, openVault, parseMasterKeys, type Vault } from '@onego/vault';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newbornBundle } from '../src/catalogue/newborn.ts';
import { applications, items, tables } from '../src/db/schema.ts';
import { platformFigures } from '../src/figures.ts';
import { createMaterialLinks } from '../src/materials/links.ts';
import { cursorOf, searchApplications, searchQuery } from '../src/routes/operator.ts';
import { createApplicationStore } from '../src/store.ts';
import { raiseDueWarnings } from '../src/supervision.ts';
import { openApplicationsDatabase } from './fixture/database.ts';

let handle: OpenTestDatabase;
let vault: Vault;
const outbox = () =>
  createOutbox({
    tables,
    namespace: createNamespace('search'),
    source: '/tests',
    vault,
  });

beforeAll(async () => {
  handle = await openApplicationsDatabase('operator_search');
  vault = await openVault({
    sql: handle.sql,
    schema: 'applications',
    masterKeys: parseMasterKeys(DEVELOPMENT_MASTER_KEYS),
  });
});
afterAll(async () => {
  await handle?.close();
});

async function accepted(submittedAt: string, dueDate: string, county = '汨罗市') {
  const now = new Date(submittedAt);
  const store = createApplicationStore({
    vault,
    outbox: outbox(),
    links: createMaterialLinks({ origin: 'http://x', secret: 'x'.repeat(32), ttlMs: 1, clock: () => now }),
  });
  const submission = canonicalSubmission() as unknown as NewbornSubmission;
  const [child] = submission.form.children;
  if (child) submission.form.children[0] = { ...child, birthPlace: { ...child.birthPlace, county } };
  const app = await handle.db.transaction((tx) =>
    store.create(tx, {
      ownerId: '00000000-0000-4000-8000-000000000002',
      bundle: newbornBundle,
      submission,
      idempotencyKey: null,
      requestHash: 'x',
      dueDate,
      late: false,
      declaredMissing: () => [],
      now,
    }),
  );
  return app.id;
}

const search = (query: Record<string, unknown>, today = '2026-11-20') =>
  searchApplications(handle.db, searchQuery.parse(query), today);

describe('operator search', () => {
  it('filters by holder, deadline and region, shows warnings and holders, and pages without gaps', async () => {
    // Given three applications: an overdue one in 平江县, one due today, one on track
    const overdue = await accepted('2026-11-02T09:00:00+08:00', '2026-11-04', '平江县');
    const dueToday = await accepted('2026-11-18T09:00:00+08:00', '2026-11-20');
    const onTrack = await accepted('2026-11-19T09:00:00+08:00', '2026-11-23');
    // And the overdue one's birth certificate at the health department, warned red
    await raiseDueWarnings(handle.db, outbox(), new Date('2026-11-20T10:00:00+08:00'));

    // Then the newest come first, with the department holding each and its worst warning
    const all = await search({});
    expect(all.map((r) => r.id)).toEqual([onTrack, dueToday, overdue]);
    const row = (id: string) => all.find((r) => r.id === id);
    expect(row(overdue)).toMatchObject({ warning: 'red', heldBy: ['health'], region: '平江县' });
    expect(row(dueToday)).toMatchObject({ warning: 'yellow', heldBy: ['health'] });
    expect(row(onTrack)?.warning).toBeNull();

    // Filters
    expect((await search({ deadline: 'overdue' })).map((r) => r.id)).toEqual([overdue]);
    expect((await search({ deadline: 'due-today' })).map((r) => r.id)).toEqual([dueToday]);
    expect((await search({ region: '平江县' })).map((r) => r.id)).toEqual([overdue]);
    expect((await search({ from: '2026-11-18', to: '2026-11-18' })).map((r) => r.id)).toEqual([dueToday]);
    await handle.db
      .update(items)
      .set({ status: 'completed' })
      .where(and(eq(items.applicationId, onTrack), eq(items.itemKey, 'birth-certificate')));
    await handle.db
      .update(items)
      .set({ status: 'requested' })
      .where(and(eq(items.applicationId, onTrack), eq(items.itemKey, 'household-registration')));
    expect((await search({ department: 'public-security' })).map((r) => r.id)).toEqual([onTrack]);
    expect((await search({ department: 'health' })).map((r) => r.id)).toEqual([dueToday, overdue]);
    await handle.db.update(applications).set({ status: 'completed' }).where(eq(applications.id, overdue));
    expect((await search({ deadline: 'overdue' })).map((r) => r.id)).toEqual([]);

    // Keyset pages of one: every application once, in order
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 5; page++) {
      const rows = await search({ limit: 1, ...(cursor && { cursor }) });
      const first = rows[0];
      if (!first) break;
      seen.push(first.id);
      if (rows.length < 2) break;
      cursor = cursorOf(first);
    }
    expect(seen).toEqual([onTrack, dueToday, overdue]);
  });
});

describe('the dashboard figures', () => {
  it('count only the operator’s region, and every region for a supervisor', async () => {
    // Given the figures before an application in 岳阳楼区
    const all = await platformFigures(handle.db);
    const elsewhere = await platformFigures(handle.db, '汨罗市');
    // When one is accepted there
    await accepted('2026-11-18T02:00:00Z', '2026-11-20', '岳阳楼区');
    // Then that region's operator counts it, with its items in the departments' backlog
    const region = await platformFigures(handle.db, '岳阳楼区');
    expect(region.accepted).toBe(1);
    expect(region.departments.reduce((n, d) => n + d.backlog, 0)).toBeGreaterThan(0);
    // And a supervisor (no region) counts it too, while another region's operator does not
    expect((await platformFigures(handle.db)).accepted).toBe(all.accepted + 1);
    expect((await platformFigures(handle.db, '汨罗市')).accepted).toBe(elsewhere.accepted);
    // And a region with nothing has nothing
    const none = await platformFigures(handle.db, '无此区');
    expect(none.accepted).toBe(0);
    expect(none.departments.every((d) => d.backlog === 0 && d.decided24h === 0)).toBe(true);
  });
});
