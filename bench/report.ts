// The readable summary printed at the end of a run.
import type { BenchResults } from './bench-results.ts';

function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '-');

export function printSummary(r: BenchResults): void {
  const out: string[] = [''];
  out.push(
    `machine: ${r.machine.cpus} cpus (${r.machine.cpuModel}), ${r.machine.memoryGiB} GiB, node ${r.machine.node}, ` +
      `postgres ${r.machine.postgres}${r.quick ? '   [--quick]' : ''}`,
  );
  if (Object.keys(r.endpoints).length > 0) {
    out.push('', `endpoints (${r.candidates} candidates; autosave: open loop at half the peak rate)`);
    out.push(
      table(
        ['endpoint', 'requests', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms'],
        Object.entries(r.endpoints).map(([name, s]) => [name, s.count, s.rps, ms(s.p50), ms(s.p95), ms(s.p99)]),
      ),
    );
    const saves = r.candidatePhase.endpoints.saveAnswer;
    if (saves) {
      out.push(
        `(autosaves during the candidate phase: ${saves.count} at ${saves.rps}/s, p50 ${ms(saves.p50)} ms, ` +
          `p99 ${ms(saves.p99)} ms)`,
      );
    }
  }
  if (r.ceilings.hello) {
    out.push('', 'ceilings (closed loops, same run)');
    out.push(
      table(
        ['what', 'concurrency', 'req/s', 'p50 ms', 'p99 ms'],
        [
          [
            'hello-world Fastify',
            r.ceilings.hello.concurrency ?? '',
            r.ceilings.hello.rps,
            ms(r.ceilings.hello.p50),
            ms(r.ceilings.hello.p99),
          ],
          [
            'GET /api/attempts/:id',
            r.ceilings.getAttempt.concurrency ?? '',
            r.ceilings.getAttempt.rps,
            ms(r.ceilings.getAttempt.p50),
            ms(r.ceilings.getAttempt.p99),
          ],
          ...r.ceilings.pgUpsert.runs.map((u) => [`raw pg upsert`, u.concurrency ?? '', u.rps, ms(u.p50), ms(u.p99)]),
          ...r.ceilings.pgUpsertNamed.runs.map((u) => [
            `raw pg upsert, named statement`,
            u.concurrency ?? '',
            u.rps,
            ms(u.p50),
            ms(u.p99),
          ]),
          ...r.peak.runs.map((u) => [`autosave PUT`, u.concurrency ?? '', u.rps, ms(u.p50), ms(u.p99)]),
        ],
      ),
    );
    out.push(
      `peaks (mean of the rounds at the best concurrency): autosave ${r.peak.autosaveRps}/s at ${r.peak.concurrency}, ` +
        `raw pg upsert ${r.ceilings.pgUpsertRps}/s`,
    );
    if (r.batching) {
      const b = r.batching;
      out.push(
        `autosaves as built: ${b.batched.rps}/s at ${b.batched.concurrency} (p99 ${ms(b.batched.p99)} ms); each alone ` +
          `${b.alone.rps}/s (p99 ${ms(b.alone.p99)} ms), ${b.capacityRatio}×; general path only ` +
          `${b.generalPath.rps}/s (p99 ${ms(b.generalPath.p99)} ms), ${b.vsGeneralPath}×`,
      );
    }
    out.push(
      `ratios: autosave/pg upsert ${r.ratios.autosaveVsPgUpsert} (target >= 0.3; against the named ` +
        `statement ${r.ratios.autosaveVsPgUpsertNamed}), GET attempt/hello ${r.ratios.getAttemptVsHello}`,
    );
    if (r.autosaveHalfPeak) {
      const h = r.autosaveHalfPeak;
      out.push(
        `autosave at half the peak: offered ${h.offeredRps}/s, got ${h.rps}/s, p50 ${ms(h.p50)} ms, ` +
          `p99 ${ms(h.p99)} ms (target <= 50), p99.9 ${ms(h.p999)} ms, ${h.over50ms} of ${h.count} over 50 ms, ` +
          `dropped ${h.dropped}, load generator's own send lag p99 ${ms(h.sendLagP99)} ms`,
      );
      const u = r.ceilings.pgUpsertHalfPeak;
      if (u) {
        out.push(
          `raw pg upsert at half its peak (alternating with it): offered ${u.offeredRps}/s, p50 ${ms(u.p50)} ms, ` +
            `p99 ${ms(u.p99)} ms, ${u.over50ms} of ${u.count} over 50 ms; autosave p99 / upsert p99 ` +
            `${r.ratios.autosaveP99VsPgUpsertP99AtHalfPeak}`,
        );
      }
      const p = h.commitProbe;
      out.push(
        `bare commits beside them (${p.ratePerSecond}/s, own connection): p50 ${ms(p.p50)} ms, p99 ${ms(p.p99)} ms, ` +
          `max ${ms(p.max)} ms, ${p.over50ms} over 50 ms in ${p.stalls.length} stalls (${p.stallsBySide.autosave} ` +
          `began during the autosave slices, ${p.stallsBySide.pgUpsert} during the upsert ones); ` +
          `${p.slowSavesInStalls} of the ${h.over50ms} slow ` +
          'autosaves were due during those stalls or while their backlog drained',
      );
      const d = r.hostDiskDuringHalfPeak;
      if (d) {
        out.push(
          `the host disk meanwhile (8 KB write + fdatasync, ${d.ratePerSecond}/s, in ${d.dir} on ${d.filesystem}): ` +
            `p50 ${ms(d.p50)} ms, p99 ${ms(d.p99)} ms, max ${ms(d.max)} ms, ${d.over50ms} over 50 ms, ` +
            `stalled ${(d.stalledShare * 100).toFixed(2)}% of the time; the database was ${r.config.database}`,
        );
      }
      const vacuums =
        r.autovacuumsDuringHalfPeak?.map((v) => `${v.table} ${v.kind} ${(v.endedAtMs / 1000).toFixed(2)} s`) ?? [];
      const stalls = p.stalls.map(([from, to]) => `${(from / 1000).toFixed(2)} s (${to - from} ms)`);
      out.push(
        `during the open loops: ${r.checkpoints.duringHalfPeak ?? '?'} checkpoints; autovacuum or autoanalyze ` +
          `ending at ${vacuums.join(', ') || '-'}; probe stalls at ${stalls.join(', ') || '-'}`,
      );
    }
  }
  if (r.growth) {
    out.push('', 'growth (sequential requests, one user)');
    const rows = [
      ...r.growth.startMock.cases.map((c) => [
        `start mock, ${c.size.toLocaleString('en')} questions`,
        ms(c.p50),
        ms(c.p95),
      ]),
      ...r.growth.stats.cases.map((c) => [`stats, ${c.size.toLocaleString('en')} attempts`, ms(c.p50), ms(c.p95)]),
      ...r.growth.startPractice.cases.map((c) => [
        `(no target) practice, all domains, ${c.size.toLocaleString('en')} questions`,
        ms(c.p50),
        ms(c.p95),
      ]),
      ...r.growth.catalog.cases.map((c) => [
        `(no target) catalog, ${c.size.toLocaleString('en')} questions`,
        ms(c.p50),
        ms(c.p95),
      ]),
    ];
    out.push(table(['case', 'p50 ms', 'p95 ms'], rows));
    out.push(
      `largest/smallest (p50): start mock ${r.growth.startMock.ratioP50}, stats ${r.growth.stats.ratioP50} (target <= 2)`,
    );
  }
  if (Object.keys(r.machineLoad).length > 0) {
    out.push('', `CPU during each phase (average cores busy; the machine has ${r.machine.cpus})`);
    out.push(
      table(
        [
          'phase',
          'seconds',
          'machine',
          'this run',
          'kernel',
          'other',
          'steal',
          'other writes MB/s',
          'disk ms/write',
          'ms/flush',
        ],
        Object.entries(r.machineLoad).map(([phase, c]) => [
          phase,
          c.seconds,
          c.machineCores,
          c.ourCores,
          c.kernelCores,
          c.otherCores,
          c.stealCores,
          c.otherWriteMBps,
          c.diskWriteMs,
          c.diskFlushMs,
        ]),
      ),
    );
  }
  out.push('', `errors ${r.errors}, lost answers ${r.lost} of ${r.answersChecked} checked`);
  for (const example of r.errorExamples) out.push(`  ${example}`);
  out.push('', 'targets');
  for (const [name, t] of Object.entries(r.targets))
    out.push(`  ${t.met ? 'met   ' : 'MISSED'} ${name}: ${t.value} (${t.target})`);
  console.log(out.join('\n'));
}
