// Live preview answers without the files that did not change: the host leaves out the content
// of each entry equal to the one of the same path in a plan the client already holds, and
// names those entries by index; the client puts the content back from its copy. An edit in a
// 100-app pod changes a few files out of hundreds.
import type { Plan, PlanEntry } from './plan.js';

function contentByPath(plan: Plan): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of plan.entries) if (e.content !== undefined) out.set(e.path, e.content);
  return out;
}

/** The plan with the content of entries unchanged since `base` left out, and their indices. */
export function withoutSameContent(plan: Plan, base: Plan): { plan: Plan; same: number[] } {
  const before = contentByPath(base);
  const same: number[] = [];
  const entries = plan.entries.map((e, i): PlanEntry => {
    if (e.content === undefined || before.get(e.path) !== e.content) return e;
    same.push(i);
    const { content: _content, ...rest } = e;
    return rest;
  });
  return same.length === 0 ? { plan, same } : { plan: { ...plan, entries }, same };
}

/**
 * Puts back the content withoutSameContent left out, from `base` (the plan it was compared
 * with). Null when `base` cannot supply one of them: then the answer cannot be completed.
 */
export function withSameContent(plan: Plan, same: readonly number[], base: Plan): Plan | null {
  if (same.length === 0) return plan;
  const before = contentByPath(base);
  const entries = plan.entries.slice();
  for (const i of same) {
    const e = entries[i];
    const content = e ? before.get(e.path) : undefined;
    if (content === undefined || e.content !== undefined) return null;
    entries[i] = { ...e, content };
  }
  return { ...plan, entries };
}
