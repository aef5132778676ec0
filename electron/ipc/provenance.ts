// Picking line provenance out of a plan. The generator computes each file's provenance on
// first read, so naming only the files on screen also saves computing the rest.
import type { LineProvenance, Plan } from '../../shared/plan.js';

/** Provenance of the named files ([] for one without any), or of every file when none are named. */
export function provenanceOf(plan: Plan, paths?: readonly string[]): Record<string, LineProvenance[]> {
  if (!paths) return Object.fromEntries(Object.entries(plan.provenance));
  const out: Record<string, LineProvenance[]> = {};
  for (const path of paths) out[path] = Object.hasOwn(plan.provenance, path) ? plan.provenance[path] : [];
  return out;
}
