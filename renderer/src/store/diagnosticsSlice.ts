// Problems found outside the generator (JSON syntax, schema validation in the editor) and
// transient notices. The generator's own problems are derived from the plan (selectors).
import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './appState';
import type { DocId, Notice, Problem } from './types';

export interface DiagnosticsSlice {
  syntaxProblems: Record<DocId, Problem[]>;
  schemaProblems: Record<DocId, Problem[]>;
  notices: Notice[];

  setSyntaxProblems(doc: DocId, problems: Problem[]): void;
  setSchemaProblems(doc: DocId, problems: Problem[]): void;
  clearDocProblems(): void;
  notify(kind: Notice['kind'], text: string): number;
  dismiss(id: number): void;
}

let noticeId = 0;
const MAX_NOTICES = 4;

export const createDiagnosticsSlice: StateCreator<AppState, [], [], DiagnosticsSlice> = (set) => ({
  syntaxProblems: {},
  schemaProblems: {},
  notices: [],

  setSyntaxProblems: (doc, problems) => set((s) => {
    const old = s.syntaxProblems[doc];
    if ((!old || old.length === 0) && problems.length === 0) return {};
    return { syntaxProblems: { ...s.syntaxProblems, [doc]: problems } };
  }),
  setSchemaProblems: (doc, problems) => set((s) => {
    const old = s.schemaProblems[doc];
    if ((!old || old.length === 0) && problems.length === 0) return {};
    return { schemaProblems: { ...s.schemaProblems, [doc]: problems } };
  }),
  clearDocProblems: () => set({ syntaxProblems: {}, schemaProblems: {} }),
  notify: (kind, text) => {
    const id = ++noticeId;
    set((s) => ({ notices: [...s.notices, { id, kind, text }].slice(-MAX_NOTICES) }));
    return id;
  },
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
});
