// V8 optimizes the generator only after it has run a few times, so the first edits after a
// pod was opened took several times longer than later ones. After a pod's first plan, the host
// runs the same generation a few more times while the client is quiet and drops the results.
// A new request stops it, and pods whose generation is slow are not warmed (each run would
// hold the host for too long).

export interface WarmUpOptions {
  /** Extra runs at most. */
  runs: number;
  /** Wait after the first plan, and between runs. */
  delayMs: number;
  gapMs: number;
  /** No warm-up when the first plan took longer than this (a pod too big to regenerate unasked). */
  maxFirstRunMs: number;
  /** A warm-up run slower than this ends the warm-up. */
  maxRunMs: number;
}

export const WARM_UP: WarmUpOptions = { runs: 5, delayMs: 150, gapMs: 30, maxFirstRunMs: 1000, maxRunMs: 300 };

/**
 * Schedules up to `opts.runs` calls of `run` while `quiet()` holds. `firstRunMs` is how long
 * the real generation took. Returns a canceller.
 */
export function warmUp(run: () => void, quiet: () => boolean, firstRunMs: number, opts: WarmUpOptions = WARM_UP): () => void {
  if (firstRunMs > opts.maxFirstRunMs) return () => {};
  let left = opts.runs;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const later = (ms: number) => {
    timer = setTimeout(step, ms);
    timer.unref?.();
  };
  const step = () => {
    if (left <= 0 || !quiet()) return;
    left--;
    const started = performance.now();
    try {
      run();
    } catch {
      return;
    }
    if (performance.now() - started <= opts.maxRunMs) later(opts.gapMs);
  };
  later(opts.delayMs);
  return () => clearTimeout(timer);
}
