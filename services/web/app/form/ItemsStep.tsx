import { type ItemKey, isLateApplication, type MaterialCode } from '@onego/contracts';
import { pick, t } from '../i18n/index.ts';
import { TextArea, TextField } from '../ui/Field.tsx';
import { asSent, submissionOf } from './model.ts';
import { errorOf, fieldProps, type StepContext } from './step.ts';

function isLate(ctx: StepContext) {
  const children = asSent(submissionOf(ctx.draft)).form.children.filter((c) => c.birthDateTime);
  return (
    children.length > 0 &&
    isLateApplication({ children } as Parameters<typeof isLateApplication>[0], new Date())
  );
}

export function ItemsStep(props: { ctx: StepContext }) {
  const { ctx } = props;
  const { draft, bundle } = ctx;
  const chosen = new Set(draft.items);
  const toggle = (key: ItemKey, on: boolean) =>
    ctx.change((d) => {
      d.items = bundle.items
        .map((i) => i.key as ItemKey)
        .filter((k) => (k === key ? on : d.items.includes(k)));
    });
  const laterOk = bundle.materials.filter(
    (m) =>
      m.declarableAtSubmission &&
      chosen.has(m.item as ItemKey) &&
      (m.code !== 'birth-outside-marriage-statement' || draft.marriage.status !== 'married'),
  );
  const itemsError = errorOf(ctx, 'items');
  return (
    <>
      <fieldset class="group" id="items" aria-describedby={itemsError ? 'items-error' : undefined}>
        <legend>{t('form.chooseItems')}</legend>
        {itemsError && (
          <p class="error" id="items-error">
            {itemsError}
          </p>
        )}
        {bundle.items.map((item) => (
          <label key={item.key} class="option item-option">
            <input
              type="checkbox"
              checked={chosen.has(item.key as ItemKey)}
              disabled={!item.optional}
              onChange={(e) => toggle(item.key as ItemKey, e.currentTarget.checked)}
            />
            <span>
              <strong>{pick(item.name)}</strong>{' '}
              {item.optional ? <em>{t('form.optionalItem')}</em> : <em>{t('form.requiredItem')}</em>}
              <br />
              <small>
                {pick(item.departmentName)} · {pick(item.statutoryWindow)}
              </small>
            </span>
          </label>
        ))}
      </fieldset>
      {chosen.has('medical-insurance-enrolment') && (
        <TextField
          {...fieldProps(ctx, 'form.medicalInsurance.paymentYear')}
          value={draft.paymentYear}
          onValue={(v) =>
            ctx.change((d) => {
              d.paymentYear = v;
            })
          }
          type="number"
          inputMode="numeric"
          required
        />
      )}
      {chosen.has('social-security-card') && (
        <fieldset class="group">
          <legend>{t('form.socialSecurityCard')}</legend>
          <TextField
            {...fieldProps(ctx, 'form.socialSecurityCard.bank')}
            value={draft.socialSecurityCard.bank}
            onValue={(v) =>
              ctx.change((d) => {
                d.socialSecurityCard.bank = v;
              })
            }
            required
          />
          <TextField
            {...fieldProps(ctx, 'form.socialSecurityCard.mailingAddress')}
            value={draft.socialSecurityCard.mailingAddress}
            onValue={(v) =>
              ctx.change((d) => {
                d.socialSecurityCard.mailingAddress = v;
              })
            }
            required
          />
        </fieldset>
      )}
      {laterOk.length > 0 && (
        <fieldset class="group">
          <legend>{t('form.supplyLater')}</legend>
          <p class="hint">{t('form.supplyLaterHelp')}</p>
          {laterOk.map((m) => (
            <label key={m.code} class="option">
              <input
                type="checkbox"
                checked={draft.missingMaterials.includes(m.code as MaterialCode)}
                onChange={(e) =>
                  ctx.change((d) => {
                    const code = m.code as MaterialCode;
                    d.missingMaterials = e.currentTarget.checked
                      ? [...d.missingMaterials, code]
                      : d.missingMaterials.filter((c) => c !== code);
                  })
                }
              />
              <span>{pick(m.name)}</span>
            </label>
          ))}
        </fieldset>
      )}
      {(isLate(ctx) || draft.latePledge) && (
        <TextArea
          {...fieldProps(ctx, 'form.latePledge')}
          hint={t('hint.latePledge')}
          value={draft.latePledge}
          onValue={(v) =>
            ctx.change((d) => {
              d.latePledge = v;
            })
          }
        />
      )}
    </>
  );
}
