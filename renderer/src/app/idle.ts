// Scheduling work around the page's frames and idle time.

/** Runs `fn` right after the next frame is painted; returns a canceller. */
export function afterNextPaint(fn: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => { timer = setTimeout(fn, 0); });
  return () => { cancelAnimationFrame(frame); clearTimeout(timer); };
}

/** Runs work once the page has nothing more urgent to do (after the first units are shown). */
export function whenIdle(fn: () => void, timeoutMs = 2000): void {
  const w = window as unknown as { requestIdleCallback?: (cb: () => void, opts: { timeout: number }) => number };
  if (w.requestIdleCallback) w.requestIdleCallback(fn, { timeout: timeoutMs });
  else setTimeout(fn, 200);
}
