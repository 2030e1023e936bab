import { fieldProps, type StepContext } from '../../form/step.ts';
import { t } from '../../i18n/index.ts';
import { Choice, TextArea, TextField } from '../../ui/Field.tsx';

// The consent a clerk records for an assisted application (帮代办): how the parent agreed,
// what they said, and the paper form's number. The parent sees it in their consents.

export interface ClerkConsentValues {
  method: 'signed-form' | 'in-person-identity-check';
  statement: string;
  reference: string;
}

export const clerkConsentIssues = (v: ClerkConsentValues): [string, string][] =>
  v.statement.trim() === '' ? [['consent-statement', t('clerk.statementNeeded')]] : [];

export function ClerkConsent(props: {
  ctx: StepContext;
  values: ClerkConsentValues;
  onChange: (v: ClerkConsentValues) => void;
}) {
  const { ctx, values } = props;
  const missing = ctx.showAll ? new Map(clerkConsentIssues(values)) : new Map<string, string>();
  const consent = ctx.draft.consent;
  return (
    <>
      <Choice
        id="consent-method"
        label={t('clerk.consentMethod')}
        value={values.method}
        onValue={(v) => props.onChange({ ...values, method: v as ClerkConsentValues['method'] })}
        options={[
          { value: 'signed-form', label: t('clerk.signedForm') },
          { value: 'in-person-identity-check', label: t('clerk.inPerson') },
        ]}
      />
      <TextArea
        id="consent-statement"
        label={t('clerk.consentStatement')}
        hint={t('clerk.statementHint')}
        value={values.statement}
        error={missing.get('consent-statement')}
        onValue={(v) => props.onChange({ ...values, statement: v })}
      />
      <TextField
        id="consent-reference"
        label={t('clerk.consentReference')}
        value={values.reference}
        onValue={(v) => props.onChange({ ...values, reference: v })}
        required={false}
      />
      {ctx.draft.applicant === 'father' && (
        <fieldset class="group">
          <legend>{t('consent.motherConsent')}</legend>
          <TextField
            {...fieldProps(ctx, 'form.applicant.consent.givenBy')}
            value={consent.givenBy}
            onValue={(v) =>
              ctx.change((d) => {
                d.consent.givenBy = v;
              })
            }
            required
          />
          <TextField
            {...fieldProps(ctx, 'form.applicant.consent.reference')}
            value={consent.reference}
            onValue={(v) =>
              ctx.change((d) => {
                d.consent.reference = v;
              })
            }
            required
          />
        </fieldset>
      )}
    </>
  );
}
