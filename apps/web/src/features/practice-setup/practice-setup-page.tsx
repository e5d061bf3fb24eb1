import { ErrorState, PageSkeleton } from '../../components/query-state.tsx';
import { useCatalog } from '../../lib/api/get-catalog.ts';
import { usePageTitle } from '../../lib/page-title.ts';
import { PracticeForm } from './practice-form.tsx';
import './practice-setup.css';

export function PracticeSetupPage() {
  usePageTitle('Custom practice');
  const catalog = useCatalog();
  return (
    <div className="practice-setup">
      <h1>Custom practice</h1>
      <p className="lead">Choose what to practise and how. Leave domains and sections empty to draw from everything.</p>
      {catalog.isPending ? (
        <PageSkeleton label="Loading the question catalog…" cards={2} />
      ) : catalog.isError ? (
        <ErrorState
          title="The question catalog could not be loaded"
          error={catalog.error}
          onRetry={() => void catalog.refetch()}
        />
      ) : (
        <PracticeForm catalog={catalog.data} />
      )}
    </div>
  );
}
