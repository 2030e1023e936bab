// Reads what a service's /metrics answers (the Prometheus text format) so tests can assert on
// values: a sample by name and labels, a histogram's buckets, and the quantile Prometheus's
// histogram_quantile would estimate from them.

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+-?\d+)?$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

const numberOf = (text: string) =>
  text === '+Inf' ? Number.POSITIVE_INFINITY : text === '-Inf' ? Number.NEGATIVE_INFINITY : Number(text);

export function parsePrometheus(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => {
      const match = LINE.exec(line.trim());
      if (!match) throw new Error(`not a Prometheus sample: ${line}`);
      const labels = Object.fromEntries(
        [...(match[2] ?? '').matchAll(LABEL)].map((m) => [m[1], (m[2] ?? '').replace(/\\(.)/g, '$1')]),
      );
      return { name: match[1] ?? '', labels, value: numberOf(match[3] ?? '') };
    });
}

export function metricsOf(samples: Sample[]) {
  const matching = (name: string, labels: Record<string, string>) =>
    samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  return {
    samples,
    /** The one sample with this name and these labels (others may be present), or undefined. */
    value(name: string, labels: Record<string, string> = {}) {
      const found = matching(name, labels);
      if (found.length > 1) throw new Error(`${found.length} samples of ${name} ${JSON.stringify(labels)}`);
      return found[0]?.value;
    },
    /** A histogram's cumulative buckets in order of their upper bounds, with its count and sum. */
    histogram(name: string, labels: Record<string, string> = {}) {
      const buckets = matching(`${name}_bucket`, labels)
        .map((s) => ({ le: numberOf(s.labels.le ?? ''), count: s.value }))
        .sort((a, b) => a.le - b.le);
      return {
        buckets,
        count: matching(`${name}_count`, labels)[0]?.value ?? 0,
        sum: matching(`${name}_sum`, labels)[0]?.value ?? 0,
      };
    },
  };
}

export type Metrics = ReturnType<typeof metricsOf>;

/** Scrapes one service's metrics endpoint. */
export async function scrape(url: string): Promise<Metrics> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`cannot scrape ${url}: ${response.status}`);
  return metricsOf(parsePrometheus(await response.text()));
}

/**
 * The q-quantile as Prometheus's histogram_quantile estimates it: linear interpolation inside the
 * bucket the rank falls in; in the +Inf bucket, the highest finite bound.
 */
export function histogramQuantile(q: number, buckets: { le: number; count: number }[]) {
  const total = buckets.at(-1)?.count ?? 0;
  if (total === 0) return Number.NaN;
  const rank = q * total;
  const index = buckets.findIndex((b) => b.count >= rank);
  const bucket = buckets[index];
  if (!bucket) return Number.NaN;
  if (bucket.le === Number.POSITIVE_INFINITY) return buckets[index - 1]?.le ?? 0;
  const lower = index === 0 ? 0 : (buckets[index - 1]?.le ?? 0);
  const below = index === 0 ? 0 : (buckets[index - 1]?.count ?? 0);
  return lower + ((bucket.le - lower) * (rank - below)) / (bucket.count - below || 1);
}
