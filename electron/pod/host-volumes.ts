// Host volume sources named in a pod manifest text, found leniently (the manifest may not
// decode yet): every string `source` of an object whose `kind` is "host", at any depth.
export function hostVolumeSources(podText: string): string[] {
  // The string "host" can only appear in the parsed text if the raw text has it, or a \u escape.
  if (!podText.includes('"host"') && !podText.includes('\\u')) return [];
  let doc: unknown;
  try {
    doc = JSON.parse(podText);
  } catch {
    return [];
  }
  const out = new Set<string>();
  const walk = (v: unknown, depth: number): void => {
    if (depth > 64 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v) walk(x, depth + 1);
      return;
    }
    const o = v as Record<string, unknown>;
    let kind: unknown;
    let source: unknown;
    for (const key in o) {
      const x = o[key];
      if (key.length === 4 && key.toLowerCase() === 'kind') kind = x;
      else if (key.length === 6 && key.toLowerCase() === 'source') source = x;
      if (x !== null && typeof x === 'object') walk(x, depth + 1);
    }
    if (kind === 'host' && typeof source === 'string' && source.startsWith('/')) out.add(source);
  };
  walk(doc, 0);
  return [...out];
}

/** App names listed in a pod manifest text (leniently; [] when it does not parse). */
export function appNames(podText: string): string[] {
  try {
    const doc = JSON.parse(podText) as Record<string, unknown>;
    const apps = Object.entries(doc).find(([k]) => k.toLowerCase() === 'apps')?.[1];
    if (!Array.isArray(apps)) return [];
    return apps.flatMap((a) => {
      const name = a && typeof a === 'object' ? Object.entries(a).find(([k]) => k.toLowerCase() === 'name')?.[1] : undefined;
      return typeof name === 'string' ? [name] : [];
    });
  } catch {
    return [];
  }
}
