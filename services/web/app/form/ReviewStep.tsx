import type { ItemKey } from '@onego/contracts';
import { pick, t } from '../i18n/index.ts';
import type { Draft } from './model.ts';

// Everything the parent typed, on one screen, before consent: what each department will get.

function Row(props: { label: string; value: string | undefined }) {
  if (!props.value) return null;
  return (
    <div class="row-item">
      <dt>{props.label}</dt>
      <dd>{props.value}</dd>
    </div>
  );
}

const label = (key: string) => t(key as Parameters<typeof t>[0]);

export function ReviewStep(props: {
  draft: Draft;
  itemName: (key: ItemKey) => { zh: string; en: string } | undefined;
  onEdit: (step: number) => void;
}) {
  const d = props.draft;
  const edit = (step: number, what: string) => (
    <button type="button" class="link" onClick={() => props.onEdit(step)}>
      {t('form.change')} <span class="visually-hidden">{what}</span>
    </button>
  );
  return (
    <div class="review">
      {d.children.map((c, i) => (
        <section key={i} class="card" aria-labelledby={`review-child-${i}`}>
          <h3 id={`review-child-${i}`}>
            {t('form.childN', { n: i + 1 })} {edit(0, t('form.childN', { n: i + 1 }))}
          </h3>
          <dl>
            <Row label={t('field.name')} value={c.name} />
            <Row label={t('field.sex')} value={c.sex && label(`sex.${c.sex}`)} />
            <Row label={t('field.birthDateTime')} value={`${c.birthDate} ${c.birthTime}`} />
            <Row label={t('field.facility')} value={`${c.province}${c.city}${c.county} ${c.facility}`} />
            <Row label={t('field.weightGrams')} value={c.weightGrams} />
            <Row label={t('field.lengthCm')} value={c.lengthCm} />
            <Row label={t('field.gestationalWeeks')} value={c.gestationalWeeks} />
          </dl>
        </section>
      ))}
      {(['mother', 'father'] as const).map((p) => (
        <section key={p} class="card" aria-labelledby={`review-${p}`}>
          <h3 id={`review-${p}`}>
            {t(`party.${p}`)} {edit(1, t(`party.${p}`))}
          </h3>
          {d[p].present ? (
            <dl>
              <Row label={t('field.name')} value={d[p].name} />
              <Row label={t('field.idType')} value={label(`idType.${d[p].idType}`)} />
              <Row label={t('field.idNumber')} value={d[p].idNumber} />
              <Row label={t('field.phone')} value={d[p].phone} />
            </dl>
          ) : (
            <p>{t('form.parentAbsent')}</p>
          )}
        </section>
      ))}
      <section class="card" aria-labelledby="review-household">
        <h3 id="review-household">
          {t('step.household')} {edit(2, t('step.household'))}
        </h3>
        <dl>
          <Row label={t('field.marriageStatus')} value={label(`marriage.${d.marriage.status}`)} />
          <Row
            label={t('field.registerWith')}
            value={t(`party.${d.household.registerWith as 'mother' | 'father'}`)}
          />
          <Row label={t('field.householdAddress')} value={d.household.address} />
          <Row
            label={t('field.headOfHousehold')}
            value={`${d.household.headName} ${d.household.headIdNumber}`}
          />
          <Row label={t('field.residentialAddress')} value={d.residentialAddress} />
        </dl>
      </section>
      <section class="card" aria-labelledby="review-items">
        <h3 id="review-items">
          {t('field.items')} {edit(3, t('field.items'))}
        </h3>
        <ul>
          {d.items.map((key) => (
            <li key={key}>{pick(props.itemName(key))}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}
