import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ErrorState, PageSkeleton } from '../../components/query-state.tsx';
import { SeenQuestionCard } from '../../components/seen-question-card.tsx';
import { useCreateAttempt } from '../../lib/api/create-attempt.ts';
import { useSavedList } from '../../lib/api/list-saved.ts';
import { useSaveQuestion } from '../../lib/api/save-question.ts';
import { useUnsaveQuestion } from '../../lib/api/unsave-question.ts';
import { errorMessage } from '../../lib/api-client.ts';
import { plural } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/page-title.ts';
import './saved.css';

export function SavedPage() {
  usePageTitle('Saved questions');
  const saved = useSavedList();
  const [filter, setFilter] = useState('');
  const [removed, setRemoved] = useState<{ questionId: string; note: string } | null>(null);
  const create = useCreateAttempt();
  const save = useSaveQuestion();
  const unsave = useUnsaveQuestion();
  const navigate = useNavigate();

  const items = saved.data?.items ?? [];
  const words = filter.trim().toLowerCase();
  const shown = words
    ? items.filter((i) =>
        [i.question.stem, i.note, i.question.sectionTitle, i.question.explanation]
          .join(' ')
          .toLowerCase()
          .includes(words),
      )
    : items;

  const practise = () =>
    create.mutate(
      { mode: 'practice', from: { saved: true }, feedback: 'immediate', timeLimitMinutes: null },
      { onSuccess: (attempt) => navigate(`/attempts/${attempt.id}`) },
    );

  return (
    <div className="saved">
      <div className="page-header">
        <div>
          <h1>Saved questions</h1>
          <p className="muted">Questions you starred in reviews and practice, with your notes.</p>
        </div>
        {items.length > 0 && (
          <div>
            <button type="button" className="button" disabled={create.isPending} onClick={practise}>
              Practise these ({items.length})
            </button>
            <p className="muted small">
              With the answer after each question. <Link to="/practice?pool=saved">Other settings</Link>
            </p>
          </div>
        )}
      </div>
      {create.isError && (
        <p className="banner banner-bad" role="alert">
          {errorMessage(create.error)}
        </p>
      )}
      {removed && (
        <p className="banner" role="status">
          Removed from your saved questions.{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => {
              save.mutate({ questionId: removed.questionId, note: removed.note });
              setRemoved(null);
            }}
          >
            Undo
          </button>
        </p>
      )}
      {saved.isPending ? (
        <PageSkeleton label="Loading your saved questions…" cards={2} />
      ) : saved.isError ? (
        <ErrorState
          title="Your saved questions could not be loaded"
          error={saved.error}
          onRetry={() => void saved.refetch()}
        />
      ) : items.length === 0 ? (
        <section className="card">
          <h2>Nothing saved yet</h2>
          <p>
            Star a question in a review (or in practice once its answer shows) to keep it here with a note. Questions
            that a running attempt is asking stay hidden until it ends.
          </p>
        </section>
      ) : (
        <>
          <div className="field field-short">
            <label htmlFor="saved-filter">Filter</label>
            <input
              id="saved-filter"
              type="search"
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
              placeholder="Words in the question, topic or note"
            />
          </div>
          <p className="muted" aria-live="polite">
            {words
              ? `${plural(shown.length, 'question')} of ${items.length} match.`
              : plural(items.length, 'saved question')}
          </p>
          <div className="review-list">
            {shown.map((item) => (
              <SeenQuestionCard key={item.questionId} question={item.question}>
                <span className="seen-question-tools">
                  <button
                    type="button"
                    className="link-button"
                    disabled={unsave.isPending}
                    onClick={() =>
                      unsave.mutate(item.questionId, {
                        onSuccess: () => setRemoved({ questionId: item.questionId, note: item.note }),
                      })
                    }
                  >
                    Remove<span className="visually-hidden"> this saved question</span>
                  </button>
                </span>
                <NoteEditor questionId={item.questionId} note={item.note} />
              </SeenQuestionCard>
            ))}
          </div>
        </>
      )}
    </div>
  );
}

function NoteEditor({ questionId, note }: { questionId: string; note: string }) {
  const [draft, setDraft] = useState(note);
  const save = useSaveQuestion();
  const id = `note-${questionId}`;
  return (
    <form
      className="note-editor"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ questionId, note: draft });
      }}
    >
      <label htmlFor={id}>Your note</label>
      <textarea id={id} maxLength={2000} rows={2} value={draft} onChange={(e) => setDraft(e.target.value)} />
      <span className="muted small">{draft.length} / 2000</span>
      <button
        type="submit"
        className="button button-small button-secondary"
        disabled={save.isPending || draft === note}
      >
        Save note
      </button>
      {save.isSuccess && draft === note && <span className="muted small"> Saved</span>}
    </form>
  );
}
