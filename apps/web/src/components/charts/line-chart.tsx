// Charts are small hand-written SVG components rather than a chart library: the whole app has a
// 150 KB gzipped budget for its initial JavaScript, and a library would take most of it.
import { useId } from 'react';
import { useElementWidth } from '../../lib/use-element-width.ts';
import { thinLabels } from './axis-labels.ts';

export interface LineSeries {
  name: string;
  /** One value per x position; null leaves a gap. */
  values: (number | null)[];
}

interface LineChartProps {
  title: string;
  /** What the chart shows in one sentence, read by screen readers. */
  description: string;
  /** Labels of the x positions (e.g. dates), shared by every series. */
  labels: string[];
  series: LineSeries[];
  min: number;
  max: number;
  ticks: number[];
  formatValue?: (value: number) => string;
  reference?: { value: number; label: string };
  height?: number;
}

const PAD = { top: 14, right: 16, bottom: 28, left: 40 };
const MARKERS = ['circle', 'square', 'diamond', 'triangle'] as const;

function Marker({ kind, x, y }: { kind: (typeof MARKERS)[number]; x: number; y: number }) {
  if (kind === 'square') return <rect x={x - 3.5} y={y - 3.5} width={7} height={7} />;
  if (kind === 'diamond') return <path d={`M${x} ${y - 5}L${x + 5} ${y}L${x} ${y + 5}L${x - 5} ${y}Z`} />;
  if (kind === 'triangle') return <path d={`M${x} ${y - 5}L${x + 5} ${y + 4}L${x - 5} ${y + 4}Z`} />;
  return <circle cx={x} cy={y} r={4} />;
}

/** A line chart with an optional reference line (e.g. the 720 pass mark) and a data table for screen readers. */
export function LineChart({
  title,
  description,
  labels,
  series,
  min,
  max,
  ticks,
  formatValue = String,
  reference,
  height = 220,
}: LineChartProps) {
  const [ref, measured] = useElementWidth<HTMLDivElement>();
  const id = useId();
  const width = measured ?? 0;
  const plotW = Math.max(10, width - PAD.left - PAD.right);
  const plotH = height - PAD.top - PAD.bottom;
  const n = labels.length;
  const x = (i: number) => PAD.left + (n <= 1 ? plotW / 2 : (i * plotW) / (n - 1));
  const y = (v: number) => PAD.top + plotH - ((Math.min(max, Math.max(min, v)) - min) / (max - min)) * plotH;
  // As many x labels as fit without overlapping (about 6.5 px per character at 11 px).
  const labelWidth = Math.max(...labels.map((l) => l.length), 1) * 6.5 + 14;
  const shownLabels = new Set(thinLabels(n, n <= 1 ? plotW : x(n - 1) - x(0), labelWidth));

  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="chart-title">
        {title}
      </figcaption>
      {series.length > 1 && (
        <ul className="chart-legend" aria-hidden="true">
          {series.map((s, i) => (
            <li key={s.name} className={`series-${i % 4}`}>
              <svg width="14" height="14" viewBox="0 0 14 14" className="chart-series" aria-hidden="true">
                <Marker kind={MARKERS[i % 4] ?? 'circle'} x={7} y={7} />
              </svg>
              {s.name}
            </li>
          ))}
        </ul>
      )}
      {/* The box keeps the chart's height while its width is not yet known: nothing moves when it is drawn. */}
      <div ref={ref} className="chart-canvas" style={{ height }}>
        {measured !== null && (
          <svg width={width} height={height} role="img" aria-labelledby={`${id}-svg-title`}>
            <title id={`${id}-svg-title`}>{`${title}. ${description}`}</title>
            <g className="chart-grid">
              {ticks.map((t) => (
                <g key={t}>
                  <line x1={PAD.left} x2={PAD.left + plotW} y1={y(t)} y2={y(t)} />
                  <text x={PAD.left - 6} y={y(t)} dy="0.32em" textAnchor="end">
                    {formatValue(t)}
                  </text>
                </g>
              ))}
            </g>
            {reference && (
              <g className="chart-reference">
                <line x1={PAD.left} x2={PAD.left + plotW} y1={y(reference.value)} y2={y(reference.value)} />
                <text x={PAD.left + 4} y={y(reference.value) - 5} textAnchor="start">
                  {reference.label}
                </text>
              </g>
            )}
            <g className="chart-axis">
              {labels.map((label, i) =>
                shownLabels.has(i) ? (
                  <text
                    // biome-ignore lint/suspicious/noArrayIndexKey: labels are identified by their x position
                    key={i}
                    x={x(i)}
                    y={height - 8}
                    textAnchor={n === 1 ? 'middle' : i === 0 ? 'start' : i === n - 1 ? 'end' : 'middle'}
                  >
                    {label}
                  </text>
                ) : null,
              )}
            </g>
            {series.map((s, si) => {
              const path = s.values
                .map((v, i) => (v === null ? null : `${x(i)} ${y(v)}`))
                .reduce<string>((d, point, i) => {
                  if (point === null) return d;
                  const previous = i > 0 ? s.values[i - 1] : null;
                  return `${d}${previous === null || previous === undefined ? 'M' : 'L'}${point} `;
                }, '');
              return (
                <g key={s.name} className={`chart-series series-${si % 4}`}>
                  <path d={path} fill="none" />
                  {s.values.map((v, i) =>
                    v === null ? null : (
                      // biome-ignore lint/suspicious/noArrayIndexKey: points are identified by their x position
                      <Marker key={i} kind={MARKERS[si % 4] ?? 'circle'} x={x(i)} y={y(v)} />
                    ),
                  )}
                </g>
              );
            })}
          </svg>
        )}
      </div>
      {/* A <table> ignores the 1px box of .visually-hidden, so the wrapper carries it. */}
      <div className="visually-hidden">
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">Point</th>
              {series.map((s) => (
                <th key={s.name} scope="col">
                  {s.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {labels.map((label, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are identified by their x position
              <tr key={i}>
                <th scope="row">{label}</th>
                {series.map((s) => {
                  const v = s.values[i];
                  return <td key={s.name}>{v === null || v === undefined ? '–' : formatValue(v)}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
