import { errorMessage } from '../lib/api-client.ts';

interface ErrorStateProps {
  error: unknown;
  onRetry: () => void;
  title?: string;
}

/** What a page shows when its data failed to load: the reason and a way to try again. */
export function ErrorState({ error, onRetry, title = 'This could not be loaded' }: ErrorStateProps) {
  return (
    <div className="error-state" role="alert">
      <h2>{title}</h2>
      <p>{errorMessage(error)}</p>
      <button type="button" className="button" onClick={onRetry}>
        Retry
      </button>
    </div>
  );
}

/** Grey placeholder blocks with the shape of the content to come; hidden from assistive tech. */
export function Skeleton({ lines = 3, height }: { lines?: number; height?: string }) {
  return (
    <div className="skeleton" aria-hidden="true">
      {Array.from({ length: lines }, (_, i) => (
        // Placeholders have no identity other than their index.
        // biome-ignore lint/suspicious/noArrayIndexKey: static placeholder list
        <div key={i} className="skeleton-line" style={height ? { height } : undefined} />
      ))}
    </div>
  );
}

/** A whole page loading: an announced label plus skeleton cards. */
export function PageSkeleton({ label = 'Loading…', cards = 3 }: { label?: string; cards?: number }) {
  return (
    <div className="page-skeleton" aria-busy="true">
      <p className="visually-hidden" role="status">
        {label}
      </p>
      <div className="skeleton-title" aria-hidden="true" />
      {Array.from({ length: cards }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static placeholder list
        <div key={i} className="card">
          <Skeleton lines={3} />
        </div>
      ))}
    </div>
  );
}
