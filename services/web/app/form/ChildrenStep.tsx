import { t } from '../i18n/index.ts';
import { Choice, SelectField, TextField } from '../ui/Field.tsx';
import { type ChildDraft, emptyChild, MAX_CHILDREN } from './model.ts';
import { fieldProps, type StepContext } from './step.ts';

const options = (values: string[], prefix: string) =>
  values.map((value) => ({ value, label: t(`${prefix}.${value}` as Parameters<typeof t>[0]) }));

function Child(props: { ctx: StepContext; index: number }) {
  const { ctx, index } = props;
  const child = ctx.draft.children[index] as ChildDraft;
  const base = `form.children.${index}`;
  const set = (key: keyof ChildDraft) => (value: string) =>
    ctx.change((d) => {
      (d.children[index] as ChildDraft)[key] = value;
    });
  const text = (key: keyof ChildDraft, path = `${base}.${key}`) => ({
    ...fieldProps(ctx, path),
    value: child[key],
    onValue: set(key),
  });
  return (
    <fieldset class="group">
      <legend>{t('form.childN', { n: index + 1 })}</legend>
      <TextField {...text('name')} autoComplete="off" required />
      <Choice
        {...fieldProps(ctx, `${base}.sex`)}
        value={child.sex}
        onValue={set('sex')}
        options={options(['female', 'male'], 'sex')}
      />
      <div class="row">
        <TextField
          {...text('birthDate', `${base}.birthDateTime`)}
          label={t('field.birthDate')}
          type="date"
          required
        />
        <TextField
          {...text('birthTime', `${base}.birthTime`)}
          label={t('field.birthTime')}
          type="time"
          required
          onBlur={() => ctx.touch(`${base}.birthDateTime`)}
        />
      </div>
      <div class="row">
        <TextField {...text('province', `${base}.birthPlace.province`)} required />
        <TextField {...text('city', `${base}.birthPlace.city`)} required />
        <TextField {...text('county', `${base}.birthPlace.county`)} required />
      </div>
      <TextField {...text('facility')} hint={t('hint.facility')} required />
      <div class="row">
        <TextField
          {...text('gestationalWeeks')}
          type="number"
          inputMode="numeric"
          min={20}
          max={45}
          required
        />
        <TextField {...text('weightGrams')} type="number" inputMode="numeric" min={300} max={8000} required />
        <TextField {...text('lengthCm')} type="number" inputMode="decimal" step="0.1" required />
      </div>
      <SelectField
        {...fieldProps(ctx, `${base}.healthStatus`)}
        value={child.healthStatus}
        onValue={set('healthStatus')}
        options={options(['good', 'fair', 'poor'], 'health')}
      />
      <TextField {...text('ethnicity')} hint={t('hint.ethnicity')} required />
      <SelectField
        {...fieldProps(ctx, `${base}.relationshipToHead`)}
        value={child.relationshipToHead}
        onValue={set('relationshipToHead')}
        options={[
          { value: '', label: t('common.choose') },
          ...options(['son', 'daughter', 'grandson', 'granddaughter', 'other-relative'], 'relationship'),
        ]}
      />
      {index > 0 && (
        <button
          type="button"
          class="secondary"
          onClick={() =>
            ctx.change((d) => {
              d.children.splice(index, 1);
            })
          }
        >
          {t('form.removeChild', { n: index + 1 })}
        </button>
      )}
    </fieldset>
  );
}

export function ChildrenStep(props: { ctx: StepContext }) {
  const { ctx } = props;
  const count = ctx.draft.children.length;
  return (
    <>
      <p class="hint">{t('form.childrenHelp')}</p>
      {ctx.draft.children.map((_, index) => (
        <Child key={index} ctx={ctx} index={index} />
      ))}
      {count < MAX_CHILDREN && (
        <button
          type="button"
          class="secondary"
          onClick={() =>
            ctx.change((d) => {
              d.children.push(emptyChild(d.children[0]));
            })
          }
        >
          {count === 1 ? t('form.addTwin') : t('form.addTriplet')}
        </button>
      )}
    </>
  );
}
