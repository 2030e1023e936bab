import { describe, expect, it } from 'vitest';
import { expireMaterials, resubmitItem, supplyMaterial, withdraw } from '../src/domain/corrections.ts';
import { applyDecision } from '../src/domain/decisions.ts';
import { type ItemState, planIntake } from '../src/domain/orchestration.ts';
import { itemsFor, requested } from './fixture/items.ts';

const statement = 'birth-outside-marriage-statement' as const;
const need = (dueDate = '2026-12-04') => ({
  code: statement,
  note: '非婚生育说明',
  dueDate,
  suppliedMaterialId: null,
});

/** Twins whose hukou registrations both wait for the statement declared missing at intake, birth certificates approved. */
function twinsAwaitingStatement(): ItemState[] {
  let items = planIntake(itemsFor(2, (key) => (key === 'household-registration' ? [need()] : []))).items;
  for (const child of [0, 1]) {
    const t = applyDecision(
      items,
      `${child}:birth-certificate`,
      1,
      { outcome: 'approved', outputs: { birthCertificateNumber: `P43012345${child}` } },
      '2026-12-04',
    );
    items = t?.items ?? items;
  }
  return items;
}

describe('the applicant’s side of a stalled item', () => {
  it('sends a corrected rejected item again as the next attempt, redoing nothing approved', () => {
    const afterIntake = planIntake(itemsFor(1)).items;
    const rejected =
      applyDecision(afterIntake, '0:birth-certificate', 1, { outcome: 'rejected' }, '2026-12-04')?.items ??
      [];
    const t = resubmitItem(rejected, '0:birth-certificate');
    expect(requested(t?.effects ?? [])).toEqual(['0:birth-certificate']);
    expect(t?.items.find((i) => i.itemKey === 'birth-certificate')).toMatchObject({
      status: 'requested',
      attempt: 2,
    });
    expect(resubmitItem(t?.items ?? [], '0:birth-certificate')).toBeNull();
  });

  it('lets one supplied statement release both twins’ hukou registrations, with the material attached', () => {
    // Given twins whose registrations wait for the statement, when it is supplied once
    const t = supplyMaterial(twinsAwaitingStatement(), statement, 'material-1');
    // Then both are requested again as attempt 2, and each records the material
    expect(requested(t?.effects ?? [])).toEqual(['0:household-registration', '1:household-registration']);
    for (const item of t?.items.filter((i) => i.itemKey === 'household-registration') ?? []) {
      expect(item).toMatchObject({ status: 'requested', attempt: 2 });
      expect(item.materials[0]?.suppliedMaterialId).toBe('material-1');
    }
    expect(t?.status).toBe('in-progress');
  });

  it('refuses a material nobody waits for', () => {
    expect(supplyMaterial(planIntake(itemsFor(1)).items, statement, 'm')).toBeNull();
  });

  it('rejects items whose materials were not supplied by the due date, and only those', () => {
    const items = twinsAwaitingStatement();
    expect(expireMaterials(items, '2026-12-04')).toBeNull();
    const expiry = expireMaterials(items, '2026-12-05');
    expect(expiry?.expired.map((i) => i.id).sort()).toEqual([
      '0:household-registration',
      '1:household-registration',
    ]);
    expect(expiry?.transition.status).toBe('action-required');
  });

  it('withdraws: cancels what is at a department, drops what waits, keeps or revokes issued certificates by rule', () => {
    // Given the birth certificate completed and three items requested
    const afterIntake = planIntake(itemsFor(1)).items;
    const decided = applyDecision(
      afterIntake,
      '0:birth-certificate',
      1,
      { outcome: 'approved', outputs: { birthCertificateNumber: 'P430123456' } },
      '2026-12-04',
    );
    const items = (decided?.items ?? []).map((i) =>
      i.itemKey === 'birth-certificate' ? { ...i, status: 'completed' as const } : i,
    );
    // When the applicant withdraws, with a rule revoking the birth certificate (to exercise it)
    const t = withdraw(items, (i) => i.itemKey === 'birth-certificate');
    // Then requested items are cancelled at their departments, waiting ones simply cancelled
    expect(
      t.effects
        .filter((e) => e.kind === 'cancel-item')
        .map((e) => e.itemId)
        .sort(),
    ).toEqual(['0:child-health-handbook', '0:household-registration', '0:vaccination-certificate']);
    expect(t.effects).toContainEqual({ kind: 'revoke-certificate', itemId: '0:birth-certificate' });
    expect(t.items.filter((i) => i.status === 'cancelled')).toHaveLength(5);
    expect(t.status).toBe('withdrawn');
    expect(requested(t.effects)).toEqual([]);
  });
});
