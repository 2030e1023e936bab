import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client.ts';
import { followApplication, type LiveState } from '../../api/live.ts';
import type { ApplicationView, Bundle } from '../../api/types.ts';
import { useLoad } from '../../api/use.ts';
import { formatDate, formatDateTime, t } from '../../i18n/index.ts';
import { useLocation } from '../../router.ts';
import { Alert, Loading, Page } from '../../ui/Page.tsx';
import { ApplicationBadge } from '../../ui/Status.tsx';
import { Certificates } from './Certificates.tsx';
import { ItemCard } from './ItemCard.tsx';
import { NextStep } from './NextStep.tsx';
import { Rating } from './Rating.tsx';
import { Withdraw } from './Withdraw.tsx';

// One application, live: each child's items with their department, state, promised date and
// what the parent must do; updated by the server as departments decide (no reload).

export function Progress(props: { id: string }) {
  const { query } = useLocation();
  const [view, setView] = useState<ApplicationView>();
  const [live, setLive] = useState<LiveState>('connecting');
  const bundle = useLoad(() => api.GET('/api/bundles/{key}', { params: { path: { key: 'newborn' } } }));
  const [missing, setMissing] = useState(false);

  useEffect(() => {
    let stopped = false;
    void api
      .GET('/api/applications/{id}', { params: { path: { id: props.id } } })
      .then(({ data, response }) => {
        if (stopped) return;
        if (data) setView(data);
        else if (response.status === 404) setMissing(true);
      });
    const stop = followApplication(props.id, setView, setLive);
    return () => {
      stopped = true;
      stop();
    };
  }, [props.id]);

  if (missing) return <Alert kind="error">{t('progress.notFound')}</Alert>;
  if (!view || !bundle.data) return <Loading />;
  const readOnly = view.relation !== undefined && view.relation !== 'applicant';
  const title = t('progress.title', { children: view.children.map((c) => c.name).join('、') });
  return (
    <Page title={title}>
      {query.get('submitted') && view.status === 'in-progress' && (
        <Alert kind="success">{t('progress.submitted', { date: formatDate(view.dueDate) })}</Alert>
      )}
      <p class="summary-line">
        <ApplicationBadge status={view.status} />{' '}
        <span>{t('progress.submittedAt', { at: formatDateTime(view.submittedAt) })}</span>{' '}
        <span>{t('progress.promised', { date: formatDate(view.dueDate) })}</span>
        {view.late && <span class="tag">{t('progress.late')}</span>}
      </p>
      <p class={`live live-${live}`} role="status">
        {t(`live.${live}`)}
      </p>
      {readOnly && <Alert>{t('progress.readOnly')}</Alert>}
      <NextStep view={view} />
      {view.children.map((child) => (
        <section key={child.index} class="child" aria-labelledby={`child-${child.index}`}>
          <h2 id={`child-${child.index}`}>{child.name}</h2>
          <ul class="items">
            {view.items
              .filter((i) => i.childIndex === child.index)
              .map((item) => (
                <ItemCard
                  key={item.id}
                  applicationId={view.id}
                  item={item}
                  bundle={bundle.data as Bundle}
                  readOnly={readOnly}
                  onView={setView}
                />
              ))}
          </ul>
        </section>
      ))}
      {view.items.some((i) => i.certificateId) && (
        <Certificates applicationId={view.id} issued={view.items.filter((i) => i.certificateId).length} />
      )}
      {view.status === 'completed' && !readOnly && <Rating applicationId={view.id} />}
      {!readOnly && (view.status === 'in-progress' || view.status === 'action-required') && (
        <Withdraw applicationId={view.id} onView={setView} />
      )}
    </Page>
  );
}
