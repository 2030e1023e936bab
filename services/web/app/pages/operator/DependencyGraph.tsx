import type { Bundle, FlowTimeline } from '../../api/types.ts';
import { t } from '../../i18n/index.ts';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import { Flag } from '../../ui/Status.tsx';
import { dependsOn, itemName } from './catalogue.ts';

// One child's items as a picture: each item a box coloured by its state (and named, so the
// colour is never the only sign), an arrow from each item to those that need it first.

type Item = FlowTimeline['items'][number];

export const STATE_FILL: Record<string, string> = {
  waiting: '#eceff1',
  'awaiting-materials': '#fff3d6',
  requested: '#e8f0fe',
  approved: '#e0f2f1',
  completed: '#e6f4e7',
  rejected: '#fde8e7',
  cancelled: '#eceff1',
};
export const STATE_STROKE: Record<string, string> = {
  waiting: '#5f6368',
  'awaiting-materials': '#7a4b00',
  requested: '#0b57d0',
  approved: '#00594f',
  completed: '#1b5e20',
  rejected: '#a4161a',
  cancelled: '#5f6368',
};

const W = 200;
const H = 56;
const GAP_X = 40;
const GAP_Y = 28;

function depthOf(bundle: Bundle | undefined, key: string): number {
  const needs = dependsOn(bundle, key);
  return needs.length === 0 ? 0 : 1 + Math.max(...needs.map((k) => depthOf(bundle, k)));
}

export function DependencyGraph(props: { bundle: Bundle | undefined; items: Item[]; child: string }) {
  const { bundle, items } = props;
  const columns: Item[][] = [];
  for (const item of items) {
    const depth = depthOf(bundle, item.itemKey);
    columns[depth] = [...(columns[depth] ?? []), item];
  }
  const at = new Map<string, { x: number; y: number }>();
  for (const [depth, column] of columns.entries()) {
    for (const [row, item] of (column ?? []).entries())
      at.set(item.itemKey, { x: depth * (W + GAP_X), y: row * (H + GAP_Y) });
  }
  const width = columns.length * (W + GAP_X) - GAP_X;
  const height = Math.max(...columns.map((c) => c.length)) * (H + GAP_Y) - GAP_Y;
  const label = t('flow.graphLabel', { child: props.child });
  return (
    <figure class="graph">
      <ScrollTable label={label}>
        <svg
          class="chart graph-chart"
          viewBox={`-4 -4 ${width + 8} ${height + 8}`}
          role="img"
          aria-label={label}
        >
          <title>{label}</title>
          <defs>
            <marker
              id="arrow"
              viewBox="0 0 10 10"
              refX="10"
              refY="5"
              markerWidth="7"
              markerHeight="7"
              orient="auto-start-reverse"
            >
              <path d="M 0 0 L 10 5 L 0 10 z" fill="#4a5360" />
            </marker>
          </defs>
          {items.flatMap((item) =>
            dependsOn(bundle, item.itemKey).map((need) => {
              const from = at.get(need);
              const to = at.get(item.itemKey);
              if (!from || !to) return null;
              return (
                <path
                  key={`${need}->${item.itemKey}`}
                  d={`M ${from.x + W} ${from.y + H / 2} C ${from.x + W + GAP_X / 2} ${from.y + H / 2}, ${to.x - GAP_X / 2} ${to.y + H / 2}, ${to.x} ${to.y + H / 2}`}
                  fill="none"
                  stroke="#4a5360"
                  stroke-width="1.5"
                  marker-end="url(#arrow)"
                />
              );
            }),
          )}
          {items.map((item) => {
            const p = at.get(item.itemKey) ?? { x: 0, y: 0 };
            return (
              <g key={item.id} transform={`translate(${p.x} ${p.y})`}>
                <rect
                  width={W}
                  height={H}
                  rx="8"
                  fill={STATE_FILL[item.status] ?? '#fff'}
                  stroke={STATE_STROKE[item.status] ?? '#000'}
                  stroke-width={item.warning ? 4 : 2}
                />
                <text x="10" y="22" font-weight="700">
                  {itemName(bundle, item.itemKey)}
                </text>
                <text x="10" y="42">
                  {t(`state.${item.status}` as Parameters<typeof t>[0])}
                  {item.attempt > 1 ? ` · #${item.attempt}` : ''}
                  {item.warning ? ` · ${t(item.warning === 'red' ? 'flag.red' : 'flag.yellow')}` : ''}
                </text>
              </g>
            );
          })}
        </svg>
      </ScrollTable>
      <figcaption class="visually-hidden">{label}</figcaption>
      <ul class="graph-legend" aria-label={t('flow.itemsOf', { child: props.child })}>
        {items.map((item) => (
          <li key={item.id}>
            <span class={`badge state-${item.status}`}>
              {itemName(bundle, item.itemKey)}: {t(`state.${item.status}` as Parameters<typeof t>[0])}
            </span>
            <Flag level={item.warning} />
          </li>
        ))}
      </ul>
    </figure>
  );
}
