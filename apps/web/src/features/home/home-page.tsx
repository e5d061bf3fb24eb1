import { useHealth } from './api/get-health.ts';

export function HomePage() {
  const health = useHealth();
  return (
    <section className="home">
      <h1>Get ready for SAA-C03</h1>
      <p className="lead">
        Timed 65-question mock exams weighted like the real test, practice sets by domain or section, and a review that
        explains every option.
      </p>
      <p className="status" aria-live="polite">
        {health.isPending && 'Checking the service…'}
        {health.isError && 'The service cannot be reached right now.'}
        {health.data &&
          (health.data.database === 'up' ? 'All systems ready.' : 'The database is unavailable; try again shortly.')}
      </p>
    </section>
  );
}
