import type { OpenTestDatabase } from '@onego/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, brokenAuditEntry } from '../src/audit.ts';
import { openApplicationsDatabase } from './fixture/database.ts';

let handle: OpenTestDatabase;

beforeAll(async () => {
  handle = await openApplicationsDatabase('audit');
});
afterAll(async () => {
  await handle?.close();
});

const entry = (n: number) => ({
  at: new Date(`2026-11-23T09:00:0${n}+08:00`),
  actor: 'operator:1f6c',
  action: 'open-record',
  subject: `application:${n}`,
  reason: '12345 热线来电核实进度',
});

describe('the audit log of access to personal data', () => {
  it('chains every entry, even those written at the same time', async () => {
    await Promise.all([1, 2, 3, 4].map((n) => handle.db.transaction((tx) => appendAudit(tx, entry(n)))));
    const [{ n }] = (await handle.sql`select count(*)::int as n from applications.audit_log`) as unknown as [
      { n: number },
    ];
    expect(n).toBe(4);
    expect(await brokenAuditEntry(handle.db)).toBeNull();
  });

  it('cannot be edited or deleted', async () => {
    await expect(handle.sql`update applications.audit_log set reason = 'nothing to see'`).rejects.toThrow(
      /append-only/,
    );
    await expect(handle.sql`delete from applications.audit_log`).rejects.toThrow(/append-only/);
    await expect(handle.sql`truncate applications.audit_log`).rejects.toThrow(/append-only/);
  });

  it('shows where it was tampered with by someone able to lift the protection', async () => {
    // Given a superuser who disables the trigger and rewrites an entry's reason
    await handle.sql.begin(async (tx) => {
      await tx`alter table applications.audit_log disable trigger audit_log_append_only`;
      await tx`update applications.audit_log set reason = 'routine' where id = 2`;
      await tx`alter table applications.audit_log enable trigger audit_log_append_only`;
    });
    // Then the chain breaks at that entry
    expect(await brokenAuditEntry(handle.db)).toBe(2);
  });
});
