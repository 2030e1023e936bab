import { useState } from 'preact/hooks';
import { api, problemOf } from '../../api/client.ts';
import { messageOf } from '../../form/labels.ts';
import { idTypeOptions } from '../../form/ParentsStep.tsx';
import { t } from '../../i18n/index.ts';
import { navigate, useLocation } from '../../router.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { Link } from '../../ui/Link.tsx';
import { Alert, Page } from '../../ui/Page.tsx';
import { nextOf, startSession } from './SignIn.tsx';

// Registration with a real-name identity document; the API checks the number (checksum,
// format per document type) and answers field by field.

const FIELDS = ['idType', 'idNumber', 'name', 'phone', 'password'] as const;
type Field = (typeof FIELDS)[number];

export function SignUp() {
  const { query } = useLocation();
  const [values, setValues] = useState<Record<Field, string>>({
    idType: 'resident-id',
    idNumber: '',
    name: '',
    phone: '',
    password: '',
  });
  const [issues, setIssues] = useState<Map<string, string>>(new Map());
  const [attempt, setAttempt] = useState(0);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const set = (field: Field) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  const label = (field: Field) => t(field === 'password' ? 'field.newPassword' : `field.${field}`);

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    const body = {
      ...values,
      idType: values.idType as 'resident-id',
      idNumber: values.idNumber.trim().toUpperCase(),
      name: values.name.trim(),
    };
    const registered = await api.POST('/api/identity/citizens', { body });
    if (!registered.data) {
      setBusy(false);
      const problem = problemOf(registered.error);
      setIssues(new Map((problem.issues ?? []).map((i) => [i.path.replace(/^body\./, ''), i.message])));
      setError(problem.issues?.length ? undefined : problem.error);
      setAttempt((n) => n + 1);
      return;
    }
    const login = await api.POST('/api/identity/login', {
      body: { idType: body.idType, idNumber: body.idNumber, password: values.password },
    });
    setBusy(false);
    if (!login.data) return setError(problemOf(login.error).error);
    await startSession(login.data.accessToken);
    navigate(nextOf(query, '/apply'), { replace: true });
  }
  const fieldIssues = FIELDS.filter((f) => issues.has(f)).map((f) => ({
    id: f,
    label: label(f),
    message: messageOf(issues.get(f) ?? ''),
  }));
  const field = (f: Field) => ({
    id: f,
    label: label(f),
    value: values[f],
    onValue: set(f),
    error: issues.get(f),
  });
  return (
    <Page title={t('signUp.title')} lead={t('signUp.lead')}>
      {error && <Alert kind="error">{error}</Alert>}
      <ErrorSummary issues={fieldIssues} attempt={attempt} />
      <form onSubmit={(e) => void submit(e)} class="narrow" noValidate>
        <SelectField {...field('idType')} options={idTypeOptions()} />
        <TextField {...field('idNumber')} autoComplete="username" spellcheck={false} required />
        <TextField {...field('name')} autoComplete="name" required />
        <TextField {...field('phone')} type="tel" inputMode="tel" autoComplete="tel" required />
        <TextField
          {...field('password')}
          type="password"
          autoComplete="new-password"
          hint={t('hint.password')}
          required
        />
        <div class="actions">
          <button type="submit" class="primary" disabled={busy}>
            {t('signUp.submit')}
          </button>
        </div>
      </form>
      <p>
        {t('signUp.haveAccount')} <Link href={`/signin?${query.toString()}`}>{t('nav.signIn')}</Link>
      </p>
    </Page>
  );
}
