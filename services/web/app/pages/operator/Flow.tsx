import { api } from '../../api/client.ts';
import { useLoad } from '../../api/use.ts';
import { formatDate, formatDateTime, formatDuration, t } from '../../i18n/index.ts';
import { Link } from '../../ui/Link.tsx';
import { Alert, Loading, Page } from '../../ui/Page.tsx';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import { ApplicationBadge, Flag, ItemBadge } from '../../ui/Status.tsx';
import { departmentName, itemName, useBundle } from './catalogue.ts';
import { DependencyGraph } from './DependencyGraph.tsx';
import { Timeline } from './Timeline.tsx';

// One flow, as an operator on the 12345 line needs it: each child's items as a graph, who held
// the flow for how long against the deadline, every event, and the trace.

export function Flow(props: { id: string }) {
  const bundle = useBundle();
  const {
    data: flow,
    error,
    reload,
  } = useLoad(
    () => api.GET('/api/operator/applications/{id}/timeline', { params: { path: { id: props.id } } }),
    [props.id],
  );
  if (error) return <Alert kind="error">{error.error}</Alert>;
  if (!flow) return <Loading />;
  const a = flow.application;
  const children = a.children.map((name, index) => ({ name, index }));
  return (
    <Page title={t('flow.title', { children: a.children.join('、') })}>
      <p>
        <Link href="/operator">{t('flow.back')}</Link>
      </p>
      <dl class="facts card">
        <div>
          <dt>{t('operator.status')}</dt>
          <dd>
            <ApplicationBadge status={a.status} />
          </dd>
        </div>
        <div>
          <dt>{t('operator.flow')}</dt>
          <dd class="mono">{a.id}</dd>
        </div>
        <div>
          <dt>{t('operator.region')}</dt>
          <dd>{a.region}</dd>
        </div>
        <div>
          <dt>{t('operator.submitted')}</dt>
          <dd>{formatDateTime(a.submittedAt)}</dd>
        </div>
        <div>
          <dt>{t('operator.due')}</dt>
          <dd>{formatDate(a.dueDate)}</dd>
        </div>
        <div>
          <dt>{t('flow.trace')}</dt>
          <dd>
            {a.traceId ? (
              <a href={`${__TRACE_VIEWER__}${a.traceId}`} target="_blank" rel="noreferrer">
                {t('flow.openTrace')} <span class="mono">{a.traceId.slice(0, 12)}…</span>
              </a>
            ) : (
              t('common.none')
            )}
          </dd>
        </div>
      </dl>
      <button type="button" class="secondary small" onClick={() => void reload()}>
        {t('common.refresh')}
      </button>
      <h2>{t('flow.graphs')}</h2>
      {children.map((c) => (
        <section key={c.index} aria-labelledby={`graph-${c.index}`}>
          <h3 id={`graph-${c.index}`}>{c.name}</h3>
          <DependencyGraph
            bundle={bundle}
            child={c.name}
            items={flow.items.filter((i) => i.childIndex === c.index)}
          />
        </section>
      ))}
      <h2>{t('flow.timeline')}</h2>
      <Timeline bundle={bundle} flow={flow} now={Date.now()} />
      <ScrollTable>
        <table>
          <caption>{t('flow.heldTable')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('flow.item')}</th>
              <th scope="col">{t('flow.department')}</th>
              <th scope="col">{t('operator.status')}</th>
              <th scope="col">{t('flow.held')}</th>
              <th scope="col">{t('operator.due')}</th>
            </tr>
          </thead>
          <tbody>
            {flow.items.map((i) => (
              <tr key={i.id}>
                <td>
                  {i.child} · {itemName(bundle, i.itemKey)}
                </td>
                <td>{departmentName(bundle, i.department)}</td>
                <td>
                  <ItemBadge status={i.status} /> <Flag level={i.warning} />
                  {i.reason && <div class="muted">{i.reason.message}</div>}
                </td>
                <td>{formatDuration(i.heldMs)}</td>
                <td>{formatDate(i.dueDate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      <h2>{t('flow.events')}</h2>
      <ScrollTable>
        <table>
          <caption class="visually-hidden">{t('flow.events')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('flow.at')}</th>
              <th scope="col">{t('flow.event')}</th>
              <th scope="col">{t('flow.item')}</th>
              <th scope="col">{t('flow.actor')}</th>
              <th scope="col">{t('flow.since')}</th>
            </tr>
          </thead>
          <tbody>
            {flow.events.map((e, n) => (
              <tr key={n}>
                <td>{formatDateTime(e.at)}</td>
                <td class="mono">{e.kind}</td>
                <td>
                  {e.itemKey
                    ? `${a.children[e.childIndex ?? 0] ?? ''} · ${itemName(bundle, e.itemKey)}`
                    : '—'}
                  {e.department && <div class="muted">{departmentName(bundle, e.department)}</div>}
                </td>
                <td class="mono">{e.actor.split(':')[0]}</td>
                <td>{formatDuration(e.sincePreviousMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </Page>
  );
}
