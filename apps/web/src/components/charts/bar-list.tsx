// Small inline SVG bars instead of a chart library, to stay within the initial JavaScript budget.

export interface BarItem {
  key: string;
  label: string;
  /** 0-100; null when there is nothing to measure yet. */
  value: number | null;
  /** Shown after the value, e.g. "14 of 19". */
  detail?: string;
  tone?: 'good' | 'bad' | 'neutral';
}

interface BarListProps {
  items: BarItem[];
  /** A vertical marker, e.g. the share of correct answers a pass roughly needs. */
  marker?: { value: number; label: string };
  emptyText?: string;
}

/** Labelled horizontal bars; the numbers are in the text, so the bars themselves are decorative. */
export function BarList({ items, marker, emptyText = 'No answers yet' }: BarListProps) {
  return (
    <ul className="bar-list">
      {items.map((item) => (
        <li key={item.key} className={`bar-row tone-${item.tone ?? 'neutral'}`}>
          <div className="bar-label">
            <span>{item.label}</span>
            <span className="bar-value">
              {item.value === null ? emptyText : `${Math.round(item.value)}%`}
              {item.detail && <span className="bar-detail"> · {item.detail}</span>}
            </span>
          </div>
          <svg className="bar-track" width="100%" height="10" aria-hidden="true" focusable="false">
            <rect className="bar-bg" x="0" y="0" width="100%" height="10" rx="5" />
            {item.value !== null && item.value > 0 && (
              <rect className="bar-fill" x="0" y="0" width={`${Math.min(100, item.value)}%`} height="10" rx="5" />
            )}
            {marker && <rect className="bar-marker" x={`${marker.value}%`} y="0" width="2" height="10" />}
          </svg>
        </li>
      ))}
      {marker && (
        <li className="bar-marker-note" aria-hidden="true">
          <span className="bar-marker-swatch" /> {marker.label}
        </li>
      )}
    </ul>
  );
}
