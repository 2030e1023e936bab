import { t } from '../i18n/index.ts';
import { Choice, TextField } from '../ui/Field.tsx';
import { fieldProps, type StepContext } from './step.ts';

export function HouseholdStep(props: { ctx: StepContext }) {
  const { ctx } = props;
  const h = ctx.draft.household;
  const set = (mutate: (h: typeof ctx.draft.household) => void) => ctx.change((d) => mutate(d.household));
  const headIs = (party: 'mother' | 'father') =>
    set((household) => {
      household.headName = ctx.draft[party].name;
      household.headIdNumber = ctx.draft[party].idNumber;
    });
  const sameAddress = ctx.draft.residentialAddress !== '' && ctx.draft.residentialAddress === h.address;
  return (
    <>
      <Choice
        {...fieldProps(ctx, 'form.household.registerWith')}
        value={h.registerWith}
        onValue={(v) =>
          set((household) => {
            household.registerWith = v;
          })
        }
        options={[
          { value: 'mother', label: t('form.registerWithMother') },
          { value: 'father', label: t('form.registerWithFather') },
        ]}
      />
      <TextField
        {...fieldProps(ctx, 'form.household.address')}
        value={h.address}
        onValue={(v) =>
          set((household) => {
            household.address = v;
          })
        }
        autoComplete="street-address"
        required
      />
      <fieldset class="group">
        <legend>{t('field.headOfHousehold')}</legend>
        <div class="inline-actions">
          {(['mother', 'father'] as const)
            .filter((p) => ctx.draft[p].present && ctx.draft[p].name)
            .map((p) => (
              <button key={p} type="button" class="secondary small" onClick={() => headIs(p)}>
                {t(p === 'mother' ? 'form.headIsMother' : 'form.headIsFather')}
              </button>
            ))}
        </div>
        <TextField
          {...fieldProps(ctx, 'form.household.headOfHousehold.name')}
          value={h.headName}
          onValue={(v) =>
            set((household) => {
              household.headName = v;
            })
          }
          required
        />
        <TextField
          {...fieldProps(ctx, 'form.household.headOfHousehold.idNumber')}
          value={h.headIdNumber}
          onValue={(v) =>
            set((household) => {
              household.headIdNumber = v;
            })
          }
          spellcheck={false}
          required
        />
      </fieldset>
      <label class="option">
        <input
          type="checkbox"
          checked={sameAddress}
          onChange={(e) =>
            ctx.change((d) => {
              d.residentialAddress = e.currentTarget.checked ? d.household.address : '';
            })
          }
        />
        <span>{t('form.sameAddress')}</span>
      </label>
      <TextField
        {...fieldProps(ctx, 'form.residentialAddress')}
        value={ctx.draft.residentialAddress}
        onValue={(v) =>
          ctx.change((d) => {
            d.residentialAddress = v;
          })
        }
        hint={t('hint.residentialAddress')}
        required
      />
    </>
  );
}
