// What the diff compares the current plan against, and the plans it needs for that.
import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './appState';
import type { DiffBase, Plan } from './types';

export interface DiffSlice {
  diffBase: DiffBase;
  compareProfile: string | null;
  /** Plan of the unedited manifests with the same what-ifs (diff base 'original'). */
  baselinePlan: Plan | null;
  baselineKey: string | null;
  /** Plan with the other profile (diff base 'profile'). */
  comparePlan: Plan | null;
  compareKey: string | null;

  setDiffBase(base: DiffBase): void;
  setCompareProfile(profile: string | null): void;
  setBaselinePlan(plan: Plan | null, key: string | null): void;
  setComparePlan(plan: Plan | null, key: string | null): void;
}

export const createDiffSlice: StateCreator<AppState, [], [], DiffSlice> = (set) => ({
  diffBase: 'disk',
  compareProfile: null,
  baselinePlan: null,
  baselineKey: null,
  comparePlan: null,
  compareKey: null,

  setDiffBase: (diffBase) => set({ diffBase }),
  setCompareProfile: (compareProfile) => set({ compareProfile }),
  setBaselinePlan: (baselinePlan, baselineKey) => set({ baselinePlan, baselineKey }),
  setComparePlan: (comparePlan, compareKey) => set({ comparePlan, compareKey }),
});
