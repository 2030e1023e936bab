import { metrics } from '@opentelemetry/api';
import type postgres from 'postgres';

// What every NATS-speaking service reports about its messaging, read from its own tables when
// metrics are collected: how many events wait in the outbox and how old the oldest is (the
// relay's lag), and how many dead letters wait for an operator.

export function observeMessaging(sql: postgres.Sql, schema: string, service: string) {
  const meter = metrics.getMeter('@onego/messaging');
  const pending = meter.createObservableGauge('onego_outbox_pending', {
    description: 'Events committed but not yet published',
  });
  const lag = meter.createObservableGauge('onego_outbox_lag_seconds', {
    description: 'Age of the oldest event waiting in the outbox',
    unit: 's',
  });
  const dead = meter.createObservableGauge('onego_dead_letters', {
    description: 'Dead letters not yet replayed',
  });
  meter.addBatchObservableCallback(
    async (observer) => {
      const [row] = await sql<{ pending: number; lag: number; dead: number }[]>`
        select
          (select count(*)::int from ${sql(schema)}.outbox_unsent) as pending,
          coalesce((select extract(epoch from now() - min(since))::float8
                    from ${sql(schema)}.outbox_unsent), 0) as lag,
          (select count(*)::int from ${sql(schema)}.dead_letters where replayed_at is null) as dead`;
      const attributes = { service };
      observer.observe(pending, row?.pending ?? 0, attributes);
      observer.observe(lag, row?.lag ?? 0, attributes);
      observer.observe(dead, row?.dead ?? 0, attributes);
    },
    [pending, lag, dead],
  );
}
