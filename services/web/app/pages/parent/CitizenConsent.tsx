import { fieldProps, type StepContext } from '../../form/step.ts';
import { t } from '../../i18n/index.ts';
import { Choice, TextField } from '../../ui/Field.tsx';

// The consent step for a parent applying themselves: a truthful declaration; separate consent
// to pass each department its part (a child's data is sensitive personal information, PIPL
// art. 28-29); the mother's consent when the father applies; and, if they wish, letting the
// other parent follow the application.

export interface Declarations {
  truthful: boolean;
  share: boolean;
  otherParent: boolean;
}

export function citizenConsentIssues(d: Declarations): [string, string][] {
  return [
    ...(d.truthful ? [] : [['consent-truthful', t('consent.mustDeclare')] as [string, string]]),
    ...(d.share ? [] : [['consent-share', t('consent.mustShare')] as [string, string]]),
  ];
}

function Check(props: {
  id: string;
  checked: boolean;
  label: string;
  error?: string | undefined;
  onChange: (v: boolean) => void;
}) {
  return (
    <div class={`field${props.error ? ' field-invalid' : ''}`}>
      {props.error && (
        <p class="error" id={`${props.id}-error`}>
          {props.error}
        </p>
      )}
      <label class="option">
        <input
          id={props.id}
          type="checkbox"
          checked={props.checked}
          aria-describedby={props.error ? `${props.id}-error` : undefined}
          onChange={(e) => props.onChange(e.currentTarget.checked)}
        />
        <span>{props.label}</span>
      </label>
    </div>
  );
}

export function CitizenConsent(props: {
  ctx: StepContext;
  declarations: Declarations;
  onChange: (d: Declarations) => void;
}) {
  const { ctx, declarations: d } = props;
  const missing = new Map(citizenConsentIssues(d));
  const shown = (id: string) => (ctx.showAll ? missing.get(id) : undefined);
  const consent = ctx.draft.consent;
  return (
    <>
      {ctx.draft.applicant === 'father' && (
        <fieldset class="group">
          <legend>{t('consent.motherConsent')}</legend>
          <p class="hint">{t('consent.motherConsentHelp')}</p>
          <TextField
            {...fieldProps(ctx, 'form.applicant.consent.givenBy')}
            value={consent.givenBy}
            onValue={(v) =>
              ctx.change((dr) => {
                dr.consent.givenBy = v;
              })
            }
            required
          />
          <Choice
            {...fieldProps(ctx, 'form.applicant.consent.kind')}
            value={consent.kind}
            onValue={(v) =>
              ctx.change((dr) => {
                dr.consent.kind = v;
              })
            }
            options={[
              { value: 'consent', label: t('consent.kindConsent') },
              { value: 'power-of-attorney', label: t('consent.kindAttorney') },
            ]}
          />
          <TextField
            {...fieldProps(ctx, 'form.applicant.consent.reference')}
            value={consent.reference}
            onValue={(v) =>
              ctx.change((dr) => {
                dr.consent.reference = v;
              })
            }
            hint={t('hint.consentReference')}
            required
          />
        </fieldset>
      )}
      <Check
        id="consent-truthful"
        checked={d.truthful}
        label={t('consent.truthful')}
        error={shown('consent-truthful')}
        onChange={(v) => props.onChange({ ...d, truthful: v })}
      />
      <Check
        id="consent-share"
        checked={d.share}
        label={t('consent.share')}
        error={shown('consent-share')}
        onChange={(v) => props.onChange({ ...d, share: v })}
      />
      {ctx.draft.mother.present && ctx.draft.father.present && (
        <Check
          id="consent-other-parent"
          checked={d.otherParent}
          label={t('consent.otherParent')}
          onChange={(v) => props.onChange({ ...d, otherParent: v })}
        />
      )}
    </>
  );
}
