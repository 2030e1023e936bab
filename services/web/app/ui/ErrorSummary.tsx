import { useEffect, useRef } from 'preact/hooks';
import { t } from '../i18n/index.ts';

export interface FieldIssue {
  /** The control's id: the field's path in the submission, e.g. `form.children.0.name`. */
  id: string;
  label: string;
  message: string;
}

/**
 * What stops the form from going on, listed at the top with links to each field (the GOV.UK
 * pattern): it takes the focus so a screen reader reads it at once.
 */
export function ErrorSummary(props: {
  issues: FieldIssue[];
  /** Changes each time the user tries to go on: the summary then takes the focus. */
  attempt: number;
  title?: string;
  onPick?: (id: string) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (props.attempt > 0) box.current?.focus();
  }, [props.attempt]);
  if (props.issues.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1} ref={box} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{props.title ?? t('form.fixThese')}</h2>
      <ul>
        {props.issues.map((issue) => (
          <li key={`${issue.id}:${issue.message}`}>
            <a
              href={`#${issue.id}`}
              onClick={(e) => {
                e.preventDefault();
                props.onPick?.(issue.id);
                // After the step with the field is shown.
                setTimeout(() => {
                  const target = document.getElementById(issue.id);
                  target?.scrollIntoView({ block: 'center' });
                  (target?.matches('fieldset') ? target.querySelector('input') : target)?.focus();
                });
              }}
            >
              {issue.label}: {issue.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
