import { useState } from 'preact/hooks';
import { api, problemOf } from '../../api/client.ts';
import type { DeadLetter } from '../../api/types.ts';
import { useLoad } from '../../api/use.ts';
import { formatDateTime, t } from '../../i18n/index.ts';
import { Confirm } from '../../ui/Confirm.tsx';
import { TextArea } from '../../ui/Field.tsx';
import { Alert, Loading, Page } from '../../ui/Page.tsx';
import { ScrollTable } from '../../ui/ScrollTable.tsx';

// Messages each service set aside (poison, failed schema), with the reason; replayed after a
// fix, with a reason that is audited.

const SERVICES = ['applications', 'certificates', 'department-adapters'] as const;
type Service = (typeof SERVICES)[number];

function list(service: Service) {
  const query = { params: { query: { limit: 50 } } };
  if (service === 'applications') return api.GET('/api/operator/dead-letters/applications', query);
  if (service === 'certificates') return api.GET('/api/operator/dead-letters/certificates', query);
  return api.GET('/api/operator/dead-letters/department-adapters', query);
}

function replay(service: Service, id: number, reason: string) {
  const options = { params: { path: { id } }, body: { reason } };
  if (service === 'applications')
    return api.POST('/api/operator/dead-letters/applications/{id}/replay', options);
  if (service === 'certificates')
    return api.POST('/api/operator/dead-letters/certificates/{id}/replay', options);
  return api.POST('/api/operator/dead-letters/department-adapters/{id}/replay', options);
}

export function DeadLetters() {
  const [service, setService] = useState<Service>('applications');
  const { data, error, reload } = useLoad(() => list(service), [service]);
  const [chosen, setChosen] = useState<DeadLetter>();
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string }>();
  async function confirm() {
    if (!chosen) return;
    const { data: done, error: failed } = await replay(service, chosen.id, reason.trim());
    setChosen(undefined);
    setMessage(
      done
        ? { kind: 'success', text: t('deadLetters.replayed', { id: done.id }) }
        : { kind: 'error', text: problemOf(failed).error },
    );
    await reload();
  }
  return (
    <Page title={t('deadLetters.title')} lead={t('deadLetters.lead')}>
      <fieldset class="inline-actions">
        <legend class="visually-hidden">{t('deadLetters.service')}</legend>
        {SERVICES.map((s) => (
          <button
            key={s}
            type="button"
            class={s === service ? 'primary small' : 'secondary small'}
            aria-pressed={s === service}
            onClick={() => setService(s)}
          >
            {s}
          </button>
        ))}
      </fieldset>
      {message && <Alert kind={message.kind}>{message.text}</Alert>}
      {error && <Alert kind="error">{error.error}</Alert>}
      {!data && !error && <Loading />}
      {data && data.deadLetters.length === 0 && <p>{t('deadLetters.none')}</p>}
      {data && data.deadLetters.length > 0 && (
        <ScrollTable>
          <table>
            <caption class="visually-hidden">{t('deadLetters.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('flow.at')}</th>
                <th scope="col">{t('deadLetters.message')}</th>
                <th scope="col">{t('common.reason')}</th>
                <th scope="col">{t('deadLetters.replays')}</th>
                <th scope="col">
                  <span class="visually-hidden">{t('deadLetters.replay')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.deadLetters.map((d) => (
                <tr key={d.id}>
                  <td>{formatDateTime(d.createdAt)}</td>
                  <td class="mono">
                    {d.type ?? d.subject}
                    <div class="muted">{d.consumer}</div>
                  </td>
                  <td>
                    {d.reason}
                    <div class="muted">{d.error}</div>
                  </td>
                  <td>{d.replays}</td>
                  <td>
                    <button type="button" class="secondary small" onClick={() => setChosen(d)}>
                      {t('deadLetters.replay')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
      <Confirm
        open={chosen !== undefined}
        title={t('deadLetters.confirmTitle', { id: chosen?.id ?? '' })}
        confirmLabel={t('deadLetters.replay')}
        onConfirm={() => void confirm()}
        onCancel={() => setChosen(undefined)}
      >
        <TextArea id="replay-reason" label={t('deadLetters.why')} value={reason} onValue={setReason} />
      </Confirm>
    </Page>
  );
}
