import { describe, expect, it } from 'vitest';
import { applyCertificateIssued, applyDecision } from '../src/domain/decisions.ts';
import { applicationStatus, forwardedOutputs, planIntake } from '../src/domain/orchestration.ts';
import { itemsFor, requested } from './fixture/items.ts';

const DUE = '2026-11-30';

const approve = (outputs: Record<string, unknown> = {}) => ({ outcome: 'approved' as const, outputs });

describe('the dependency planner', () => {
  it('requests only the birth certificate at intake', () => {
    const { effects, items } = planIntake(itemsFor(1));
    expect(requested(effects)).toEqual(['0:birth-certificate']);
    expect(items.filter((i) => i.status === 'requested')).toHaveLength(1);
  });

  it('requests the birth certificate of every twin at intake', () => {
    expect(requested(planIntake(itemsFor(2)).effects)).toEqual([
      '0:birth-certificate',
      '1:birth-certificate',
    ]);
  });

  it('starts household registration, vaccination and handbook in parallel once the birth certificate is approved', () => {
    // Given intake done, when health approves
    const afterIntake = planIntake(itemsFor(1)).items;
    const t = applyDecision(
      afterIntake,
      '0:birth-certificate',
      1,
      approve({ birthCertificateNumber: 'P430123456' }),
      DUE,
    );
    // Then the three dependants are requested and the birth certificate's e-certificate is requested too
    expect(requested(t?.effects ?? [])).toEqual([
      '0:child-health-handbook',
      '0:household-registration',
      '0:vaccination-certificate',
    ]);
    expect(t?.effects).toContainEqual({
      kind: 'request-certificate',
      itemId: '0:birth-certificate',
      certificateType: 'birth-medical-certificate',
    });
    expect(forwardedOutputs(t?.items ?? [], 0)).toEqual({ birthCertificateNumber: 'P430123456' });
  });

  it('keeps one twin’s approval from starting the other twin’s items', () => {
    const afterIntake = planIntake(itemsFor(2)).items;
    const t = applyDecision(
      afterIntake,
      '1:birth-certificate',
      1,
      approve({ birthCertificateNumber: 'P430123457' }),
      DUE,
    );
    expect(requested(t?.effects ?? []).every((id) => id.startsWith('1:'))).toBe(true);
  });

  it('ignores a decision for an item that is not awaiting one (a late duplicate)', () => {
    const afterIntake = planIntake(itemsFor(1)).items;
    expect(applyDecision(afterIntake, '0:household-registration', 1, approve(), DUE)).toBeNull();
  });

  it('ignores a decision for an earlier attempt than the one outstanding', () => {
    const afterIntake = planIntake(itemsFor(1)).items.map((i) =>
      i.itemKey === 'birth-certificate' ? { ...i, attempt: 2 } : i,
    );
    expect(
      applyDecision(
        afterIntake,
        '0:birth-certificate',
        1,
        approve({ birthCertificateNumber: 'P430123456' }),
        DUE,
      ),
    ).toBeNull();
  });

  it('completes an item without a certificate on approval, and the application when every item is complete', () => {
    let items = planIntake(itemsFor(1)).items;
    const outputs: Record<string, Record<string, unknown>> = {
      'birth-certificate': { birthCertificateNumber: 'P430123456' },
      'household-registration': {
        citizenIdNumber: '430681202611200228',
        householdRecordNumber: '430681001234',
      },
    };
    let completed = false;
    for (let guard = 0; guard < 20 && !completed; guard++) {
      const next = items.find((i) => i.status === 'requested') ?? items.find((i) => i.status === 'approved');
      if (!next) break;
      const t =
        next.status === 'requested'
          ? applyDecision(items, next.id, 1, approve(outputs[next.itemKey]), DUE)
          : applyCertificateIssued(items, next.id, false, false);
      if (!t) throw new Error('no transition');
      if (next.itemKey === 'social-security-card' && next.status === 'requested') {
        expect(t.items.find((i) => i.id === next.id)?.status).toBe('completed');
      }
      items = t.items;
      completed = t.effects.some((e) => e.kind === 'complete-application');
    }
    expect(completed).toBe(true);
    expect(applicationStatus(items)).toBe('completed');
  });

  it('does not start items that depend on a rejected one, and marks the application as needing action', () => {
    const afterIntake = planIntake(itemsFor(1)).items;
    const t = applyDecision(afterIntake, '0:birth-certificate', 1, { outcome: 'rejected' }, DUE);
    expect(requested(t?.effects ?? [])).toEqual([]);
    expect(t?.status).toBe('action-required');
  });

  it('holds an item whose department asks for materials, with the deadline, while the others go on', () => {
    // Given health approved and hukou, vaccination and handbook requested
    const afterIntake = planIntake(itemsFor(1)).items;
    const started = applyDecision(
      afterIntake,
      '0:birth-certificate',
      1,
      approve({ birthCertificateNumber: 'P430123456' }),
      DUE,
    );
    // When public security asks for the statement of birth outside marriage
    const asked = applyDecision(
      started?.items ?? [],
      '0:household-registration',
      1,
      {
        outcome: 'materials-required',
        materials: [{ code: 'birth-outside-marriage-statement', note: '请补交非婚生育说明' }],
      },
      '2026-12-04',
    );
    // Then the item waits for it with its due date, the application needs action, the rest are untouched
    const hukou = asked?.items.find((i) => i.itemKey === 'household-registration');
    expect(hukou?.status).toBe('awaiting-materials');
    expect(hukou?.materials).toEqual([
      {
        code: 'birth-outside-marriage-statement',
        note: '请补交非婚生育说明',
        dueDate: '2026-12-04',
        suppliedMaterialId: null,
      },
    ]);
    expect(asked?.status).toBe('action-required');
    expect(asked?.items.find((i) => i.itemKey === 'vaccination-certificate')?.status).toBe('requested');
  });

  it('keeps an item with a material declared missing at intake out of its department until supplied', () => {
    const need = {
      code: 'birth-outside-marriage-statement' as const,
      note: 'x',
      dueDate: DUE,
      suppliedMaterialId: null,
    };
    const intake = planIntake(itemsFor(1, (key) => (key === 'household-registration' ? [need] : [])));
    expect(intake.items.find((i) => i.itemKey === 'household-registration')?.status).toBe(
      'awaiting-materials',
    );
    const t = applyDecision(
      intake.items,
      '0:birth-certificate',
      1,
      approve({ birthCertificateNumber: 'P430123456' }),
      DUE,
    );
    expect(requested(t?.effects ?? [])).toEqual(['0:child-health-handbook', '0:vaccination-certificate']);
  });

  it('revokes a certificate issued after withdrawal when the item’s rule says so', () => {
    const items = planIntake(itemsFor(1)).items.map((i) =>
      i.itemKey === 'birth-certificate' ? { ...i, status: 'approved' as const } : i,
    );
    expect(applyCertificateIssued(items, '0:birth-certificate', true, true)?.effects).toEqual([
      { kind: 'revoke-certificate', itemId: '0:birth-certificate' },
    ]);
    expect(applyCertificateIssued(items, '0:birth-certificate', true, false)?.effects).toEqual([]);
  });
});
