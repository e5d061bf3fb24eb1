import type { AdminItem, ItemFlag } from '@saa/contract/admin';
import { REPORT_REASON_LABEL } from '@saa/contract/constants';
import { Link, useSearchParams } from 'react-router';
import { NotFoundPage } from '../../components/not-found-page.tsx';
import { ErrorState, PageSkeleton } from '../../components/query-state.tsx';
import { ApiError, errorMessage } from '../../lib/api-client.ts';
import { formatDateTime, plural } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/page-title.ts';
import { useAdminItems } from './api/list-items.ts';
import { useSetSuspended } from './api/suspend-item.ts';
import './admin.css';
import { optionLetter } from '../../components/option-label.tsx';

const FLAGS: { value: ItemFlag; label: string }[] = [
  { value: 'reported', label: 'Reported' },
  { value: 'hard', label: 'Hard' },
  { value: 'easy', label: 'Easy' },
  { value: 'negative-discrimination', label: 'Low discrimination' },
];

const percent = (share: number | null) => (share === null ? '–' : `${Math.round(share * 100)}%`);

/** The operator's view: items users reported or that the statistics flag, to fix in the bank. */
export function AdminPage() {
  usePageTitle('Items');
  const [params, setParams] = useSearchParams();
  const flag = FLAGS.find((f) => f.value === params.get('flag'))?.value ?? 'reported';
  const items = useAdminItems(flag);

  if (items.isError && items.error instanceof ApiError && items.error.status === 404) return <NotFoundPage />;
  return (
    <>
      <h1>Items</h1>
      <p className="muted">
        Questions users reported, and those the statistics flag once {items.data?.thresholds.minAnswers ?? 30} answers
        are in: facility below {items.data?.thresholds.hardBelow ?? 0.2} (hard) or above{' '}
        {items.data?.thresholds.easyAbove ?? 0.95} (easy), discrimination below{' '}
        {items.data?.thresholds.discriminationBelow ?? 0.1}. Fix them in the bank's sources; suspending keeps an item
        out of mocks meanwhile. <code>pnpm bank:feedback --format json</code> exports all of it.
      </p>
      <nav aria-label="Which items" className="segmented admin-flags">
        {FLAGS.map((f) => (
          <Link
            key={f.value}
            to={f.value === 'reported' ? '/admin' : `/admin?flag=${f.value}`}
            aria-current={flag === f.value ? 'page' : undefined}
            replace
            onClick={(e) => {
              e.preventDefault();
              setParams(f.value === 'reported' ? {} : { flag: f.value }, { replace: true });
            }}
          >
            {f.label}
          </Link>
        ))}
      </nav>
      {items.isPending ? (
        <PageSkeleton label="Loading items…" cards={2} />
      ) : items.isError ? (
        <ErrorState title="The items could not be loaded" error={items.error} onRetry={() => void items.refetch()} />
      ) : items.data.items.length === 0 ? (
        <p className="card">Nothing here right now.</p>
      ) : (
        <>
          <p className="muted">{plural(items.data.items.length, 'item')}, the worst first.</p>
          {items.data.items.map((item) => (
            <ItemCard key={item.questionId} item={item} />
          ))}
        </>
      )}
    </>
  );
}

function ItemCard({ item }: { item: AdminItem }) {
  const suspend = useSetSuspended();
  const share = new Map(item.stats.optionShares.map((o) => [o.optionId, o.share]));
  const headingId = `item-${item.questionId}`;
  return (
    <article className="card admin-item" aria-labelledby={headingId}>
      <header className="admin-item-header">
        <h2 id={headingId}>{item.questionId}</h2>
        <span className="muted">
          {item.sectionTitle} · {item.style === 'scenario' ? 'scenario' : 'quick check'}
        </span>
        {item.suspended && <span className="badge">Out of mocks</span>}
      </header>
      <dl className="admin-stats">
        <div>
          <dt>Answers</dt>
          <dd>{item.stats.answered}</dd>
        </div>
        <div>
          <dt>Facility</dt>
          <dd>{percent(item.stats.facility)}</dd>
        </div>
        <div>
          <dt>Discrimination</dt>
          <dd>{item.stats.discrimination === null ? '–' : item.stats.discrimination.toFixed(2)}</dd>
        </div>
        <div>
          <dt>Flags</dt>
          <dd>{item.flags.length > 0 ? item.flags.join(', ') : 'none'}</dd>
        </div>
      </dl>
      <p className="admin-stem">{item.stem}</p>
      <ul className="admin-options">
        {item.options.map((o, i) => (
          <li key={o.id} className={o.correct ? 'admin-option-key' : undefined}>
            <strong>
              {optionLetter(i)}. {o.correct ? '(key) ' : ''}
            </strong>
            {o.text} <span className="muted">· chosen by {percent(share.get(o.id) ?? 0)}</span>
            <br />
            <span className="muted small">{o.rationale}</span>
          </li>
        ))}
      </ul>
      <p className="small">
        <strong>Explanation:</strong> {item.explanation}
      </p>
      {item.reports.length > 0 && (
        <section aria-label="Open reports">
          <h3>Open reports</h3>
          <ul className="admin-reports">
            {item.reports.map((r) => (
              <li key={`${r.createdAt}-${r.reason}`}>
                <strong>{REPORT_REASON_LABEL[r.reason]}</strong>{' '}
                <span className="muted">({formatDateTime(r.createdAt)})</span>
                {r.text && <>: {r.text}</>}
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="actions">
        <button
          type="button"
          className="button button-secondary"
          disabled={suspend.isPending}
          onClick={() => suspend.mutate({ questionId: item.questionId, suspended: !item.suspended })}
        >
          {item.suspended ? 'Put back into mocks' : 'Suspend from mocks'}
        </button>
      </div>
      {suspend.isError && (
        <p className="banner banner-bad" role="alert">
          {errorMessage(suspend.error)}
        </p>
      )}
    </article>
  );
}
