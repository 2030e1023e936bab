import { api } from '../../api/client.ts';
import { useLoad } from '../../api/use.ts';
import { formatDate, formatDateTime, t } from '../../i18n/index.ts';
import { useLocation } from '../../router.ts';
import { Alert, Loading, Page } from '../../ui/Page.tsx';
import { ApplicationBadge } from '../../ui/Status.tsx';

/** What this clerk applied for at the window, with the consent recorded for each. */
export function ClerkApplications() {
  const { query } = useLocation();
  const { data, error } = useLoad(() =>
    api.GET('/api/clerk/applications', { params: { query: { limit: 50 } } }),
  );
  const created = query.get('created');
  return (
    <Page title={t('clerk.listTitle')}>
      {created && <Alert kind="success">{t('clerk.created', { id: created.slice(0, 8) })}</Alert>}
      {error && <Alert kind="error">{error.error}</Alert>}
      {!data && !error && <Loading />}
      {data && data.applications.length === 0 && <p>{t('mine.none')}</p>}
      <ul class="cards">
        {data?.applications.map((a) => (
          <li key={a.id} class="card">
            <h2 class="h3">{a.children.join('、')}</h2>
            <p>
              <ApplicationBadge status={a.status} /> <span class="mono">{a.id.slice(0, 8)}</span>
            </p>
            <p class="muted">
              {t('progress.submittedAt', { at: formatDateTime(a.submittedAt) })} ·{' '}
              {t('progress.promised', { date: formatDate(a.dueDate) })}
            </p>
            <p>
              {t('clerk.consentRecorded', {
                party: t(`party.${a.applicant.party}`),
                method: t(a.consent.method === 'signed-form' ? 'clerk.signedForm' : 'clerk.inPerson'),
              })}
            </p>
          </li>
        ))}
      </ul>
    </Page>
  );
}
