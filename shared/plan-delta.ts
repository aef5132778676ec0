// Live preview answers without what did not change since a plan the client already holds (the
// `base`): an edit in a pod of hundreds of apps changes a few files. The host leaves out
//   - entries equal in every field to the base's entry at the same index (runs of indices),
//   - the content of other entries whose content equals the base's at the same path,
//   - the line provenance of files whose provenance equals the base's;
// the client puts them back from its copy of the base.
import type { LineProvenance, Plan, PlanEntry } from './plan.js';

export interface PlanDelta {
  /** [index, count]: entries left out, equal to base.entries at the same indices. */
  sameEntries: Array<[number, number]>;
  /** Indices (among all entries) of entries sent without their content: it equals the base's at the same path. */
  sameContent: number[];
  /** Files whose line provenance was left out: it equals the base's. */
  sameProvenance: string[];
}

function sameEntry(a: PlanEntry, b: PlanEntry): boolean {
  return a.path === b.path && a.kind === b.kind && a.uid === b.uid && a.gid === b.gid && a.mode === b.mode
    && a.content === b.content && a.encoding === b.encoding && a.target === b.target && a.unorderedPrefixLines === b.unorderedPrefixLines;
}

function contentByPath(plan: Plan): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of plan.entries) if (e.content !== undefined) out.set(e.path, e.content);
  return out;
}

function sameLines(a: LineProvenance[] | undefined, b: LineProvenance[] | undefined): boolean {
  return a !== undefined && b !== undefined && (a === b || JSON.stringify(a) === JSON.stringify(b));
}

/** The plan with what equals `base` left out, and what was left out. The plan itself is not changed. */
export function withoutSame(plan: Plan, base: Plan): { plan: Plan; delta: PlanDelta } {
  const delta: PlanDelta = { sameEntries: [], sameContent: [], sameProvenance: [] };
  let byPath: Map<string, string> | null = null;
  const entries: PlanEntry[] = [];
  plan.entries.forEach((e, i) => {
    const b = base.entries[i];
    if (b !== undefined && sameEntry(e, b)) {
      const last = delta.sameEntries[delta.sameEntries.length - 1];
      if (last && last[0] + last[1] === i) last[1]++;
      else delta.sameEntries.push([i, 1]);
      return;
    }
    if (e.content !== undefined) {
      const before = b !== undefined && b.path === e.path ? b.content : (byPath ??= contentByPath(base)).get(e.path);
      if (before === e.content) {
        const { content: _content, ...rest } = e;
        entries.push(rest);
        delta.sameContent.push(i);
        return;
      }
    }
    entries.push(e);
  });
  let provenance = plan.provenance;
  for (const path of Object.keys(plan.provenance)) {
    if (!Object.hasOwn(base.provenance, path) || !sameLines(plan.provenance[path], base.provenance[path])) continue;
    if (provenance === plan.provenance) provenance = { ...plan.provenance };
    delete provenance[path];
    delta.sameProvenance.push(path);
  }
  const unchanged = delta.sameEntries.length === 0 && delta.sameContent.length === 0 && provenance === plan.provenance;
  return { plan: unchanged ? plan : { ...plan, entries, provenance }, delta };
}

/**
 * Puts back what withoutSame left out, from `base` (the plan it was compared with). Null when
 * `base` cannot supply all of it: then the answer cannot be completed.
 */
export function withSame(plan: Plan, delta: Partial<PlanDelta>, base: Plan): Plan | null {
  const runs = delta.sameEntries ?? [];
  const same = delta.sameContent ?? [];
  const sameProvenance = delta.sameProvenance ?? [];
  if (runs.length === 0 && same.length === 0 && sameProvenance.length === 0) return plan;
  let total = plan.entries.length;
  for (const [, count] of runs) total += count;
  const entries = new Array<PlanEntry | undefined>(total);
  for (const [start, count] of runs) {
    for (let i = start; i < start + count; i++) {
      if (i >= total || entries[i] !== undefined || base.entries[i] === undefined) return null;
      entries[i] = base.entries[i];
    }
  }
  let next = 0;
  for (let i = 0; i < total; i++) if (entries[i] === undefined) entries[i] = plan.entries[next++];
  if (next !== plan.entries.length) return null;
  const before = same.length > 0 ? contentByPath(base) : null;
  for (const i of same) {
    const e = entries[i];
    const content = e ? before!.get(e.path) : undefined;
    if (content === undefined || e!.content !== undefined || runs.some(([s, c]) => i >= s && i < s + c)) return null;
    entries[i] = { ...e!, content };
  }
  let provenance = plan.provenance;
  if (sameProvenance.length > 0) {
    provenance = { ...plan.provenance };
    for (const path of sameProvenance) {
      if (!Object.hasOwn(base.provenance, path)) return null;
      provenance[path] = base.provenance[path];
    }
  }
  return { ...plan, entries: entries as PlanEntry[], provenance };
}
