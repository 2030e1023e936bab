import type { Department } from '@onego/contracts';
import { useState } from 'preact/hooks';
import { api, problemOf } from '../../api/client.ts';
import type { ApplicationView, ItemView } from '../../api/types.ts';
import { correctableFields, correctionsOf, isNumeric, optionsOf } from '../../form/corrections.ts';
import { labelOf, messageOf } from '../../form/labels.ts';
import { pick, t } from '../../i18n/index.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { Alert } from '../../ui/Page.tsx';

// 补正: the form for one rejected item, with only the fields its department sees. The parent
// fills in what was wrong; the rest stays as submitted. Sent again, only this item restarts.

const SECTIONS = [
  'child',
  'mother',
  'father',
  'guardian',
  'marriage',
  'household',
  'residentialAddress',
  'medicalInsurance',
  'socialSecurityCard',
];

const fromApi = (path: string) =>
  path
    .replace(/^corrections\./, '')
    .replace(/^form\.children\.\d+\./, 'child.')
    .replace(/^form\./, '');

export function Correction(props: {
  applicationId: string;
  item: ItemView;
  onCancel: () => void;
  onView: (view: ApplicationView) => void;
}) {
  const { item } = props;
  const fields = correctableFields(item.department as Department);
  const [values, setValues] = useState<Record<string, string>>({});
  const [issues, setIssues] = useState(new Map<string, string>());
  const [attempt, setAttempt] = useState(0);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const idOf = (path: string) => `fix-${item.id}-${path}`;

  async function send(e: Event) {
    e.preventDefault();
    const { corrections, issues: local } = correctionsOf(values);
    if (local.size > 0 || Object.keys(corrections).length === 0) {
      setIssues(local.size > 0 ? local : new Map([[fields[0] ?? '', t('fix.nothing')]]));
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    const { data, error: failed } = await api.POST('/api/applications/{id}/items/{itemKey}/resubmit', {
      params: { path: { id: props.applicationId, itemKey: item.itemKey } },
      body: { childIndex: item.childIndex, corrections: corrections as never },
    });
    setBusy(false);
    if (data) return props.onView(data);
    const problem = problemOf(failed);
    setError(problem.error);
    setIssues(new Map((problem.issues ?? []).map((i) => [fromApi(i.path), i.message])));
    setAttempt((n) => n + 1);
  }

  const summary = [...issues].map(([path, message]) => ({
    id: idOf(path),
    label: labelOf(path),
    message: messageOf(message),
  }));
  return (
    <form
      class="correction"
      onSubmit={(e) => void send(e)}
      noValidate
      aria-labelledby={`fix-title-${item.id}`}
    >
      <h4 id={`fix-title-${item.id}`}>{t('fix.title', { item: pick(item.name) })}</h4>
      <p class="hint">{t('fix.help')}</p>
      {error && <Alert kind="error">{error}</Alert>}
      <ErrorSummary issues={summary} attempt={attempt} />
      {SECTIONS.map((section) => {
        const inSection = fields.filter((f) => f.split('.')[0] === section);
        if (inSection.length === 0) return null;
        return (
          <fieldset key={section} class="group">
            <legend>{t(`section.${section}` as Parameters<typeof t>[0])}</legend>
            {inSection.map((path) => {
              const options = optionsOf(path);
              const common = {
                id: idOf(path),
                label: labelOf(path.split('.').at(-1) ?? path),
                value: values[path] ?? '',
                onValue: (v: string) => setValues((all) => ({ ...all, [path]: v })),
                error: issues.has(path) ? messageOf(issues.get(path) ?? '') : undefined,
              };
              return options ? (
                <SelectField
                  key={path}
                  {...common}
                  options={[
                    { value: '', label: t('fix.keep') },
                    ...options.map((o) => ({ value: o, label: t(`option.${o}` as Parameters<typeof t>[0]) })),
                  ]}
                />
              ) : (
                <TextField
                  key={path}
                  {...common}
                  type={
                    path.endsWith('birthDateTime') ? 'datetime-local' : isNumeric(path) ? 'number' : 'text'
                  }
                  inputMode={isNumeric(path) ? 'decimal' : undefined}
                  required={false}
                />
              );
            })}
          </fieldset>
        );
      })}
      <div class="actions">
        <button type="button" class="secondary" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" class="primary" disabled={busy}>
          {t('fix.send')}
        </button>
      </div>
    </form>
  );
}
