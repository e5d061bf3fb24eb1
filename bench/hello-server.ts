// The ceilings for HTTP: a minimal Fastify server answering a tiny JSON, and (with DATABASE_URL) the
// rows of GET /api/attempts/:id read with raw pg and sent with JSON.stringify: what that route
// could cost at best. Run as its own process so that it gets the same share of the machine as the API.
import Fastify from 'fastify';
import pg from 'pg';

const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));

if (process.env.DATABASE_URL) {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  interface ItemRow {
    position: number;
    domain: string;
    section: string;
    choose: number;
    option_order: string[];
    selected: string[];
    flagged: boolean;
    seq: number;
    stem: string;
    options: { id: string; text: string }[];
  }
  app.get<{ Params: { id: string } }>('/attempts/:id', async (request, reply) => {
    const [attempt, items] = await Promise.all([
      pool.query(
        'SELECT id, mode, status, feedback, started_at, deadline, question_count FROM attempts WHERE id = $1',
        [request.params.id],
      ),
      pool.query<ItemRow>(
        `SELECT i.position, i.domain, i.section, i.choose, i.option_order, i.selected, i.flagged, i.seq, v.stem, v.options
         FROM attempt_items i JOIN question_versions v ON v.question_id = i.question_id AND v.version = i.question_version
         WHERE i.attempt_id = $1 ORDER BY i.position`,
        [request.params.id],
      ),
    ]);
    const row = attempt.rows[0];
    if (!row) return reply.code(404).send({ code: 'not_found' });
    const questions = items.rows.map((item) => {
      const byId = new Map(item.options.map((o) => [o.id, o.text]));
      return {
        position: item.position,
        type: item.choose > 1 ? 'multiple' : 'single',
        choose: item.choose,
        stem: item.stem,
        options: item.option_order.map((id) => ({ id, text: byId.get(id) ?? '' })),
        domain: item.domain,
        section: item.section,
        answer: item.seq < 0 ? null : { selected: item.selected, flagged: item.flagged, seq: item.seq },
      };
    });
    const body = {
      id: row.id,
      mode: row.mode,
      status: row.status,
      feedback: row.feedback,
      startedAt: row.started_at,
      deadline: row.deadline,
      questionCount: row.question_count,
      questions,
    };
    return reply.type('application/json').send(JSON.stringify(body));
  });
  app.addHook('onClose', () => pool.end());
}

const port = Number(process.env.PORT ?? 0);
await app.listen({ port, host: '127.0.0.1' });
console.log(`ready ${port}`);
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    void app.close().then(() => process.exit(0));
  });
}
