// The whole renderer state: seven slices in one zustand store.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createDiagnosticsSlice, type DiagnosticsSlice } from './diagnosticsSlice';
import { createDiffSlice, type DiffSlice } from './diffSlice';
import { createDoctorSlice, type DoctorSlice } from './doctorSlice';
import { createEditorsSlice, type EditorsSlice } from './editorsSlice';
import { createPlanSlice, type PlanSlice } from './planSlice';
import { createPodSlice, type PodSlice } from './podSlice';
import { createSettingsSlice, type SettingsSlice } from './settingsSlice';

export type AppState = PodSlice & EditorsSlice & PlanSlice & DiffSlice & DiagnosticsSlice & DoctorSlice & SettingsSlice;
export type AppStore = StoreApi<AppState>;

export function createAppStore(): AppStore {
  return createStore<AppState>()((...a) => ({
    ...createPodSlice(...a),
    ...createEditorsSlice(...a),
    ...createPlanSlice(...a),
    ...createDiffSlice(...a),
    ...createDiagnosticsSlice(...a),
    ...createDoctorSlice(...a),
    ...createSettingsSlice(...a),
  }));
}
