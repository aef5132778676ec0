// User choices: theme, diff layout and the what-if inputs of generation.
import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './appState';
import type { DiffLayout, ThemePref, WhatIf } from './types';

export interface SettingsSlice {
  themePref: ThemePref;
  systemDark: boolean;
  diffLayout: DiffLayout;
  whatIf: WhatIf;
  /** Contract features this host supports (see api.ts). */
  capabilities: { stage1Overrides: boolean };

  setThemePref(pref: ThemePref): void;
  setSystemDark(dark: boolean): void;
  setDiffLayout(layout: DiffLayout): void;
  setWhatIf(patch: Partial<WhatIf>): void;
  resetWhatIf(): void;
  setCapabilities(capabilities: { stage1Overrides: boolean }): void;
}

export const DEFAULT_WHAT_IF: WhatIf = {
  profile: null,
  flavor: null,
  systemdVersion: null,
  runtime: {},
  cgroupControllers: undefined,
};

export const createSettingsSlice: StateCreator<AppState, [], [], SettingsSlice> = (set) => ({
  themePref: 'system',
  systemDark: false,
  diffLayout: 'side',
  whatIf: DEFAULT_WHAT_IF,
  capabilities: { stage1Overrides: false },

  setThemePref: (themePref) => set({ themePref }),
  setSystemDark: (systemDark) => set({ systemDark }),
  setDiffLayout: (diffLayout) => set({ diffLayout }),
  setWhatIf: (patch) => set((s) => ({ whatIf: { ...s.whatIf, ...patch } })),
  resetWhatIf: () => set({ whatIf: DEFAULT_WHAT_IF }),
  setCapabilities: (capabilities) => set({ capabilities }),
});

export function effectiveDark(pref: ThemePref, systemDark: boolean): boolean {
  return pref === 'dark' || (pref === 'system' && systemDark);
}
