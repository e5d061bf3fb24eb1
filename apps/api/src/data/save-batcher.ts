import {
  type DeferredSave,
  type DeferredSaveResult,
  type PgQueryable,
  saveDeferredAnswers,
} from './deferred-save-batch.ts';

interface Waiting {
  save: DeferredSave;
  resolve: (result: DeferredSaveResult) => void;
  reject: (error: unknown) => void;
}

/** The most saves one statement carries, unless configured lower. */
const MAX_BATCH = 64;

const questionKey = (save: DeferredSave) => `${save.attemptId}:${save.position}`;

/**
 * Autosaves through at most `slots` statements at a time. A save that finds a slot free goes alone,
 * at once; saves that arrive while every slot is busy wait and then share one statement
 * and one commit (at most one save per question in each). So an idle server adds no delay, and a
 * busy one, or one whose disk has just stalled every commit, catches up in a few round trips
 * instead of one per waiting save.
 */
export class SaveBatcher {
  private readonly waiting: Waiting[] = [];
  private busy = 0;

  constructor(
    private readonly db: PgQueryable,
    private readonly slots: number,
    private readonly maxBatch = MAX_BATCH,
  ) {}

  save(save: DeferredSave): Promise<DeferredSaveResult> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ save, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.busy < this.slots && this.waiting.length > 0) {
      const batch = this.takeBatch();
      this.busy++;
      void this.run(batch).finally(() => {
        this.busy--;
        this.pump();
      });
    }
  }

  /** The oldest waiting saves, at most one per question: a later save of the same question waits for the next batch. */
  private takeBatch(): Waiting[] {
    const batch: Waiting[] = [];
    const keys = new Set<string>();
    for (let i = 0; i < this.waiting.length && batch.length < this.maxBatch; ) {
      const entry = this.waiting[i] as Waiting;
      const key = questionKey(entry.save);
      if (keys.has(key)) {
        i++;
        continue;
      }
      keys.add(key);
      batch.push(entry);
      this.waiting.splice(i, 1);
    }
    return batch;
  }

  private async run(batch: Waiting[]): Promise<void> {
    if (batch.length > 1) {
      try {
        const results = await saveDeferredAnswers(
          this.db,
          batch.map((w) => w.save),
        );
        for (const [i, w] of batch.entries()) w.resolve(results[i] ?? null);
        return;
      } catch {
        // One bad row, a deadlock with another batch, a dropped connection: each save then goes on
        // its own below, and only the saves that fail alone report an error.
      }
    }
    await Promise.all(
      batch.map(async (w) => {
        try {
          const [result] = await saveDeferredAnswers(this.db, [w.save]);
          w.resolve(result ?? null);
        } catch (error) {
          w.reject(error);
        }
      }),
    );
  }
}
