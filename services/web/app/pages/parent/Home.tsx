import { api } from '../../api/client.ts';
import { useLoad } from '../../api/use.ts';
import { pick, t } from '../../i18n/index.ts';
import { useSession } from '../../session.ts';
import { Link } from '../../ui/Link.tsx';
import { Alert, Loading, Page } from '../../ui/Page.tsx';

// The catalogue: the newborn bundle, its items, and its one-time notice (一次性告知) in full,
// before anyone signs in: conditions, materials, steps, time limit, fees, where to ask and
// where to complain.

function List(props: { id: string; title: string; items: { zh: string; en: string }[] }) {
  return (
    <section class="card" aria-labelledby={`notice-${props.id}`}>
      <h3 id={`notice-${props.id}`}>{props.title}</h3>
      <ul>
        {props.items.map((item) => (
          <li key={item.zh}>{pick(item)}</li>
        ))}
      </ul>
    </section>
  );
}

export function Home() {
  const session = useSession();
  const { data: bundle, error } = useLoad(() =>
    api.GET('/api/bundles/{key}', { params: { path: { key: 'newborn' } } }),
  );
  if (error) return <Alert kind="error">{error.error}</Alert>;
  if (!bundle) return <Loading />;
  const n = bundle.notice;
  return (
    <Page title={pick(bundle.name)} lead={pick(bundle.summary)}>
      <p class="cta">
        <Link href={session?.role === 'citizen' ? '/apply' : '/signin?next=%2Fapply'} class="button primary">
          {t('home.start')}
        </Link>
        {!session && (
          <span class="muted">
            {' '}
            {t('home.newHere')} <Link href="/signup?next=%2Fapply">{t('nav.signUp')}</Link>
          </span>
        )}
      </p>
      <p class="promise">{t('home.promise', { days: bundle.timeLimitWorkingDays })}</p>
      <section aria-labelledby="items-title">
        <h2 id="items-title">{t('home.items')}</h2>
        <ul class="cards">
          {bundle.items.map((item) => (
            <li key={item.key} class="card">
              <h3>
                {pick(item.name)}
                {item.optional && <span class="tag">{t('form.optionalItem')}</span>}
              </h3>
              <p>{pick(item.departmentName)}</p>
              <p class="muted">
                {t('home.outputs')}: {pick(item.outputs)} · {pick(item.statutoryWindow)}
              </p>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="notice-title">
        <h2 id="notice-title">{t('home.notice')}</h2>
        <List id="conditions" title={t('home.conditions')} items={n.conditions} />
        <section class="card" aria-labelledby="notice-materials">
          <h3 id="notice-materials">{t('home.materials')}</h3>
          <ul>
            {n.materials.map((m) => (
              <li key={m.name.zh}>
                <strong>{pick(m.name)}</strong>: {pick(m.note)}
                {m.canBeSuppliedLater && <span class="tag">{t('home.laterOk')}</span>}
              </li>
            ))}
          </ul>
        </section>
        <section class="card" aria-labelledby="notice-steps">
          <h3 id="notice-steps">{t('home.steps')}</h3>
          <ol>
            {n.steps.map((s) => (
              <li key={s.zh}>{pick(s)}</li>
            ))}
          </ol>
        </section>
        <section class="card" aria-labelledby="notice-time">
          <h3 id="notice-time">{t('home.timeAndFees')}</h3>
          <p>{pick(n.timeLimit)}</p>
          <p>{pick(n.fees)}</p>
        </section>
        <List id="ask" title={t('home.whereToAsk')} items={n.whereToAsk} />
        <List id="complain" title={t('home.whereToComplain')} items={n.whereToComplain} />
      </section>
    </Page>
  );
}
