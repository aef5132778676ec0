// Opening a pod is for its units: heavier panes (the diff editor) wait until the unit viewer
// has shown the first file, or for a fallback delay when no file comes (a pod that failed to open).
let shown = false;
const waiting = new Set<() => void>();

export function markUnitsShown(): void {
  if (shown) return;
  shown = true;
  for (const run of [...waiting]) run();
}

/** Runs `fn` once the first units are shown (at once if they already are); returns a canceller. */
export function afterUnitsShown(fn: () => void, fallbackMs = 4000): () => void {
  if (shown) {
    fn();
    return () => {};
  }
  let pending = true;
  const stop = () => {
    pending = false;
    waiting.delete(run);
    clearTimeout(timer);
  };
  const run = () => {
    if (!pending) return;
    stop();
    fn();
  };
  const timer = setTimeout(run, fallbackMs);
  waiting.add(run);
  return stop;
}
