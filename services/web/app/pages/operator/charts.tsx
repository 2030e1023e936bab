import { t } from '../../i18n/index.ts';

// Inline SVG charts (no chart library, no CDN): horizontal bars with their values written out,
// and the same numbers as a table for screen readers.

export interface Bar {
  label: string;
  values: { name: string; value: number; colour: string }[];
}

export function BarChart(props: {
  title: string;
  bars: Bar[];
  unit: string;
  format?: (n: number) => string;
}) {
  const format = props.format ?? ((n: number) => String(Math.round(n * 10) / 10));
  const max = Math.max(1, ...props.bars.flatMap((b) => b.values.map((v) => v.value)));
  const series = props.bars[0]?.values.length ?? 1;
  const rowHeight = 10 + series * 18;
  const LABEL = 220;
  const WIDTH = 720;
  const height = props.bars.length * rowHeight + 24;
  const x = (v: number) => (v / max) * (WIDTH - LABEL - 90);
  return (
    <figure>
      <svg class="chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={props.title}>
        <title>{props.title}</title>
        {props.bars.map((bar, n) => {
          const y = n * rowHeight;
          return (
            <g key={bar.label}>
              <text x="0" y={y + rowHeight / 2 + 4}>
                {bar.label}
              </text>
              {bar.values.map((v, k) => (
                <g key={v.name}>
                  <rect
                    x={LABEL}
                    y={y + 4 + k * 18}
                    width={Math.max(2, x(v.value))}
                    height="14"
                    fill={v.colour}
                  />
                  <text x={LABEL + Math.max(2, x(v.value)) + 6} y={y + 15 + k * 18} font-size="11">
                    {format(v.value)} {props.unit}
                  </text>
                </g>
              ))}
            </g>
          );
        })}
        {series > 1 &&
          props.bars[0]?.values.map((v, k) => (
            <g key={v.name} transform={`translate(${LABEL + k * 140} ${height - 12})`}>
              <rect width="12" height="12" y="-10" fill={v.colour} />
              <text x="18">{v.name}</text>
            </g>
          ))}
      </svg>
      <details>
        <summary>{t('dashboard.asTable')}</summary>
        <table>
          <caption class="visually-hidden">{props.title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('flow.department')}</th>
              {props.bars[0]?.values.map((v) => (
                <th key={v.name} scope="col">
                  {v.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.bars.map((bar) => (
              <tr key={bar.label}>
                <th scope="row">{bar.label}</th>
                {bar.values.map((v) => (
                  <td key={v.name}>
                    {format(v.value)} {props.unit}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

/** A share (0..1) as a ring, with the percentage in the middle. */
export function Ring(props: { label: string; value: number; detail: string }) {
  const r = 42;
  const circumference = 2 * Math.PI * r;
  const percent = Math.round(props.value * 1000) / 10;
  return (
    <figure class="figure">
      <svg
        viewBox="0 0 100 100"
        width="120"
        height="120"
        role="img"
        aria-label={`${props.label}: ${percent}%`}
      >
        <circle cx="50" cy="50" r={r} fill="none" stroke="#e1e5ea" stroke-width="12" />
        <circle
          cx="50"
          cy="50"
          r={r}
          fill="none"
          stroke="#1b5e20"
          stroke-width="12"
          stroke-dasharray={`${circumference * props.value} ${circumference}`}
          transform="rotate(-90 50 50)"
        />
        <text x="50" y="56" text-anchor="middle" font-size="18" font-weight="700">
          {percent}%
        </text>
      </svg>
      <figcaption>
        <strong>{props.label}</strong>
        <span class="muted">{props.detail}</span>
      </figcaption>
    </figure>
  );
}
