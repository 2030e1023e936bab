import type { ServiceName } from '@onego/infra/platform';
import type { ChaosPlatform } from './chaos-platform.ts';

// A service's own counters, from its Prometheus endpoint (on its port, not behind the gateway):
// deliveries by outcome, to show a scenario exercised what it meant to (redeliveries happened,
// and were recognised as duplicates).

export interface Deliveries {
  applied: number;
  duplicate: number;
  retried: number;
  deadLettered: number;
  redelivered: number;
}

export async function deliveries(cp: ChaosPlatform, service: ServiceName): Promise<Deliveries> {
  const port = cp.platform.settings.ports[service];
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const totals: Deliveries = { applied: 0, duplicate: 0, retried: 0, deadLettered: 0, redelivered: 0 };
  for (const match of text.matchAll(/^onego_messages_processed(?:_total)?\{([^}]*)\} ([\d.e+]+)/gm)) {
    const labels = match[1] ?? '';
    const value = Number(match[2]);
    const outcome = /outcome="([^"]+)"/.exec(labels)?.[1];
    if (outcome === 'applied') totals.applied += value;
    if (outcome === 'duplicate') totals.duplicate += value;
    if (outcome === 'retried') totals.retried += value;
    if (outcome === 'dead-lettered') totals.deadLettered += value;
    if (/redelivered="true"/.test(labels)) totals.redelivered += value;
  }
  return totals;
}

export const difference = (after: Deliveries, before: Deliveries): Deliveries => ({
  applied: after.applied - before.applied,
  duplicate: after.duplicate - before.duplicate,
  retried: after.retried - before.retried,
  deadLettered: after.deadLettered - before.deadLettered,
  redelivered: after.redelivered - before.redelivered,
});
