import { niceScale, seriesColour } from "./chart-scale";

export interface BarSeries {
  key: string;
  label: string;
  values: number[];
}

const WIDTH = 720;
const HEIGHT = 260;
const MARGIN = { top: 12, right: 12, bottom: 36, left: 64 };
const MAX_X_LABELS = 8;

/**
 * A bar chart as plain SVG, drawn on the server (no client JavaScript): bars stacked (parts
 * of one whole, e.g. time per project) or grouped side by side (e.g. invoiced beside
 * collected). For people who cannot see it: the SVG is one image (role="img") named by its
 * title and described by `description`; a visible legend names each colour; the same numbers
 * are in a table under "Show the data as a table".
 */
export function BarChart({
  id,
  title,
  description,
  mode,
  buckets,
  series,
  format,
  bucketHeading,
}: {
  /** Unique on the page: the SVG's title and description are referred to by it. */
  id: string;
  title: string;
  /** One or two sentences saying what the chart shows (its <desc>). */
  description: string;
  mode: "stacked" | "grouped";
  buckets: { key: string; label: string }[];
  series: BarSeries[];
  /** A value as words in the axis, the table and the bars' tooltips, e.g. "7.50 h" or "€1,234.00". */
  format: (value: number) => string;
  /** The table's first column heading: "Day", "Month". */
  bucketHeading: string;
}) {
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const totals = buckets.map((_, i) => series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const all = mode === "stacked" ? totals : series.flatMap((s) => s.values);
  const scale = niceScale(Math.min(0, ...all), Math.max(0, ...all));
  const y = (value: number) => MARGIN.top + plotHeight - ((value - scale.min) / (scale.max - scale.min)) * plotHeight;
  const band = plotWidth / Math.max(1, buckets.length);
  const barWidth = Math.max(1, band * 0.7);
  const labelEvery = Math.ceil(buckets.length / MAX_X_LABELS);

  return (
    <figure className="space-y-3" data-testid={`chart-${id}`}>
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="h-auto w-full"
        preserveAspectRatio="xMidYMid meet"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {scale.ticks.map((tick) => (
          <g key={tick}>
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} stroke={tick === 0 ? "#64748b" : "#e2e8f0"} strokeWidth={1} />
            <text x={MARGIN.left - 8} y={y(tick)} dy="0.32em" textAnchor="end" fontSize={11} fill="#475569">
              {format(tick)}
            </text>
          </g>
        ))}
        {buckets.map((bucket, i) => {
          const x = MARGIN.left + i * band + (band - barWidth) / 2;
          let base = 0;
          return (
            <g key={bucket.key}>
              {series.map((s, j) => {
                const value = s.values[i] ?? 0;
                if (value === 0) return null;
                const colour = seriesColour(j, s.key);
                if (mode === "stacked") {
                  const top = y(base + value);
                  const height = y(base) - top;
                  base += value;
                  return (
                    <rect key={s.key} x={x} y={top} width={barWidth} height={Math.max(0, height)} fill={colour} stroke="#ffffff" strokeWidth={1}>
                      <title>{`${bucket.label}, ${s.label}: ${format(value)}`}</title>
                    </rect>
                  );
                }
                const width = barWidth / series.length;
                const [from, to] = [y(0), y(value)].sort((a, b) => a - b) as [number, number];
                return (
                  <rect key={s.key} x={x + j * width} y={from} width={Math.max(1, width - 1)} height={Math.max(1, to - from)} fill={colour}>
                    <title>{`${bucket.label}, ${s.label}: ${format(value)}`}</title>
                  </rect>
                );
              })}
              {i % labelEvery === 0 ? (
                <text x={MARGIN.left + i * band + band / 2} y={HEIGHT - MARGIN.bottom + 16} textAnchor="middle" fontSize={11} fill="#475569">
                  {bucket.label}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700" aria-label={`Legend: ${title}`}>
          {series.map((s, j) => (
            <li key={s.key} className="flex items-center gap-1.5">
              <span aria-hidden className="inline-block h-3 w-3 rounded-sm" style={{ backgroundColor: seriesColour(j, s.key) }} />
              {s.label}
            </li>
          ))}
        </ul>
      </figcaption>
      <details className="text-sm">
        <summary className="cursor-pointer font-medium text-indigo-700 hover:underline">Show the data as a table</summary>
        <div className="mt-2 overflow-x-auto" tabIndex={0} role="region" aria-label={`${title}: data table`}>
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr>
                <th scope="col" className="px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
                  {bucketHeading}
                </th>
                {series.map((s) => (
                  <th key={s.key} scope="col" className="px-3 py-2 text-right text-xs font-semibold uppercase tracking-wide text-slate-600">
                    {s.label}
                  </th>
                ))}
                {mode === "stacked" ? (
                  <th scope="col" className="px-3 py-2 text-right text-xs font-semibold uppercase tracking-wide text-slate-600">
                    Total
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {buckets.map((bucket, i) => (
                <tr key={bucket.key}>
                  <th scope="row" className="px-3 py-1.5 text-left font-medium text-slate-900">
                    {bucket.label}
                  </th>
                  {series.map((s) => (
                    <td key={s.key} className="px-3 py-1.5 text-right tabular-nums text-slate-700">
                      {format(s.values[i] ?? 0)}
                    </td>
                  ))}
                  {mode === "stacked" ? <td className="px-3 py-1.5 text-right font-medium tabular-nums text-slate-900">{format(totals[i] ?? 0)}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
