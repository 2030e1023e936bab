import { useState } from 'preact/hooks';
import { api, problemOf } from '../../api/client.ts';
import { t } from '../../i18n/index.ts';
import { navigate, useLocation } from '../../router.ts';
import { roleOf } from '../../session.ts';
import { TextField } from '../../ui/Field.tsx';
import { Alert, Page } from '../../ui/Page.tsx';
import { nextOf, PasswordAndSubmit, startSession } from '../parent/SignIn.tsx';

/** Clerks (at a service-centre window) and operators (12345, supervision) sign in here. */
export function StaffSignIn() {
  const { query } = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    const { data, error: failed } = await api.POST('/api/identity/staff/login', {
      body: { username: username.trim(), password },
    });
    if (!data) {
      setBusy(false);
      return setError(problemOf(failed).error);
    }
    const role = roleOf(data.accessToken);
    await startSession(data.accessToken, username);
    setBusy(false);
    navigate(nextOf(query, role === 'clerk' ? '/clerk' : '/operator'), { replace: true });
  }
  return (
    <Page title={t('staff.title')} lead={t('staff.lead')}>
      {error && <Alert kind="error">{error}</Alert>}
      <form class="narrow" onSubmit={(e) => void submit(e)}>
        <TextField
          id="username"
          label={t('field.username')}
          value={username}
          onValue={setUsername}
          autoComplete="username"
          spellcheck={false}
          required
        />
        <PasswordAndSubmit value={password} onValue={setPassword} busy={busy} />
      </form>
    </Page>
  );
}
