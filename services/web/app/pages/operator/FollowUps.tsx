import { useState } from 'preact/hooks';
import { api, problemOf } from '../../api/client.ts';
import { useLoad } from '../../api/use.ts';
import { formatDate, formatDateTime, t } from '../../i18n/index.ts';
import { TextArea } from '../../ui/Field.tsx';
import { Link } from '../../ui/Link.tsx';
import { Alert, Loading, Page } from '../../ui/Page.tsx';

/** 差评必回访: each bad rating is followed up within one working day, and closed with what was done. */
export function FollowUps() {
  const { data, error, reload } = useLoad(() => api.GET('/api/operator/follow-ups'));
  const [resolutions, setResolutions] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string }>();
  async function close(id: string) {
    const resolution = (resolutions[id] ?? '').trim();
    if (!resolution) return setMessage({ kind: 'error', text: t('followUps.needResolution') });
    const { data: done, error: failed } = await api.POST('/api/operator/follow-ups/{id}/close', {
      params: { path: { id } },
      body: { resolution },
    });
    setMessage(
      done
        ? { kind: 'success', text: t('followUps.closed') }
        : { kind: 'error', text: problemOf(failed).error },
    );
    await reload();
  }
  return (
    <Page title={t('followUps.title')}>
      {message && <Alert kind={message.kind}>{message.text}</Alert>}
      {error && <Alert kind="error">{error.error}</Alert>}
      {!data && !error && <Loading />}
      {data && data.followUps.length === 0 && <p>{t('followUps.none')}</p>}
      <ul class="cards">
        {data?.followUps.map((f) => (
          <li key={f.id} class="card">
            <h2 class="h3">
              {f.reason} {f.overdue && <span class="flag flag-red">{t('flag.red')}</span>}
            </h2>
            <p class="muted">
              {t('followUps.opened', { at: formatDateTime(f.openedAt) })} ·{' '}
              {t('followUps.due', { date: formatDate(f.dueDate) })}
            </p>
            <p>
              <Link href={`/operator/flows/${f.applicationId}`}>{t('followUps.flow')}</Link>
            </p>
            <TextArea
              id={`resolution-${f.id}`}
              label={t('followUps.resolution')}
              value={resolutions[f.id] ?? ''}
              onValue={(v) => setResolutions((r) => ({ ...r, [f.id]: v }))}
            />
            <button type="button" class="primary" onClick={() => void close(f.id)}>
              {t('followUps.close')}
            </button>
          </li>
        ))}
      </ul>
    </Page>
  );
}
