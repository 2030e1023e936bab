import type { Bundle, FlowTimeline } from '../../api/types.ts';
import { formatDate, formatDateTime, formatDuration, t } from '../../i18n/index.ts';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import { departmentName, itemName } from './catalogue.ts';
import { STATE_FILL, STATE_STROKE } from './DependencyGraph.tsx';

// Who held the flow for how long: one row per child's item at its department, a bar from the
// request to the decision (or now), against the promised date. Yellow and red flags mark
// electronic supervision's warnings.

type Flow = FlowTimeline;

const LABEL = 260;
const WIDTH = 900;
const ROW = 46;

export function Timeline(props: { bundle: Bundle | undefined; flow: Flow; now: number }) {
  const { flow, bundle } = props;
  const start = Date.parse(flow.application.submittedAt);
  const ends = flow.items
    .flatMap((i) => [i.decidedAt, i.completedAt, i.requestedAt])
    .filter((v): v is string => Boolean(v))
    .map(Date.parse);
  const open = flow.items.some((i) => i.status === 'requested');
  const end = Math.max(start + 1000, ...ends, open ? props.now : 0);
  const deadline = Date.parse(`${flow.application.dueDate}T23:59:59+08:00`);
  const x = (at: number) => LABEL + ((at - start) / (end - start)) * (WIDTH - LABEL - 20);
  const rows = [...flow.items].sort(
    (a, b) => a.childIndex - b.childIndex || (a.requestedAt ?? '').localeCompare(b.requestedAt ?? ''),
  );
  const height = rows.length * ROW + 40;
  const label = t('flow.timelineLabel', { due: formatDate(flow.application.dueDate) });
  return (
    <figure>
      <ScrollTable label={label}>
        <svg class="chart wide" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={label}>
          <title>{label}</title>
          <text x={LABEL} y="14">
            {formatDateTime(flow.application.submittedAt)}
          </text>
          <text x={WIDTH - 20} y="14" text-anchor="end">
            {formatDateTime(new Date(end).toISOString())}
          </text>
          {deadline <= end && (
            <line
              x1={x(deadline)}
              x2={x(deadline)}
              y1="20"
              y2={height}
              stroke="#a4161a"
              stroke-dasharray="4 3"
            />
          )}
          {rows.map((item, n) => {
            const y = 24 + n * ROW;
            const from = item.requestedAt ? Date.parse(item.requestedAt) : null;
            const to = item.decidedAt
              ? Date.parse(item.decidedAt)
              : item.status === 'requested'
                ? props.now
                : from;
            return (
              <g key={item.id}>
                <text x="0" y={y + 20} font-size="14">
                  {item.child} · {itemName(bundle, item.itemKey)}
                </text>
                <text x="0" y={y + 37} font-size="12" fill="#4a5360">
                  {departmentName(bundle, item.department)}
                </text>
                {from !== null && to !== null && (
                  <rect
                    x={x(from)}
                    y={y + 8}
                    width={Math.max(3, x(to) - x(from))}
                    height={ROW - 18}
                    rx="3"
                    fill={STATE_FILL[item.status]}
                    stroke={STATE_STROKE[item.status]}
                  />
                )}
                {item.warning && (
                  <circle
                    cx={LABEL - 12}
                    cy={y + 16}
                    r="7"
                    fill={item.warning === 'red' ? '#a4161a' : '#f2c200'}
                    stroke="#3d2c00"
                  />
                )}
                <text x={Math.min(WIDTH - 120, (to !== null ? x(to) : LABEL) + 6)} y={y + 26} font-size="13">
                  {item.heldMs !== null
                    ? formatDuration(item.heldMs)
                    : t(`state.${item.status}` as Parameters<typeof t>[0])}
                </text>
              </g>
            );
          })}
        </svg>
      </ScrollTable>
      <figcaption>
        {deadline > end
          ? t('flow.deadlineAhead', { due: formatDate(flow.application.dueDate) })
          : t('flow.deadlineLine', { due: formatDate(flow.application.dueDate) })}
      </figcaption>
    </figure>
  );
}
