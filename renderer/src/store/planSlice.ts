// The latest generation result and the live-preview bookkeeping around it.
import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './appState';
import type { Diagnostic, Plan } from './types';

export interface PlanSlice {
  /** The last good plan (kept while the manifest does not parse). */
  plan: Plan | null;
  /** Diagnostics the host located in the manifests for that plan. */
  planDiagnostics: Diagnostic[];
  /** A manifest does not parse: the plan shown is from before the edit. */
  stale: boolean;
  /** A generation request is on its way. */
  generating: boolean;
  /** The last generation could not be run at all (connection, pod gone…). */
  generateError: string | null;
  /** Edit to answer, in ms, of the last generation. */
  roundTripMs: number | null;
  /** Lines of the shown file that changed in the last update, for a brief highlight. */
  changedLines: { path: string; lines: number[] } | null;
  /** Bumped when line provenance fetched afterwards was added to the plan's (see ensureProvenance). */
  provenanceVersion: number;

  setPlan(plan: Plan, diagnostics: Diagnostic[], roundTripMs: number): void;
  setStale(stale: boolean): void;
  setGenerating(generating: boolean): void;
  setGenerateError(message: string | null): void;
  setChangedLines(changed: PlanSlice['changedLines']): void;
  provenanceArrived(): void;
  clearPlan(): void;
}

export const createPlanSlice: StateCreator<AppState, [], [], PlanSlice> = (set) => ({
  plan: null,
  planDiagnostics: [],
  stale: false,
  generating: false,
  generateError: null,
  roundTripMs: null,
  changedLines: null,
  provenanceVersion: 0,

  setPlan: (plan, planDiagnostics, roundTripMs) => set({ plan, planDiagnostics, roundTripMs, generateError: null, stale: false }),
  setStale: (stale) => set({ stale }),
  setGenerating: (generating) => set({ generating }),
  setGenerateError: (generateError) => set({ generateError }),
  setChangedLines: (changedLines) => set({ changedLines }),
  provenanceArrived: () => set((s) => ({ provenanceVersion: s.provenanceVersion + 1 })),
  clearPlan: () => set({ plan: null, planDiagnostics: [], stale: false, generateError: null, roundTripMs: null, changedLines: null }),
});
