import { api } from '../../api/client.ts';
import { useLoad } from '../../api/use.ts';
import { formatDate, formatDateTime, t } from '../../i18n/index.ts';
import { Link } from '../../ui/Link.tsx';
import { Alert, Loading, Page } from '../../ui/Page.tsx';
import { ApplicationBadge } from '../../ui/Status.tsx';

export function MyApplications() {
  const { data, error } = useLoad(() => api.GET('/api/applications', { params: { query: { limit: 50 } } }));
  return (
    <Page title={t('mine.title')}>
      {error && <Alert kind="error">{error.error}</Alert>}
      {!data && !error && <Loading />}
      {data && data.applications.length === 0 && (
        <p>
          {t('mine.none')} <Link href="/apply">{t('home.start')}</Link>
        </p>
      )}
      {data && (
        <ul class="cards">
          {data.applications.map((a) => (
            <li key={a.id} class="card">
              <h2 class="h3">
                <Link href={`/applications/${a.id}`}>{a.children.map((c) => c.name).join('、')}</Link>
              </h2>
              <p>
                <ApplicationBadge status={a.status} />{' '}
                {'relation' in a && a.relation === 'other-parent' && (
                  <span class="tag">{t('mine.shared')}</span>
                )}
              </p>
              <p class="muted">
                {t('progress.submittedAt', { at: formatDateTime(a.submittedAt) })} ·{' '}
                {t('progress.promised', { date: formatDate(a.dueDate) })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
