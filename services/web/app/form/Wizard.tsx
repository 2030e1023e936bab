import type { ItemKey } from '@onego/contracts';
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Bundle } from '../api/types.ts';
import { t } from '../i18n/index.ts';
import { ErrorSummary } from '../ui/ErrorSummary.tsx';
import { ChildrenStep } from './ChildrenStep.tsx';
import { HouseholdStep } from './HouseholdStep.tsx';
import { ItemsStep } from './ItemsStep.tsx';
import { labelOf } from './labels.ts';
import { asSent, type Draft, submissionOf } from './model.ts';
import { ParentsStep } from './ParentsStep.tsx';
import { ReviewStep } from './ReviewStep.tsx';
import { type StepContext, shownMessage } from './step.ts';
import { type Issues, validate, within } from './validate.ts';

// The newborn form, filled once, in steps (children, parents, household, items, review,
// consent): a phone shows one part at a time. Each step checks its own fields with the API's
// schema before going on; the API's answer to the submission is shown the same way.

const STEPS = [
  { key: 'step.children', prefixes: ['form.children'] },
  { key: 'step.parents', prefixes: ['form.mother', 'form.father', 'form.marriage', 'form.applicant.role'] },
  { key: 'step.household', prefixes: ['form.household', 'form.residentialAddress'] },
  {
    key: 'step.items',
    prefixes: [
      'items',
      'form.medicalInsurance',
      'form.socialSecurityCard',
      'form.missingMaterials',
      'form.latePledge',
    ],
  },
  { key: 'step.review', prefixes: [] as string[] },
  { key: 'step.consent', prefixes: ['form.applicant'] },
] as const;

const stepOf = (path: string) => {
  const found = STEPS.findIndex((s) => s.prefixes.some((p) => path === p || path.startsWith(`${p}.`)));
  return found === -1 ? 4 : found;
};

export interface WizardProps {
  bundle: Bundle;
  draft: Draft;
  setDraft: (next: Draft) => void;
  applicantChoice: boolean;
  onApplicant?: (party: 'mother' | 'father') => void;
  /** The consent step's own content, and what it still lacks (checkbox paths and messages). */
  consent: (ctx: StepContext) => ComponentChildren;
  consentIssues: () => [string, string][];
  submitLabel: string;
  /** Sends the form; the API's field issues come back to be shown, or nothing when it went. */
  submit: () => Promise<Issues | undefined>;
}

export function Wizard(props: WizardProps) {
  const [step, setStep] = useState(0);
  const [touched, setTouched] = useState(new Set<string>());
  const [showAll, setShowAll] = useState(false);
  const [fromApi, setFromApi] = useState<Issues>(new Map());
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  const issues = useMemo(() => new Map([...fromApi, ...validate(props.draft)]), [props.draft, fromApi]);
  const sent = useMemo(() => asSent(submissionOf(props.draft)), [props.draft]);

  useEffect(() => {
    if (first.current) first.current = false;
    else heading.current?.focus();
  }, [step]);

  const ctx: StepContext = {
    draft: props.draft,
    bundle: props.bundle,
    issues,
    sent,
    touched,
    showAll,
    touch: (path) => setTouched((s) => (s.has(path) ? s : new Set(s).add(path))),
    change: (mutate) => {
      const next = structuredClone(props.draft);
      mutate(next);
      setFromApi(new Map());
      props.setDraft(next);
    },
  };
  const current = STEPS[step] ?? STEPS[0];
  const blocking: [string, string][] =
    step === 4
      ? [...issues]
      : step === 5
        ? [...within(issues, current.prefixes), ...props.consentIssues()]
        : within(issues, current.prefixes);
  const summary = showAll
    ? blocking.map(([id, message]) => ({ id, label: labelOf(id), message: shownMessage(sent, id, message) }))
    : [];

  const go = (to: number) => {
    setShowAll(false);
    setStep(to);
  };
  async function next() {
    if (blocking.length > 0) {
      setShowAll(true);
      setAttempt((n) => n + 1);
      return;
    }
    if (step < STEPS.length - 1) return go(step + 1);
    setBusy(true);
    try {
      const answer = await props.submit();
      if (answer && answer.size > 0) {
        setFromApi(answer);
        setShowAll(true);
        setAttempt((n) => n + 1);
        setStep(Math.min(...[...answer.keys()].map(stepOf)));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      class="wizard"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void next();
      }}
    >
      <ol class="steps" aria-label={t('form.progress')}>
        {STEPS.map((s, i) => (
          <li key={s.key} aria-current={i === step ? 'step' : undefined} class={i < step ? 'done' : ''}>
            <span class="visually-hidden">{t('form.stepOf', { n: i + 1, total: STEPS.length })} </span>
            {t(s.key)}
          </li>
        ))}
      </ol>
      <h2 tabIndex={-1} ref={heading}>
        {t('form.stepOf', { n: step + 1, total: STEPS.length })}: {t(current.key)}
      </h2>
      <ErrorSummary issues={summary} attempt={attempt} onPick={(id) => setStep(stepOf(id))} />
      {step === 0 && <ChildrenStep ctx={ctx} />}
      {step === 1 && (
        <ParentsStep
          ctx={ctx}
          applicantChoice={props.applicantChoice}
          {...(props.onApplicant && { onApplicant: props.onApplicant })}
        />
      )}
      {step === 2 && <HouseholdStep ctx={ctx} />}
      {step === 3 && <ItemsStep ctx={ctx} />}
      {step === 4 && (
        <ReviewStep
          draft={props.draft}
          itemName={(key: ItemKey) => props.bundle.items.find((i) => i.key === key)?.name}
          onEdit={go}
        />
      )}
      {step === 5 && props.consent(ctx)}
      <div class="actions">
        {step > 0 && (
          <button type="button" class="secondary" onClick={() => go(step - 1)}>
            {t('form.back')}
          </button>
        )}
        <button type="submit" class="primary" disabled={busy}>
          {step === STEPS.length - 1 ? props.submitLabel : t('form.next')}
        </button>
      </div>
    </form>
  );
}
