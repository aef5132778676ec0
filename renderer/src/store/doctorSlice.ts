// "Why did this pod fail?": the doctor's report for the open pod, its journal as the journal
// panel shows it, which tab of the problems region is shown, and the evidence file shown in
// the unit viewer.
import type { StateCreator } from 'zustand/vanilla';
import type { DoctorReport, JournalEntryView, JournalProblemView, PodStatusView } from '../../../shared/ipc/diagnostics-schemas';
import type { FileSide } from '../model/fileSets';
import type { AppState } from './appState';

export type ProblemsTab = 'problems' | 'diagnostics' | 'journal';

export interface DoctorState {
  status: 'idle' | 'running' | 'done' | 'failed';
  /** Pod root the report is about. */
  root: string | null;
  report: DoctorReport | null;
  error: string | null;
}

export interface JournalView {
  /** '' = every app and stage1's own messages. */
  app: string;
  /** '' = every priority; else 0–7 (up to and including). */
  priority: string;
  status: 'idle' | 'loading' | 'done';
  entries: JournalEntryView[];
  problem: JournalProblemView | null;
  following: boolean;
  /** Entry to bring into view and mark (a journal evidence link). */
  focusCursor: string | null;
  /** Bumped with every focus request, so the same entry can be revealed twice. */
  focusNonce: number;
}

export interface DoctorSlice {
  problemsTab: ProblemsTab;
  doctor: DoctorState;
  podStatusView: PodStatusView | null;
  journal: JournalView;
  /** A file shown in the unit viewer as it is on disk, because a finding points at it. */
  evidenceView: { path: string; side: FileSide } | null;

  setProblemsTab(tab: ProblemsTab): void;
  setDoctor(patch: Partial<DoctorState>): void;
  setPodStatusView(status: PodStatusView | null): void;
  setJournal(patch: Partial<JournalView>): void;
  appendJournal(entries: JournalEntryView[]): void;
  focusJournalEntry(cursor: string | null): void;
  /** Shows `side` for `path` in the unit viewer with these lines revealed. */
  showEvidenceFile(path: string, side: FileSide | null, lines: number[]): void;
  resetDoctor(): void;
}

/** The journal panel keeps this many entries while following. */
export const MAX_JOURNAL_ENTRIES = 5000;

let nonce = 0;

const IDLE_DOCTOR: DoctorState = { status: 'idle', root: null, report: null, error: null };
const EMPTY_JOURNAL: JournalView = { app: '', priority: '', status: 'idle', entries: [], problem: null, following: false, focusCursor: null, focusNonce: 0 };

export const createDoctorSlice: StateCreator<AppState, [], [], DoctorSlice> = (set) => ({
  problemsTab: 'problems',
  doctor: IDLE_DOCTOR,
  podStatusView: null,
  journal: EMPTY_JOURNAL,
  evidenceView: null,

  setProblemsTab: (problemsTab) => set({ problemsTab }),
  setDoctor: (patch) => set((s) => ({ doctor: { ...s.doctor, ...patch } })),
  setPodStatusView: (podStatusView) => set({ podStatusView }),
  setJournal: (patch) => set((s) => ({ journal: { ...s.journal, ...patch } })),
  appendJournal: (entries) => set((s) => {
    if (entries.length === 0) return {};
    const all = [...s.journal.entries, ...entries];
    return { journal: { ...s.journal, entries: all.length > MAX_JOURNAL_ENTRIES ? all.slice(-MAX_JOURNAL_ENTRIES) : all } };
  }),
  focusJournalEntry: (focusCursor) => set((s) => ({ journal: { ...s.journal, focusCursor, focusNonce: ++nonce } })),
  showEvidenceFile: (path, side, lines) => set({
    evidenceView: side ? { path, side } : null,
    selectedFile: path,
    lineReveal: { path, lines, nonce: ++nonce },
  }),
  resetDoctor: () => set((s) => ({
    doctor: IDLE_DOCTOR,
    podStatusView: null,
    journal: { ...EMPTY_JOURNAL, focusNonce: s.journal.focusNonce },
    evidenceView: null,
  })),
});
