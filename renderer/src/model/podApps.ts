// App names of the pod as currently edited: from the edited pod manifest when it parses
// (apps added in the editor get their own folders at once), else from the pod summary.
export function appsOf(podText: string | null, fallback: readonly string[]): readonly string[] {
  if (podText === null) return fallback;
  try {
    const pod = JSON.parse(podText) as { apps?: { name?: unknown }[] | null };
    if (!Array.isArray(pod.apps)) return fallback;
    const names = pod.apps.map((a) => (a && typeof a.name === 'string' ? a.name : '')).filter(Boolean);
    return sameList(names, fallback) ? fallback : names;
  } catch {
    return fallback;
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
