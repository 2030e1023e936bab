import { api } from '../../api/client.ts';
import { useLoad } from '../../api/use.ts';
import { t } from '../../i18n/index.ts';
import { Alert, Loading, Page } from '../../ui/Page.tsx';
import { departmentName, useBundle } from './catalogue.ts';
import { BarChart, Ring } from './charts.tsx';

// 办结率, 按时办结率, and each department's decision times and backlog, as charts.

export function Dashboard() {
  const bundle = useBundle();
  const { data, error, reload } = useLoad(() => api.GET('/api/operator/figures'));
  if (error) return <Alert kind="error">{error.error}</Alert>;
  if (!data) return <Loading />;
  const departments = data.departments.map((d) => ({ ...d, name: departmentName(bundle, d.department) }));
  return (
    <Page title={t('dashboard.title')}>
      <button type="button" class="secondary small" onClick={() => void reload()}>
        {t('common.refresh')}
      </button>
      <div class="figures">
        <Ring
          label={t('dashboard.completionRate')}
          value={data.completionRate}
          detail={t('dashboard.completedOf', { done: data.completed, all: data.accepted })}
        />
        <Ring
          label={t('dashboard.onTimeRate')}
          value={data.onTimeRate}
          detail={t('dashboard.onTimeOf', { done: data.completedOnTime, all: data.completed })}
        />
        <div class="figure">
          <strong>{data.accepted}</strong>
          {t('dashboard.accepted')}
        </div>
        <div class="figure">
          <strong>{data.withdrawn}</strong>
          {t('dashboard.withdrawn')}
        </div>
      </div>
      <h2>{t('dashboard.latency')}</h2>
      <BarChart
        title={t('dashboard.latency')}
        unit={t('dashboard.seconds')}
        bars={departments.map((d) => ({
          label: d.name,
          values: [
            { name: 'p50', value: d.p50Seconds, colour: '#0b57d0' },
            { name: 'p95', value: d.p95Seconds, colour: '#7a4b00' },
          ],
        }))}
      />
      <h2>{t('dashboard.backlog')}</h2>
      <BarChart
        title={t('dashboard.backlog')}
        unit={t('dashboard.items')}
        format={(n) => String(n)}
        bars={departments.map((d) => ({
          label: d.name,
          values: [
            { name: t('dashboard.open'), value: d.backlog, colour: '#a4161a' },
            { name: t('dashboard.decided24h'), value: d.decided24h, colour: '#1b5e20' },
          ],
        }))}
      />
    </Page>
  );
}
