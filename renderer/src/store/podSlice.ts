// The open pod: what the host said about it and what lies on disk.
import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './appState';
import type { AppInfo, PodDisk, PodSummary } from './types';

export interface PodSlice {
  appInfo: AppInfo | null;
  podStatus: 'idle' | 'opening' | 'open';
  /** The last open attempt failed (the previous pod, if any, stays open). */
  openError: { path: string; code: string; message: string } | null;
  summary: PodSummary | null;
  disk: PodDisk | null;
  /** The pod root disappeared while open. */
  podGone: boolean;
  /** Paths changed on disk since the snapshot (manifests the user has edited are not reloaded). */
  changedOnDisk: string[];
  connection: 'connecting' | 'open' | 'closed';

  setAppInfo(info: AppInfo): void;
  setOpening(): void;
  setOpenError(error: PodSlice['openError']): void;
  setPod(summary: PodSummary, disk: PodDisk | null): void;
  setDisk(disk: PodDisk): void;
  setPodGone(gone: boolean): void;
  setChangedOnDisk(paths: string[]): void;
  setConnection(status: PodSlice['connection']): void;
}

export const createPodSlice: StateCreator<AppState, [], [], PodSlice> = (set) => ({
  appInfo: null,
  podStatus: 'idle',
  openError: null,
  summary: null,
  disk: null,
  podGone: false,
  changedOnDisk: [],
  connection: 'connecting',

  setAppInfo: (appInfo) => set({ appInfo }),
  setOpening: () => set((s) => ({ podStatus: s.summary ? s.podStatus : 'opening', openError: null })),
  setOpenError: (openError) => set((s) => ({ openError, podStatus: s.summary ? 'open' : 'idle' })),
  setPod: (summary, disk) => set({ summary, disk, podStatus: 'open', openError: null, podGone: false, changedOnDisk: [] }),
  setDisk: (disk) => set({ disk }),
  setPodGone: (podGone) => set({ podGone }),
  setChangedOnDisk: (changedOnDisk) => set({ changedOnDisk }),
  setConnection: (connection) => set({ connection }),
});
