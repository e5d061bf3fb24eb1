import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorState } from '../../components/query-state.tsx';
import { SeenQuestionCard } from '../../components/seen-question-card.tsx';
import { useSaveQuestion } from '../../lib/api/save-question.ts';
import { plural } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/page-title.ts';
import { useSeenSearch } from './api/search-seen.ts';

/** Search the questions you have seen, with their answers; as you type, the words kept in the address. */
export function SearchPage() {
  usePageTitle('Search');
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const [query, setQuery] = useState(text);
  // Wait for a pause in typing before asking the server.
  useEffect(() => {
    const timer = setTimeout(() => {
      setQuery(text);
      setParams(text ? { q: text } : {}, { replace: true });
    }, 250);
    return () => clearTimeout(timer);
  }, [text, setParams]);
  const search = useSeenSearch(query);
  const words = query.trim().split(/\s+/).filter(Boolean);

  return (
    <div className="search">
      <h1>Search your questions</h1>
      <p className="muted">
        Only questions you have already seen, with their answers. Questions you have never seen, and those a running
        attempt is asking, never show here: they would spoil a mock.
      </p>
      <div className="field">
        <label htmlFor="seen-search">Words in the question, an option or the explanation</label>
        <input
          id="seen-search"
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          autoComplete="off"
        />
      </div>
      {query.trim().length < 2 ? (
        <p className="muted">Type at least 2 characters.</p>
      ) : search.isError ? (
        <ErrorState title="The search failed" error={search.error} onRetry={() => void search.refetch()} />
      ) : search.data ? (
        <>
          <p className="muted" aria-live="polite">
            {search.data.items.length === 0
              ? 'No question you have seen matches.'
              : `${plural(search.data.items.length, 'question')} found.`}
          </p>
          <div className="review-list">
            {search.data.items.map((item) => (
              <SeenQuestionCard key={item.questionId} question={item} highlight={words}>
                <SaveButton questionId={item.questionId} saved={item.saved} />
              </SeenQuestionCard>
            ))}
          </div>
        </>
      ) : (
        <p className="muted">Searching…</p>
      )}
    </div>
  );
}

function SaveButton({ questionId, saved }: { questionId: string; saved: boolean }) {
  const save = useSaveQuestion();
  const isSaved = saved || save.isSuccess;
  return (
    <button
      type="button"
      className="star-button seen-question-tools"
      aria-pressed={isSaved}
      disabled={isSaved || save.isPending}
      onClick={() => save.mutate({ questionId })}
    >
      <span aria-hidden="true">{isSaved ? '★' : '☆'}</span> {isSaved ? 'Saved' : 'Save question'}
    </button>
  );
}
