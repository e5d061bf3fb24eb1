// `pnpm bench:web`: Lighthouse (mobile profile, default throttling) on the pages a candidate uses,
// served by the production build against a real Postgres, signed in through the session cookie.
// Writes `web` into bench/results/latest.json and prints a table against the targets.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { pickBrowser } from '@saa/web/e2e/browser';
import getPort from 'get-port';
import lighthouse from 'lighthouse';
import { Browser, HttpTarget } from './client.ts';
import { ensureApiBuilt, ROOT, startApi, startPostgres, stopAllChildren } from './processes.ts';

export interface PageScore {
  performance: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  accessibility: number;
  bestPractices: number;
}

/** The targets of a page a candidate feels on a phone. */
export const WEB_TARGETS = {
  performance: 95,
  lcpMs: 2000,
  tbtMs: 150,
  cls: 0.05,
  accessibility: 100,
  bestPractices: 100,
};

const log = (line: string) => console.log(line);

/** Lighthouse runs per page (BENCH_WEB_RUNS, default 3); each page reports its median run. */
const RUNS = Math.max(1, Number(process.env.BENCH_WEB_RUNS ?? 3) || 3);

function ensureWebBuilt() {
  const script = "const m = await import('./scripts/toolchain.mjs'); m.ensureWebBuilt();";
  return new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error('building the web app failed'))));
  });
}

async function chromiumPath(): Promise<string> {
  const picked = pickBrowser();
  if (picked.kind === 'system') return picked.path;
  // The build inside @sparticuz/chromium, a dependency of the web app's e2e tests.
  const fromWeb = createRequire(path.join(ROOT, 'apps/web/package.json'));
  const { default: bundled } = (await import(pathToFileURL(fromWeb.resolve('@sparticuz/chromium')).href)) as {
    default: { executablePath(): Promise<string> };
  };
  return bundled.executablePath();
}

/** A headless Chromium with a DevTools port for Lighthouse. */
async function launchChromium() {
  const port = await getPort();
  const profile = await mkdtemp(path.join(os.tmpdir(), 'saa-lighthouse-'));
  const child = spawn(
    await chromiumPath(),
    [
      '--headless=new',
      `--remote-debugging-port=${port}`,
      `--user-data-dir=${profile}`,
      '--no-sandbox',
      '--no-first-run',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      'about:blank',
    ],
    { stdio: 'ignore' },
  );
  for (let i = 0; i < 100; i++) {
    const up = await fetch(`http://127.0.0.1:${port}/json/version`).then(
      () => true,
      () => false,
    );
    if (up) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    port,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
      await rm(profile, { recursive: true, force: true, maxRetries: 5 });
    },
  };
}

/** A user with a finished practice (results, review) and a running mock (the exam page). */
async function prepareUser(origin: string) {
  const target = new HttpTarget(origin, 4);
  const me = new Browser(target);
  const email = `lighthouse-${Date.now()}@example.test`;
  const signup = await me.send('POST', '/api/auth/signup', { email, password: 'a quiet lighthouse keeper 7' });
  if (signup.status !== 201) throw new Error(`sign-up failed: ${signup.status} ${JSON.stringify(signup.body)}`);
  const practice = await me.send<{ id: string; questions: { position: number; options: { id: string }[] }[] }>(
    'POST',
    '/api/attempts',
    { mode: 'practice', questionCount: 65 },
  );
  for (const q of practice.body.questions.slice(0, 40)) {
    await me.send('PUT', `/api/attempts/${practice.body.id}/answers/${q.position}`, {
      selected: [q.options[0]?.id],
      flagged: q.position % 7 === 0,
      seq: 1,
    });
  }
  await me.send('POST', `/api/attempts/${practice.body.id}/submit`);
  const mock = await me.send<{ id: string }>('POST', '/api/attempts', { mode: 'mock' });
  await target.close();
  return { cookie: me.cookie ?? '', finished: practice.body.id, running: mock.body.id };
}

/** Lighthouse's measure of the machine's speed in each run (higher is faster; it varies run to run on shared machines). */
const benchmarkIndexes: number[] = [];

async function audit(url: string, port: number, cookie: string | null): Promise<PageScore> {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    // Keep the session: Lighthouse would otherwise clear the origin's storage before loading.
    disableStorageReset: true,
    ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { categories, audits } = result.lhr;
  const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
  const value = (id: string) => audits[id]?.numericValue ?? Number.NaN;
  // A run Lighthouse could not measure scores 0; say why rather than let the median hide it.
  if (result.lhr.runtimeError) log(`  ${url}: Lighthouse error ${JSON.stringify(result.lhr.runtimeError)}`);
  for (const warning of result.lhr.runWarnings) log(`  ${url}: Lighthouse warning: ${warning}`);
  if (score('performance') === 0) {
    const metrics = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'speed-index'];
    const why = metrics.map((id) => `${id} ${audits[id]?.errorMessage ?? audits[id]?.numericValue}`);
    log(`  ${url}: no performance score: ${why.join('; ')}`);
  }
  // Which audits cost points outside performance, so that a miss says what to fix.
  for (const id of ['accessibility', 'best-practices']) {
    const failing = (categories[id]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && (audits[ref.id]?.score ?? 1) < 1)
      .map((ref) => ref.id);
    if (failing.length > 0) log(`  ${url}: ${id} misses ${failing.join(', ')}`);
    for (const audit of failing) {
      const found = (audits[audit]?.details as { items?: { node?: { selector?: string; snippet?: string } }[] })?.items;
      for (const item of (found ?? []).slice(0, 3))
        log(`    ${audit}: ${item.node?.selector} ${item.node?.snippet?.slice(0, 120)}`);
    }
  }
  // Issues Chrome reports in its Issues panel (cookies, CSP, deprecated features), by kind.
  const issues = (audits['inspector-issues']?.details as { items?: { issueType?: string; subItems?: unknown }[] })
    ?.items;
  if (issues?.length) {
    log(`  ${url}: browser issues ${JSON.stringify(issues).slice(0, 600)}`);
  }
  if (process.env.BENCH_WEB_DETAILS) logDetails(url, result.lhr);
  benchmarkIndexes.push(result.lhr.environment.benchmarkIndex);
  return {
    performance: score('performance'),
    lcpMs: Math.round(value('largest-contentful-paint')),
    tbtMs: Math.round(value('total-blocking-time')),
    cls: Math.round(value('cumulative-layout-shift') * 1000) / 1000,
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
  };
}

type Lhr = NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr'];

/** With BENCH_WEB_DETAILS set: where the main-thread time, the largest paint and the shifts come from. */
function logDetails(url: string, lhr: Lhr): void {
  const items = (id: string) => (lhr.audits[id]?.details as { items?: Record<string, unknown>[] })?.items ?? [];
  const short = (value: unknown) =>
    String(value)
      .replace(/^https?:\/\/[^/]+/, '')
      .slice(0, 80);
  log(`  ${url}: benchmarkIndex ${lhr.environment.benchmarkIndex}`);
  for (const item of items('bootup-time').slice(0, 4)) {
    log(
      `    script ${short(item.url)}: ${Math.round(Number(item.scripting))} ms scripting, ${Math.round(Number(item.scriptParseCompile))} ms parse`,
    );
  }
  for (const item of items('mainthread-work-breakdown').slice(0, 5)) {
    log(`    main thread ${item.groupLabel}: ${Math.round(Number(item.duration))} ms`);
  }
  for (const item of items('long-tasks').slice(0, 6)) {
    log(
      `    long task ${Math.round(Number(item.duration))} ms at ${Math.round(Number(item.startTime))} ms, ${short(item.url)}`,
    );
  }
  const lcp = lhr.audits['lcp-breakdown-insight']?.details;
  if (lcp) log(`    LCP element ${JSON.stringify(lcp).slice(0, 1500)}`);
  for (const item of items('layout-shifts').slice(0, 4)) {
    log(`    layout shift ${JSON.stringify(item).slice(0, 300)}`);
  }
}

function meets(score: PageScore): string[] {
  const misses: string[] = [];
  if (score.performance < WEB_TARGETS.performance) misses.push(`performance ${score.performance}`);
  if (score.lcpMs > WEB_TARGETS.lcpMs) misses.push(`LCP ${score.lcpMs} ms`);
  if (score.tbtMs > WEB_TARGETS.tbtMs) misses.push(`TBT ${score.tbtMs} ms`);
  if (score.cls > WEB_TARGETS.cls) misses.push(`CLS ${score.cls}`);
  if (score.accessibility < WEB_TARGETS.accessibility) misses.push(`accessibility ${score.accessibility}`);
  if (score.bestPractices < WEB_TARGETS.bestPractices) misses.push(`best practices ${score.bestPractices}`);
  return misses;
}

async function main() {
  await ensureWebBuilt();
  ensureApiBuilt();
  const dataParent = await mkdtemp(path.join(os.tmpdir(), 'saa-bench-web-'));
  const postgres = await startPostgres(process.env.DATABASE_URL, dataParent);
  const chromium = await launchChromium();
  try {
    const api = await startApi(await postgres.createDatabase(`bench_web_${Date.now()}`), { SERVE_WEB: 'true' });
    const { cookie, finished, running } = await prepareUser(api.url);
    const pages: [string, string, string | null][] = [
      ['sign-in', '/signin', null],
      ['dashboard', '/', cookie],
      ['exam', `/attempts/${running}`, cookie],
      ['results', `/attempts/${finished}/results`, cookie],
      ['review', `/attempts/${finished}/review`, cookie],
    ];
    const web: Record<string, PageScore> = {};
    // BENCH_WEB_PAGES=review,exam audits only those (for trying a change); the JSON is then not written.
    const only = process.env.BENCH_WEB_PAGES?.split(',').filter(Boolean);
    for (const [name, pathname, pageCookie] of pages) {
      if (only && !only.includes(name)) continue;
      // Lighthouse's own advice on a noisy machine: several runs, and the median one (by score).
      const runs: PageScore[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await audit(`${api.url}${pathname}`, chromium.port, pageCookie));
      runs.sort((a, b) => a.performance - b.performance || b.tbtMs - a.tbtMs);
      web[name] = runs[Math.floor(runs.length / 2)] as PageScore;
      if (RUNS > 1) log(`  ${name}: performance per run ${runs.map((r) => r.performance).join(', ')}`);
      const misses = meets(web[name] as PageScore);
      log(
        `${name.padEnd(10)} ${JSON.stringify(web[name])} ${misses.length ? `MISSES: ${misses.join(', ')}` : 'meets every target'}`,
      );
    }
    if (only) return;
    const file = path.join(ROOT, 'bench/results/latest.json');
    const latest = JSON.parse(await readFile(file, 'utf8').catch(() => '{}')) as Record<string, unknown>;
    latest.web = {
      measuredAt: new Date().toISOString(),
      runsPerPage: RUNS,
      machine: `${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'unknown CPU'}`,
      // Lowest and highest over every run: the spread says how noisy the machine was meanwhile.
      benchmarkIndex: { min: Math.min(...benchmarkIndexes), max: Math.max(...benchmarkIndexes) },
      targets: WEB_TARGETS,
      pages: web,
    };
    await writeFile(file, `${JSON.stringify(latest, null, 2)}\n`);
    log('wrote web into bench/results/latest.json');
  } finally {
    await chromium.stop().catch((error) => console.error('stopping Chromium:', error));
    await stopAllChildren();
    await postgres.stop();
    await rm(dataParent, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
