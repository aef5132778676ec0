// Prints the outcome in the form CI reads, as the very last line: `N passed, N failed`.
// Skipped tests are counted on the line before, each with its reason.
import type { FullResult, Reporter, Suite } from '@playwright/test/reporter';

export default class SummaryReporter implements Reporter {
  private root: Suite | null = null;

  onBegin(_config: unknown, suite: Suite): void {
    this.root = suite;
  }

  printsToStdio(): boolean {
    return true;
  }

  onEnd(result: FullResult): void {
    let passed = 0;
    let failed = 0;
    const skipped: string[] = [];
    for (const test of this.root?.allTests() ?? []) {
      const outcome = test.outcome();
      if (outcome === 'expected' || outcome === 'flaky') passed++;
      else if (outcome === 'unexpected') failed++;
      else {
        const reason = test.annotations.find((a) => a.type === 'skip')?.description ?? 'skipped';
        skipped.push(`  skipped: ${test.titlePath().filter(Boolean).join(' › ')} — ${reason}`);
      }
    }
    // A run that broke before or around the tests (bad config, crashed worker) is a failure too.
    if (failed === 0 && (result.status === 'failed' || result.status === 'timedout' || result.status === 'interrupted')) failed = 1;
    if (skipped.length > 0) process.stdout.write(`${skipped.length} skipped:\n${skipped.join('\n')}\n`);
    process.stdout.write(`${passed} passed, ${failed} failed\n`);
  }
}
