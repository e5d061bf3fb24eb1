import type { Question } from '@saa/contract/question';
import { describe, expect, it } from 'vitest';
import { avoidAbsolutes, evaluate, neverKeyedWrong } from './cue-strategies.ts';
import { checkBank, checkQuestion, longestKeyShare, nearDuplicateStems, reusedOptions } from './quality.ts';

// Each gate must be able to fail: these fixtures break one rule at a time.
let counter = 0;
function question(overrides: Partial<Question> = {}): Question {
  counter += 1;
  return {
    id: `q-${counter}`,
    section: 'availability-zones',
    domain: 'resilient',
    style: 'scenario',
    type: 'single',
    stem: `A retailer runs checkout service number ${counter} on EC2 in one Availability Zone. An outage of that zone must not stop orders, and the team wants the least operational effort. Which design meets these requirements?`,
    options: [
      {
        id: 'a',
        text: `Spread instances ${counter} across two zones behind a load balancer`,
        correct: true,
        rationale: 'Survives the loss of a zone with managed health checks.',
      },
      {
        id: 'b',
        text: `Take hourly snapshots ${counter} and restore them by hand`,
        correct: false,
        rationale: 'Restoring by hand is slow and effortful.',
      },
      {
        id: 'c',
        text: `Use a larger instance type ${counter} in the same zone`,
        correct: false,
        rationale: 'A bigger instance still sits in the failed zone.',
      },
      {
        id: 'd',
        text: `Move the service ${counter} to a Dedicated Host`,
        correct: false,
        rationale: 'Host tenancy changes isolation, not zone resilience.',
      },
    ],
    explanation:
      'Running in two zones behind a load balancer keeps orders flowing when one zone fails, and the balancer routes around unhealthy targets without manual work.',
    references: [
      'https://docs.aws.amazon.com/elasticloadbalancing/latest/userguide/how-elastic-load-balancing-works.html',
    ],
    difficulty: 2,
    ...overrides,
  };
}

describe('checks on one question', () => {
  it('passes a well-formed scenario item', () => {
    expect(checkQuestion(question())).toEqual([]);
  });

  it('refuses short scenario stems', () => {
    expect(checkQuestion(question({ stem: 'Which design survives a zone outage?' })).join()).toMatch(
      /at least 30 words/,
    );
  });

  it('refuses missing, foreign-host and localised references', () => {
    expect(checkQuestion(question({ references: [] })).join()).toMatch(/needs 1-3 references/);
    expect(checkQuestion(question({ references: ['https://example.com/page'] })).join()).toMatch(/not an English AWS/);
    expect(
      checkQuestion(
        question({ references: ['https://docs.aws.amazon.com/ja_jp/AmazonS3/latest/userguide/Welcome.html'] }),
      ).join(),
    ).toMatch(/not an English AWS/);
  });

  it('refuses explanations that copy a rationale or speak of the notes', () => {
    const q = question();
    expect(checkQuestion({ ...q, explanation: `${q.options[0]?.rationale} Good.` }).join()).toMatch(
      /repeats the rationale/,
    );
    expect(checkQuestion({ ...q, explanation: `${q.explanation} See the study notes.` }).join()).toMatch(
      /notes or sections/,
    );
  });

  it('refuses negation pairs and retired-feature trivia', () => {
    const q = question();
    const options = q.options.map((o) =>
      o.id === 'b' ? { ...o, text: `Do not spread instances ${counter} across two zones behind a load balancer` } : o,
    );
    // The fixture's option a reads "Spread instances N across…"; b now only negates it.
    const negated = {
      ...q,
      options: options.map((o) =>
        o.id === 'b' ? { ...o, text: o.text.replace(String(counter), q.options[0]?.text.match(/\d+/)?.[0] ?? '') } : o,
      ),
    };
    expect(checkQuestion(negated).join()).toMatch(/differ only by a negation/);
    expect(checkQuestion(question({ style: 'recall', stem: 'How long can a Spot block run?' })).join()).toMatch(
      /retired features/,
    );
  });
});

describe('checks across the bank', () => {
  it('finds near-duplicate stems and reused options', () => {
    const a = question();
    const b = { ...question(), stem: `${a.stem} Choose one.` };
    expect(nearDuplicateStems([a, b])).toHaveLength(1);
    const shared = a.options[1] as Question['options'][number];
    const withShared = [a, question(), question()].map((q, i) =>
      i === 0 ? q : { ...q, options: q.options.map((o) => (o.id === 'b' ? shared : o)) },
    );
    expect(reusedOptions(withShared)).toHaveLength(1);
  });

  it('reports a bank whose keys are always the longest option', () => {
    const long = Array.from({ length: 8 }, () => {
      const q = question();
      return {
        ...q,
        options: q.options.map((o) =>
          o.correct ? { ...o, text: `${o.text} with managed health checks and automatic recovery` } : o,
        ),
      };
    });
    expect(longestKeyShare(long)).toBe(1);
    expect(
      checkBank(long, new Map())
        .map((p) => p.message)
        .join(),
    ).toMatch(/strictly the longest option/);
  });

  it('scores the "never keyed wrong elsewhere" strategy far above chance on a bank that recycles distractors', () => {
    // Every item reuses the same three distractors: a candidate who has seen them can skip them.
    const distractors = question().options.filter((o) => !o.correct);
    const recycled = Array.from({ length: 6 }, () => {
      const q = question();
      return { ...q, options: [q.options[0] as Question['options'][number], ...distractors] };
    });
    const result = evaluate(recycled, neverKeyedWrong(recycled));
    expect(result.score).toBe(1);
    expect(result.chance).toBe(0.25);
  });

  it('scores "avoid absolute words" above chance when only distractors say always or never', () => {
    const cued = Array.from({ length: 4 }, () => {
      const q = question();
      return {
        ...q,
        options: q.options.map((o) => (o.correct ? o : { ...o, text: `Always ${o.text.toLowerCase()}` })),
      };
    });
    expect(evaluate(cued, avoidAbsolutes).score).toBe(1);
  });
});
