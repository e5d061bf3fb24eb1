import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints the ten slowest tests after a run, so that a suite that grows slower shows where: the
 * whole `npm test` must stay within about four minutes on a two-core machine.
 */
export default class SlowestTestsReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const timed: { name: string; ms: number }[] = [];
    for (const module of testModules) {
      const project = module.project.name;
      for (const test of module.children.allTests()) {
        const ms = test.diagnostic()?.duration;
        if (ms !== undefined)
          timed.push({ name: `[${project}] ${module.moduleId.split('/').slice(-2).join('/')} > ${test.fullName}`, ms });
      }
    }
    if (timed.length === 0) return;
    timed.sort((a, b) => b.ms - a.ms);
    const lines = timed.slice(0, 10).map(({ name, ms }) => `  ${(ms / 1000).toFixed(1).padStart(6)} s  ${name}`);
    process.stdout.write(`\nThe ten slowest tests:\n${lines.join('\n')}\n`);
  }
}
