// Text charts for the Markdown summary: horizontal bars of Unicode eighth blocks, readable in
// a terminal, a code review and a rendered README alike.

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A bar `width` characters long at `max`, drawn to an eighth of a character. */
export function bar(value: number, max: number, width: number): string {
  if (!(max > 0) || !(value > 0)) return '';
  const eighths = Math.round((Math.min(value, max) / max) * width * 8);
  return '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8];
}

/** One labelled bar per row, the value printed after it. */
export function barChart(
  rows: readonly { label: string; value: number; text?: string }[],
  options: { width?: number; max?: number } = {},
): string {
  const width = options.width ?? 40;
  const max = options.max ?? Math.max(0, ...rows.map((r) => r.value));
  const labelWidth = Math.max(0, ...rows.map((r) => r.label.length));
  return rows
    .map(
      (r) =>
        `${r.label.padEnd(labelWidth)} │${bar(r.value, max, width).padEnd(width)}│ ${r.text ?? String(r.value)}`,
    )
    .join('\n');
}
