// Manifest documents (original and edited text), which one is shown, which generated file
// is shown, and one-shot requests to reveal a place in an editor.
import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './appState';
import type { DocId, DocState } from './types';

export interface RevealRequest {
  doc: DocId;
  /** A JSON pointer, or a position when `line` is set. */
  pointer: string;
  line?: number;
  column?: number;
  /** Distinguishes two requests for the same place. */
  nonce: number;
  focus: boolean;
}

export interface LineReveal {
  path: string;
  lines: number[];
  nonce: number;
}

export interface EditorsSlice {
  docs: Record<DocId, DocState>;
  docOrder: DocId[];
  /** Bumped when a different set of documents is loaded (another pod), not on reload. */
  docsEpoch: number;
  activeDoc: DocId | null;
  selectedFile: string | null;
  reveal: RevealRequest | null;
  lineReveal: LineReveal | null;
  /** Where the manifest editor's cursor is, as a JSON pointer (drives reverse provenance). */
  manifestCursor: { doc: DocId; pointer: string } | null;
  /** Manifest fields behind the unit viewer's cursor line, highlighted without scrolling. */
  sourceHighlight: { doc: DocId; pointer: string }[];
  /** Manifest docs with a tab in the editor, in tab order. */
  openTabs: DocId[];
  /** The "lines produced by this field" list is open for this field. */
  producedQuery: { doc: DocId; pointer: string } | null;

  setDocs(docs: DocState[]): void;
  /** Replaces the original text of documents (reload); edited ones keep their edits. */
  refreshOriginals(docs: DocState[]): void;
  editDoc(id: DocId, text: string): void;
  revertDoc(id: DocId): void;
  revertAll(): void;
  setActiveDoc(id: DocId): void;
  selectFile(path: string | null): void;
  requestReveal(doc: DocId, pointer: string, focus?: boolean): void;
  requestRevealPosition(doc: DocId, line: number, column: number): void;
  requestLineReveal(path: string, lines: number[]): void;
  setManifestCursor(cursor: EditorsSlice['manifestCursor']): void;
  setSourceHighlight(list: EditorsSlice['sourceHighlight']): void;
  closeTab(id: DocId): void;
  setProducedQuery(query: EditorsSlice['producedQuery']): void;
}

let nonce = 0;

export function isEdited(doc: DocState): boolean {
  return doc.original !== null && doc.text !== doc.original;
}

export const createEditorsSlice: StateCreator<AppState, [], [], EditorsSlice> = (set, get) => ({
  docs: {},
  docOrder: [],
  docsEpoch: 0,
  activeDoc: null,
  selectedFile: null,
  reveal: null,
  lineReveal: null,
  manifestCursor: null,
  sourceHighlight: [],
  openTabs: [],
  producedQuery: null,

  setDocs: (list) => set((s) => ({
    docsEpoch: s.docsEpoch + 1,
    docs: Object.fromEntries(list.map((d) => [d.id, d])),
    docOrder: list.map((d) => d.id),
    activeDoc: list[0]?.id ?? null,
    manifestCursor: null,
    sourceHighlight: [],
    producedQuery: null,
    openTabs: list.length > 0 ? [list[0].id] : [],
  })),
  refreshOriginals: (list) => set((s) => {
    const docs: Record<DocId, DocState> = {};
    for (const fresh of list) {
      const old = s.docs[fresh.id];
      if (!old || !isEdited(old)) docs[fresh.id] = { ...fresh, externalVersion: (old?.externalVersion ?? 0) + 1 };
      // Edits stay, and stay edits: while the file cannot be read, the text it had is kept as
      // the original, so the edits are still what generation uses.
      else if (fresh.original === null) docs[fresh.id] = { ...old, notice: `${fresh.notice ?? 'The file cannot be read now.'} Your edits are kept.` };
      else docs[fresh.id] = { ...old, original: fresh.original, notice: fresh.notice, readOnly: fresh.readOnly };
    }
    const docOrder = list.map((d) => d.id);
    // An edited manifest the pod no longer lists (its pod manifest changed on disk, or does not
    // parse at the moment) stays open with its edits.
    for (const id of s.docOrder) {
      const old = s.docs[id];
      if (docs[id] || !old || !isEdited(old)) continue;
      docs[id] = { ...old, notice: 'The pod on disk no longer lists this manifest. Your edits are kept.' };
      docOrder.push(id);
    }
    const activeDoc = s.activeDoc && docs[s.activeDoc] ? s.activeDoc : docOrder[0] ?? null;
    const openTabs = s.openTabs.filter((id) => docs[id]);
    return { docs, docOrder, activeDoc, openTabs: openTabs.length > 0 ? openTabs : docOrder.slice(0, 1) };
  }),
  editDoc: (id, text) => {
    const doc = get().docs[id];
    if (!doc || doc.text === text) return;
    set({ docs: { ...get().docs, [id]: { ...doc, text } } });
  },
  revertDoc: (id) => {
    const doc = get().docs[id];
    if (!doc || doc.original === null || doc.text === doc.original) return;
    set({ docs: { ...get().docs, [id]: { ...doc, text: doc.original, externalVersion: doc.externalVersion + 1 } } });
  },
  revertAll: () => set((s) => {
    const docs: Record<DocId, DocState> = {};
    for (const [id, doc] of Object.entries(s.docs)) {
      docs[id] = isEdited(doc) ? { ...doc, text: doc.original as string, externalVersion: doc.externalVersion + 1 } : doc;
    }
    return { docs };
  }),
  setActiveDoc: (activeDoc) => set((s) => ({ activeDoc, openTabs: withTab(s.openTabs, activeDoc) })),
  selectFile: (selectedFile) => set({ selectedFile, evidenceView: null }),
  requestReveal: (doc, pointer, focus = true) => set((s) => ({ reveal: { doc, pointer, nonce: ++nonce, focus }, activeDoc: doc, openTabs: withTab(s.openTabs, doc) })),
  requestRevealPosition: (doc, line, column) => set((s) => ({ reveal: { doc, pointer: '', line, column, nonce: ++nonce, focus: true }, activeDoc: doc, openTabs: withTab(s.openTabs, doc) })),
  requestLineReveal: (path, lines) => set({ lineReveal: { path, lines, nonce: ++nonce }, selectedFile: path, evidenceView: null }),
  setManifestCursor: (manifestCursor) => set({ manifestCursor }),
  setSourceHighlight: (sourceHighlight) => set({ sourceHighlight }),
  closeTab: (id) => set((s) => {
    const openTabs = s.openTabs.filter((t) => t !== id);
    if (openTabs.length === 0 && s.docOrder.length > 0) openTabs.push(s.docOrder[0]);
    const activeDoc = s.activeDoc === id ? openTabs[Math.max(0, s.openTabs.indexOf(id) - 1)] ?? null : s.activeDoc;
    return { openTabs, activeDoc };
  }),
  setProducedQuery: (producedQuery) => set({ producedQuery }),
});

function withTab(tabs: DocId[], id: DocId): DocId[] {
  return tabs.includes(id) ? tabs : [...tabs, id];
}
