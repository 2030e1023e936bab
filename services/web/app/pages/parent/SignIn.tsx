import { useState } from 'preact/hooks';
import { api, problemOf } from '../../api/client.ts';
import { DocumentFields } from '../../form/DocumentFields.tsx';
import { t } from '../../i18n/index.ts';
import { navigate, useLocation } from '../../router.ts';
import { signIn } from '../../session.ts';
import { TextField } from '../../ui/Field.tsx';
import { Link } from '../../ui/Link.tsx';
import { Alert, Page } from '../../ui/Page.tsx';

/** Where to go after signing in: only a path of this site (never another origin). */
export const nextOf = (query: URLSearchParams, fallback: string) => {
  const next = query.get('next') ?? '';
  return next.startsWith('/') && !next.startsWith('//') ? next : fallback;
};

/** Signs in with the token the API gave, named from the account (or `fallback`). */
export async function startSession(accessToken: string, fallback = '') {
  const me = await api.GET('/api/identity/me', { headers: { authorization: `Bearer ${accessToken}` } });
  signIn(accessToken, me.data && 'name' in me.data ? me.data.name : fallback);
}

/** The password and the submit button every sign-in form ends with. */
export function PasswordAndSubmit(props: { value: string; onValue: (v: string) => void; busy: boolean }) {
  return (
    <>
      <TextField
        id="password"
        label={t('field.password')}
        type="password"
        value={props.value}
        onValue={props.onValue}
        autoComplete="current-password"
        required
      />
      <div class="actions">
        <button type="submit" class="primary" disabled={props.busy}>
          {t('signIn.submit')}
        </button>
      </div>
    </>
  );
}

export function SignIn() {
  const { query } = useLocation();
  const [idType, setIdType] = useState('resident-id');
  const [idNumber, setIdNumber] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    const { data, error: failed } = await api.POST('/api/identity/login', {
      body: { idType: idType as 'resident-id', idNumber: idNumber.trim().toUpperCase(), password },
    });
    setBusy(false);
    if (!data) return setError(problemOf(failed).error);
    await startSession(data.accessToken);
    navigate(nextOf(query, '/applications'), { replace: true });
  }
  return (
    <Page title={t('signIn.title')}>
      {error && <Alert kind="error">{error}</Alert>}
      <form onSubmit={(e) => void submit(e)} class="narrow">
        <DocumentFields
          idType={idType}
          onIdType={setIdType}
          idNumber={idNumber}
          onIdNumber={setIdNumber}
          autoComplete="username"
        />
        <PasswordAndSubmit value={password} onValue={setPassword} busy={busy} />
      </form>
      <p>
        {t('signIn.noAccount')} <Link href={`/signup?${query.toString()}`}>{t('nav.signUp')}</Link>
      </p>
      <p class="muted">
        {t('signIn.staff')} <Link href="/staff/signin">{t('signIn.staffLink')}</Link>
      </p>
    </Page>
  );
}
