import { type Attachment, DEPARTMENTS, type Department, departmentContracts } from '@onego/contracts';
import { describe, expect, it } from 'vitest';
import { cancellationOf } from '../src/domain/cancellation.ts';
import type { DepartmentDecision } from '../src/domain/translator.ts';
import { translateDecision, translateRequest } from '../src/domain/translators.ts';
import { canonicalDecided, payloadOf, refsOf } from './fixture/example.ts';
import { itemKeyOf } from './fixture/keys.ts';

// Materials both ways, for every department: supplied materials travel in the request under
// the field its vocabulary gives them, and a department asking for materials becomes the
// canonical materials-required outcome, with the codes and notes as asked.

const statement: Attachment = {
  kind: 'file',
  materialId: '6a1c9a52-3a7e-4f4e-9d55-0c8e5d9f2b11',
  code: 'birth-outside-marriage-statement',
  mediaType: 'application/pdf',
  size: 48_213,
  sha256: 'a'.repeat(64),
  href: 'https://onego.example/api/materials/6a1c9a52?sig=abc',
};
const certificate: Attachment = {
  kind: 'certificate',
  materialId: '0f6b2d1e-8c3a-4b5d-9e7f-1a2b3c4d5e6f',
  code: 'marriage-certificate',
  certificateId: '12430000MB1234567X-2026-000001',
};
const asked = [{ code: 'birth-outside-marriage-statement', note: '请补充非婚生育说明' }] as const;
const at = '2026-11-23T09:00:00+08:00';

/** Each department's "materials required" answer, in its own words. */
const materialsAnswer: { [D in Department]: (ref: string) => DepartmentDecision<D> } = {
  health: (caseRef) => ({ caseRef, decidedAt: at, result: 'MATERIALS_REQUIRED', materials: [...asked] }),
  'public-security': (ywlsh) => ({
    ywlsh,
    bjsj: at,
    bjjg: '3',
    bzcl: asked.map((m) => ({ cldm: m.code, clsm: m.note })),
  }),
  'medical-insurance': (requestId) => ({
    requestId,
    decidedAt: at,
    status: 'PENDING_DOCUMENTS',
    documents: [...asked],
  }),
  'social-security': (applicationNo) => ({
    applicationNo,
    decidedAt: at,
    result: 'SUPPLEMENT_REQUIRED',
    supplements: [...asked],
  }),
  cdc: (ref) => ({
    ref,
    decidedAt: at,
    accepted: false,
    reason: { code: 'MATERIALS_REQUIRED', text: '需补充材料后受理' },
    materials: [...asked],
  }),
  'maternal-child-health': (ref) => ({
    ref,
    decidedAt: at,
    outcome: 'MATERIALS_REQUIRED',
    materials: [...asked],
  }),
};

describe('materials in the departments’ vocabularies', () => {
  it.each(DEPARTMENTS)(
    '%s receives supplied materials with the request, as its contract has them',
    (department) => {
      // Given a second attempt carrying a file and an e-certificate reference
      const request = translateRequest(department, payloadOf(department), {
        ...refsOf(department),
        attachments: [statement, certificate],
      }) as Record<string, unknown>;
      // Then the department's schema accepts it, with both materials under its own field name
      expect(departmentContracts[department].request.schema.safeParse(request).error).toBeUndefined();
      const field = department === 'public-security' ? 'fj' : 'attachments';
      expect(request[field]).toEqual([statement, certificate]);
    },
  );

  it.each(DEPARTMENTS)('%s receives no materials field at all on a first attempt', (department) => {
    const request = translateRequest(department, payloadOf(department), refsOf(department));
    expect(Object.keys(request)).not.toContain(department === 'public-security' ? 'fj' : 'attachments');
  });

  it.each(DEPARTMENTS)(
    '%s asking for materials becomes a canonical materials-required decision',
    (department) => {
      // Given the department's answer asking for the statement of birth outside marriage
      const { caseRef } = refsOf(department);
      const answer = departmentContracts[department].decision.schema.parse(
        materialsAnswer[department](caseRef),
      );
      // When translated, then itemDecided accepts it, with the code and note as asked
      const decided = canonicalDecided(itemKeyOf(department), translateDecision(department, answer as never));
      expect(decided.error).toBeUndefined();
      expect(decided.data?.decision).toEqual({ outcome: 'materials-required', materials: asked });
    },
  );

  it('keeps a cdc refusal that names no materials a rejection', () => {
    const answer = departmentContracts.cdc.decision.schema.parse({
      ref: refsOf('cdc').caseRef,
      decidedAt: at,
      accepted: false,
      reason: { code: 'OUT_OF_AREA', text: '居住地不在本辖区' },
    });
    expect(translateDecision('cdc', answer).decision).toEqual({
      outcome: 'rejected',
      reason: { code: 'OUT_OF_AREA', message: '居住地不在本辖区' },
    });
  });

  it.each(DEPARTMENTS)('%s is told of a withdrawal in a cancellation its contract accepts', (department) => {
    const body = cancellationOf(refsOf(department).caseRef, at, 'withdrawn');
    expect(departmentContracts[department].cancellation.schema.safeParse(body).error).toBeUndefined();
    expect(body.reason).toMatch(/撤回/);
  });
});
