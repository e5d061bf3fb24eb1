import { useNavigate } from 'react-router';
import { useCreateAttempt } from '../../lib/api/create-attempt.ts';
import { errorMessage } from '../../lib/api-client.ts';

/** What a new user sees instead of empty charts: what the app does and a gentle first step. */
export function WelcomeCard() {
  const create = useCreateAttempt();
  const navigate = useNavigate();
  return (
    <section className="card welcome" aria-labelledby="welcome-heading">
      <h2 id="welcome-heading">Let’s find your starting point</h2>
      <p>
        There is nothing to chart yet. A short warm-up shows the answer and an explanation after each question; a full
        mock then gives you a first estimated score. Your strengths, weak sections and questions to drill appear here as
        you go.
      </p>
      <button
        type="button"
        className="button"
        disabled={create.isPending}
        onClick={() =>
          create.mutate(
            { mode: 'practice', questionCount: 10, feedback: 'immediate', timeLimitMinutes: null },
            { onSuccess: (attempt) => navigate(`/attempts/${attempt.id}`) },
          )
        }
      >
        {create.isPending ? 'Starting…' : 'Warm up with 10 questions'}
      </button>
      {create.isError && (
        <p className="banner banner-bad" role="alert">
          {errorMessage(create.error)}
        </p>
      )}
    </section>
  );
}
