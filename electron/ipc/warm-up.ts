// V8 optimizes the generator only after it has run many times, so the first edits after a
// pod was opened took several times longer than later ones (a 100-app pod's fifth plan takes
// about three times its twentieth). After a pod's first plan, the host runs the same work as
// answering an edit again while the client is quiet and drops the results: a few runs for any
// pod, and more, within a time budget, for a quick one.
// A new request stops it, and pods whose generation is slow are not warmed (each run would
// hold the host, and the machine, for too long).

export interface WarmUpOptions {
  /** Extra runs at least (unless stopped). */
  runs: number;
  /** Extra runs at most; past `runs`, they stop once they took `budgetMs` in all. */
  maxRuns: number;
  budgetMs: number;
  /** Runs back to back for at most this long, then waits `gapMs`, so a request waits little. */
  sliceMs: number;
  /** Wait after the first plan, and between slices. */
  delayMs: number;
  gapMs: number;
  /** No warm-up when the first plan took longer than this (a pod too big to regenerate unasked). */
  maxFirstRunMs: number;
  /** A warm-up run slower than this ends the warm-up. */
  maxRunMs: number;
}

export const WARM_UP: WarmUpOptions = {
  runs: 5,
  maxRuns: 200,
  budgetMs: 300,
  sliceMs: 8,
  delayMs: 150,
  gapMs: 20,
  maxFirstRunMs: 1000,
  maxRunMs: 200,
};

/**
 * Schedules calls of `run` while `quiet()` holds. `firstRunMs` is how long the real generation
 * took; `now` is the clock runs are timed with. Returns a canceller.
 */
export function warmUp(
  run: () => void,
  quiet: () => boolean,
  firstRunMs: number,
  opts: WarmUpOptions = WARM_UP,
  now: () => number = () => performance.now(),
): () => void {
  if (firstRunMs > opts.maxFirstRunMs) return () => {};
  let done = 0;
  let spentMs = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const later = (ms: number) => {
    timer = setTimeout(slice, ms);
    timer.unref?.();
  };
  const wanted = () => done < opts.runs || (done < opts.maxRuns && spentMs < opts.budgetMs);
  const slice = () => {
    const sliceStart = now();
    while (wanted() && quiet()) {
      const started = now();
      try {
        run();
      } catch {
        return;
      }
      const took = now() - started;
      done++;
      spentMs += took;
      if (took > opts.maxRunMs) return;
      if (now() - sliceStart >= opts.sliceMs) {
        if (wanted()) later(opts.gapMs);
        return;
      }
    }
  };
  later(opts.delayMs);
  return () => clearTimeout(timer);
}
