// Runs work once the page has nothing more urgent to do (after the first units are shown).
export function whenIdle(fn: () => void, timeoutMs = 2000): void {
  const w = window as unknown as { requestIdleCallback?: (cb: () => void, opts: { timeout: number }) => number };
  if (w.requestIdleCallback) w.requestIdleCallback(fn, { timeout: timeoutMs });
  else setTimeout(fn, 200);
}
