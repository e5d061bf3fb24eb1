import type { CreateAttemptRequest, FeedbackMode } from '@saa/contract/attempts';
import type { CatalogResponse } from '@saa/contract/catalog';
import { EXAM } from '@saa/contract/constants';
import type { DomainId } from '@saa/contract/domains';
import { type FormEvent, useId, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ChoiceGroup } from '../../components/choice-group.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useCreateAttempt } from '../../lib/api/create-attempt.ts';
import { useSavedList } from '../../lib/api/list-saved.ts';
import { errorMessage } from '../../lib/api-client.ts';
import { fieldErrors } from '../../lib/field-errors.ts';
import { SectionPicker } from './section-picker.tsx';

type Timing = 'untimed' | 'timed';
/** Which questions to draw: exam-style scenarios, quick recall checks, or both. */
type Kind = 'scenario' | 'recall' | 'both';
/** Where the questions come from: the whole bank, only unseen ones, the missed ones, or the saved ones. */
type Pool = 'all' | 'unseen' | 'wrong' | 'saved';

const KINDS = [
  {
    value: 'scenario',
    label: 'Exam-style scenarios',
    detail: 'A situation with constraints, asking for the best design, as on the exam.',
  },
  { value: 'recall', label: 'Quick checks', detail: 'Short fact checks to learn a service before the scenarios.' },
  { value: 'both', label: 'Both', detail: 'Scenarios and quick checks mixed.' },
] as const;

const POOLS: [Pool, string, string][] = [
  ['all', 'All questions', 'Questions you have seen least come first.'],
  ['unseen', 'Unseen only', 'Questions you have never been shown.'],
  ['wrong', 'Previously missed', 'Wrong or unanswered the last time a finished attempt asked them.'],
  ['saved', 'Saved questions', 'The questions you starred, newest first.'],
];

/** Minutes per question on the real exam (130 / 65), used to suggest a time limit. */
const MINUTES_PER_QUESTION = EXAM.mockMinutes / EXAM.mockQuestions;

export function PracticeForm({ catalog }: { catalog: CatalogResponse }) {
  const create = useCreateAttempt();
  const navigate = useNavigate();
  const id = useId();
  const [domains, setDomains] = useState<DomainId[]>([]);
  const [sections, setSections] = useState<string[]>([]);
  const [count, setCount] = useState('20');
  const [timing, setTiming] = useState<Timing>('untimed');
  const [minutes, setMinutes] = useState('');
  const [feedback, setFeedback] = useState<FeedbackMode>('deferred');
  const [kind, setKind] = useState<Kind>('scenario');
  const [params] = useSearchParams();
  const [pool, setPool] = useState<Pool>(() => (params.get('pool') === 'saved' ? 'saved' : 'all'));
  const saved = useSavedList();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const server = fieldErrors(create.error);

  const questionCount = Number(count);
  const suggestedMinutes = Math.max(
    1,
    Math.round((Number.isFinite(questionCount) ? questionCount : 20) * MINUTES_PER_QUESTION),
  );

  const toggleDomain = (domain: DomainId) =>
    setDomains((current) => (current.includes(domain) ? current.filter((d) => d !== domain) : [...current, domain]));

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!Number.isInteger(questionCount) || questionCount < 1 || questionCount > EXAM.maxPracticeQuestions) {
      next.questionCount = `Enter a whole number from 1 to ${EXAM.maxPracticeQuestions}.`;
    }
    const limit = minutes === '' ? suggestedMinutes : Number(minutes);
    if (timing === 'timed' && (!Number.isInteger(limit) || limit < 1 || limit > 600)) {
      next.timeLimitMinutes = 'Enter a whole number of minutes from 1 to 600.';
    }
    setErrors(next);
    if (Object.keys(next).length > 0) {
      const first = next.questionCount ? `${id}-count` : `${id}-minutes`;
      document.getElementById(first)?.focus();
      return;
    }
    const timeLimitMinutes = timing === 'timed' ? limit : null;
    const request: CreateAttemptRequest =
      pool === 'saved'
        ? { mode: 'practice', from: { saved: true }, timeLimitMinutes, feedback }
        : {
            mode: 'practice',
            questionCount,
            timeLimitMinutes,
            feedback,
            ...(pool === 'all' ? {} : { pool }),
            ...(domains.length > 0 ? { domains } : {}),
            ...(sections.length > 0 ? { sections } : {}),
            ...(kind === 'both' ? {} : { style: kind }),
          };
    create.mutate(request, { onSuccess: (attempt) => navigate(`/attempts/${attempt.id}`) });
  };

  const general = create.isError && Object.keys(server).length === 0 ? errorMessage(create.error) : null;
  // The server says how many match when fewer than asked ("Only 7 questions match…").
  const available = Number(/^Only (\d+) questions match/.exec(server.questionCount ?? '')?.[1] ?? Number.NaN);
  const savedCount = saved.data?.items.length ?? 0;
  return (
    <form className="form practice-form" noValidate onSubmit={handleSubmit}>
      <fieldset className="card">
        <legend>Questions from</legend>
        <ChoiceGroup
          name="pool"
          label="Questions from"
          value={pool}
          onChange={setPool}
          choices={POOLS.map(([value, label, detail]) => ({
            value,
            label,
            detail: value === 'saved' ? `${detail} You have ${savedCount} saved.` : detail,
          }))}
        />
        {pool === 'saved' && savedCount === 0 && (
          <p className="banner" role="status">
            You have no saved questions yet: star questions in a review to practise them here.
          </p>
        )}
      </fieldset>

      {pool !== 'saved' && (
        <>
          <fieldset className="card">
            <legend>Kind of questions</legend>
            <ChoiceGroup name="kind" label="Kind of questions" value={kind} onChange={setKind} choices={KINDS} />
            {server.style && <p className="field-error">{server.style}</p>}
          </fieldset>

          <fieldset className="card">
            <legend>Domains</legend>
            <div className="choice-grid">
              {catalog.domains.map((d) => (
                <label key={d.id} className="choice">
                  <input type="checkbox" checked={domains.includes(d.id)} onChange={() => toggleDomain(d.id)} />
                  <span>
                    {d.name}
                    <span className="muted choice-detail">
                      {d.weight}% of the exam · {d.scenarioCount} scenarios, {d.recallCount} quick checks
                    </span>
                  </span>
                </label>
              ))}
            </div>
            {server.domains && <p className="field-error">{server.domains}</p>}
          </fieldset>

          <SectionPicker
            sections={catalog.sections}
            selected={sections}
            onChange={setSections}
            error={server.sections}
          />
        </>
      )}

      <fieldset className="card">
        <legend>Length and timing</legend>
        {pool === 'saved' ? (
          <p>
            All {savedCount} saved questions, newest first (up to {EXAM.maxPracticeQuestions}).
          </p>
        ) : (
          <TextField
            id={`${id}-count`}
            label="Number of questions"
            name="questionCount"
            type="number"
            inputMode="numeric"
            min={1}
            max={EXAM.maxPracticeQuestions}
            value={count}
            onChange={(e) => setCount(e.target.value)}
            hint={`1 to ${EXAM.maxPracticeQuestions}.`}
            error={errors.questionCount ?? server.questionCount}
            className="field-short"
          />
        )}
        {Number.isFinite(available) && available > 0 && pool !== 'saved' && (
          <p className="banner" role="status">
            Your choices hold {available} {available === 1 ? 'question' : 'questions'}, fewer than you asked for.{' '}
            <button type="button" className="link-button" onClick={() => setCount(String(available))}>
              Ask for {available}
            </button>
          </p>
        )}
        <ChoiceGroup
          name="timing"
          label="Timing"
          className="radio-row"
          value={timing}
          onChange={setTiming}
          choices={[
            { value: 'untimed', label: 'Untimed' },
            { value: 'timed', label: 'Timed' },
          ]}
        />
        {timing === 'timed' && (
          <TextField
            id={`${id}-minutes`}
            label="Time limit in minutes"
            name="timeLimitMinutes"
            type="number"
            inputMode="numeric"
            min={1}
            max={600}
            placeholder={String(suggestedMinutes)}
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
            hint={`The real exam allows 2 minutes per question: ${suggestedMinutes} for ${Number.isFinite(questionCount) ? questionCount : 20}.`}
            error={errors.timeLimitMinutes ?? server.timeLimitMinutes}
            className="field-short"
          />
        )}
      </fieldset>

      <fieldset className="card">
        <legend>Feedback</legend>
        <ChoiceGroup<FeedbackMode>
          name="feedback"
          label="Feedback"
          className="choice-list"
          value={feedback}
          onChange={setFeedback}
          choices={[
            {
              value: 'deferred',
              label: 'At the end, like the real exam',
              detail: 'Change answers freely; see results and explanations after submitting.',
            },
            {
              value: 'immediate',
              label: 'After each question',
              detail: 'See if you were right and why as soon as you answer; answers then lock.',
            },
          ]}
        />
      </fieldset>

      {general && (
        <p className="banner banner-bad" role="alert">
          {general}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button" disabled={create.isPending}>
          {create.isPending ? 'Starting…' : 'Start practice'}
        </button>
      </div>
    </form>
  );
}
