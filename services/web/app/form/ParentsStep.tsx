import { ID_DOCUMENT_TYPES } from '@onego/codes';
import { t } from '../i18n/index.ts';
import { Choice, SelectField, TextField } from '../ui/Field.tsx';
import type { ParentDraft } from './model.ts';
import { fieldProps, type StepContext } from './step.ts';

export const idTypeOptions = () =>
  ID_DOCUMENT_TYPES.map((value) => ({ value, label: t(`idType.${value}` as Parameters<typeof t>[0]) }));

function Parent(props: { ctx: StepContext; party: 'mother' | 'father' }) {
  const { ctx, party } = props;
  const parent = ctx.draft[party];
  const base = `form.${party}`;
  const set = (key: keyof ParentDraft) => (value: string) =>
    ctx.change((d) => {
      (d[party][key] as string) = value;
    });
  const text = (key: keyof ParentDraft) => ({
    ...fieldProps(ctx, `${base}.${key}`),
    value: String(parent[key]),
    onValue: set(key),
  });
  const isApplicant = ctx.draft.applicant === party;
  return (
    <fieldset class="group">
      <legend>{t(`party.${party}`)}</legend>
      {!isApplicant && (
        <label class="option">
          <input
            type="checkbox"
            checked={!parent.present}
            onChange={(e) =>
              ctx.change((d) => {
                d[party].present = !e.currentTarget.checked;
              })
            }
          />
          <span>{t('form.parentAbsent')}</span>
        </label>
      )}
      {parent.present && (
        <>
          <TextField {...text('name')} autoComplete={isApplicant ? 'name' : 'off'} required />
          <SelectField
            {...fieldProps(ctx, `${base}.idType`)}
            value={parent.idType}
            onValue={set('idType')}
            options={idTypeOptions()}
          />
          <TextField {...text('idNumber')} autoComplete="off" spellcheck={false} required />
          <TextField {...text('nationality')} hint={t('hint.nationality')} maxLength={3} required />
          <TextField {...text('ethnicity')} required={false} />
          <TextField
            {...text('phone')}
            type="tel"
            inputMode="tel"
            autoComplete={isApplicant ? 'tel' : 'off'}
            required={false}
          />
        </>
      )}
    </fieldset>
  );
}

export function ParentsStep(props: {
  ctx: StepContext;
  applicantChoice: boolean;
  onApplicant?: (party: 'mother' | 'father') => void;
}) {
  const { ctx } = props;
  const m = ctx.draft.marriage;
  return (
    <>
      {props.applicantChoice && (
        <Choice
          {...fieldProps(ctx, 'form.applicant.role', t('form.whoApplies'))}
          value={ctx.draft.applicant}
          onValue={(v) => props.onApplicant?.(v as 'mother' | 'father')}
          options={[
            { value: 'mother', label: t('form.iAmMother') },
            { value: 'father', label: t('form.iAmFather') },
          ]}
          hint={t('form.prefilledHint')}
        />
      )}
      {ctx.issues.get('form.mother') && ctx.showAll && <p class="error">{ctx.issues.get('form.mother')}</p>}
      <Parent ctx={ctx} party="mother" />
      <Parent ctx={ctx} party="father" />
      <fieldset class="group">
        <legend>{t('form.marriage')}</legend>
        <SelectField
          {...fieldProps(ctx, 'form.marriage.status')}
          value={m.status}
          onValue={(v) =>
            ctx.change((d) => {
              d.marriage.status = v;
            })
          }
          options={['married', 'unmarried', 'divorced', 'widowed'].map((value) => ({
            value,
            label: t(`marriage.${value}` as Parameters<typeof t>[0]),
          }))}
        />
        {m.status === 'married' && (
          <TextField
            {...fieldProps(ctx, 'form.marriage.certificateNumber')}
            value={m.certificateNumber}
            onValue={(v) =>
              ctx.change((d) => {
                d.marriage.certificateNumber = v;
              })
            }
            required
          />
        )}
      </fieldset>
    </>
  );
}
