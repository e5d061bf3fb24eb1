import type { FallbackProps } from 'react-error-boundary';
import { Link } from 'react-router';

/** Shown when a page crashes or its code cannot be downloaded (e.g. after a new release). */
export function RouteError({ error }: FallbackProps) {
  const chunkFailed =
    error instanceof TypeError && /dynamically imported module|Importing a module/i.test(error.message);
  return (
    <main id="main" tabIndex={-1} className="page">
      <div className="error-state" role="alert">
        <h1>Something went wrong</h1>
        <p>
          {chunkFailed
            ? 'This page could not be downloaded. You may be offline, or a new version was released.'
            : 'An unexpected error stopped this page. Your answers are saved on this device and on the server.'}
        </p>
        <p className="actions">
          <button type="button" className="button" onClick={() => window.location.reload()}>
            Reload the page
          </button>
          <Link to="/" className="button button-secondary" reloadDocument>
            Go to the dashboard
          </Link>
        </p>
      </div>
    </main>
  );
}
