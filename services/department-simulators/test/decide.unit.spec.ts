import { parseCitizenId } from '@onego/codes';
import { DEPARTMENTS, departmentContracts } from '@onego/contracts';
import { describe, expect, it } from 'vitest';
import { respond } from '../src/domain/decide.ts';
import { requestOf, requestWithMaterialOf } from './fixture/requests.ts';

const now = new Date('2026-11-22T02:00:00Z');
const answerOf = (response: ReturnType<typeof respond>) => {
  if (response.kind !== 'answer') throw new Error('expected an answer');
  return response;
};

describe('a simulated department system', () => {
  it.each(DEPARTMENTS)('%s approves by default, within its own decision contract', (department) => {
    // Given a request in the department's vocabulary
    const answer = answerOf(respond(department, requestOf(department), { mode: 'approve' }, now));
    // Then the answer is due now and its decision contract accepts it
    expect(answer.dueAt).toEqual(now);
    expect(answer.conforms).toBe(true);
    expect(departmentContracts[department].decision.schema.safeParse(answer.decision).error).toBeUndefined();
  });

  it.each(DEPARTMENTS)('%s answers a redelivered request with the identical decision', (department) => {
    // Given the same request twice, then the two decisions are identical
    const once = answerOf(respond(department, requestOf(department), { mode: 'approve' }, now));
    const twice = answerOf(respond(department, requestOf(department), { mode: 'approve' }, now));
    expect(twice.decision).toEqual(once.decision);
  });

  it('public security registers the child with a citizen ID of the household’s region, birth date and sex', () => {
    // Given the 户政 request for a girl born 2026-11-20 into the household of 430681199108230011
    const { decision } = answerOf(
      respond('public-security', requestOf('public-security'), { mode: 'approve' }, now),
    );
    // Then the ID number is valid and carries the region, the birth date and the sex
    expect(decision).toMatchObject({ bjjg: '1', hh: expect.stringMatching(/^\d{9,12}$/) });
    expect(parseCitizenId(decision.gmsfhm as string)).toMatchObject({
      ok: true,
      region: '430681',
      birthDate: '2026-11-20',
      sex: 'female',
    });
  });

  it('medical insurance covers the child from the day of birth', () => {
    const { decision } = answerOf(
      respond('medical-insurance', requestOf('medical-insurance'), { mode: 'approve' }, now),
    );
    expect(decision).toMatchObject({
      status: 'ENROLLED',
      coverageStart: '2026-11-20',
      psnNo: expect.stringMatching(/^430681\d{10}$/),
    });
  });

  it.each(DEPARTMENTS)(
    '%s refuses in its own vocabulary with the configured code and reason',
    (department) => {
      // Given a behaviour that rejects with a code and reason
      const behaviour = { mode: 'reject', rejectCode: 'NEEDS_REVIEW', rejectReason: '需要人工复核' } as const;
      const answer = answerOf(respond(department, requestOf(department), behaviour, now));
      // Then the refusal is valid under the department's contract and carries both
      const parsed = departmentContracts[department].decision.schema.safeParse(answer.decision);
      expect(parsed.error).toBeUndefined();
      expect(JSON.stringify(answer.decision)).toContain('NEEDS_REVIEW');
      expect(JSON.stringify(answer.decision)).toContain('需要人工复核');
    },
  );

  it.each(DEPARTMENTS)('%s can answer outside its decision contract on purpose', (department) => {
    // Given a malformed behaviour, then the answer is marked and its contract refuses it
    const answer = answerOf(respond(department, requestOf(department), { mode: 'malformed' }, now));
    expect(answer.conforms).toBe(false);
    expect(departmentContracts[department].decision.schema.safeParse(answer.decision).success).toBe(false);
  });

  it('does not answer at all when failing, and answers later when slow', () => {
    // Given a failing and a slow behaviour
    const down = respond('health', requestOf('health'), { mode: 'fail' }, now);
    const slow = answerOf(respond('health', requestOf('health'), { mode: 'approve', delayMs: 5000 }, now));
    // Then the first has no answer, and the second is due (and dated) five seconds later
    expect(down).toEqual({ kind: 'down' });
    expect(slow.dueAt).toEqual(new Date('2026-11-22T02:00:05Z'));
    expect(slow.decision.decidedAt).toBe('2026-11-22T02:00:05.000Z');
  });

  it.each(DEPARTMENTS)('%s asks for materials in its own vocabulary, within its contract', (department) => {
    // Given the department set to want materials, and a first request without any
    const answer = answerOf(respond(department, requestOf(department), { mode: 'materials' }, now));
    // Then its answer asks for them, and its decision contract accepts it
    expect(answer.conforms).toBe(true);
    expect(departmentContracts[department].decision.schema.safeParse(answer.decision).error).toBeUndefined();
    expect(JSON.stringify(answer.decision)).toMatch(/"(materials|documents|supplements|bzcl)"/);
  });

  it('public security asks for the statement of birth outside marriage by default, or what it is told', () => {
    const asked = (behaviour: Parameters<typeof respond>[2]) =>
      answerOf(respond('public-security', requestOf('public-security'), behaviour, now)).decision;
    expect(asked({ mode: 'materials' })).toMatchObject({
      bjjg: '3',
      bzcl: [{ cldm: 'birth-outside-marriage-statement', clsm: '请补充非婚生育说明' }],
    });
    expect(
      asked({ mode: 'materials', materialCode: 'marriage-certificate', materialNote: '请补充结婚证' }),
    ).toMatchObject({
      bzcl: [{ cldm: 'marriage-certificate', clsm: '请补充结婚证' }],
    });
  });

  it.each(DEPARTMENTS)('%s decides normally once a request brings the materials', (department) => {
    // Given the department still set to want materials, and a request carrying them
    const answer = answerOf(
      respond(department, requestWithMaterialOf(department), { mode: 'materials' }, now),
    );
    // Then it approves, exactly as it would have without the materials mode
    const approved = answerOf(
      respond(department, requestWithMaterialOf(department), { mode: 'approve' }, now),
    );
    expect(answer.decision).toEqual(approved.decision);
  });
});
