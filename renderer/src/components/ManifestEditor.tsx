/** @jsxRuntime automatic */
// Center pane: pod and image manifests in Monaco JSON with the appc schemas. Edits flow to
// the controller (live preview); generator problems come back as markers at the field's
// JSON location; reveal requests from provenance select and flash the field.
import { useEffect, useRef, useState } from 'react';
import { ManifestPreview } from './TextPreview';
import { monaco } from '../monaco/monaco';
import { setupMonaco } from '../monaco/languages';
import { manifestUri } from '../monaco/schemas';
import { MANIFEST_EDITOR_OPTIONS } from '../monaco/editorOptions';
import { warmUpEditing } from '../monaco/warmEditing';
import { whenIdle } from '../app/idle';
import { setManifestHoverSource } from '../monaco/manifestHover';
import { DARK_THEME, LIGHT_THEME } from '../monaco/themes';
import { createTreeCache, pointerAtOffset, pointerRange } from '../model/jsonPointer';
import { linesFromField } from '../model/provenance';
import { useApp, useController, useStoreApi } from '../app/context';
import { isDark, problems as selectProblems } from '../store/selectors';
import { isEdited } from '../store/editorsSlice';
import { sourceDocOf, type DocId, type Problem } from '../store/types';
import { ManifestTabs } from './ManifestTabs';
import { ProducedLines } from './ProducedLines';
import { shortPath } from '../model/paths';

interface ModelEntry {
  model: monaco.editor.ITextModel;
  tree: ReturnType<typeof createTreeCache>;
  appliedVersion: number;
  viewState: monaco.editor.ICodeEditorViewState | null;
  listener: monaco.IDisposable;
}

export function ManifestEditor() {
  const store = useStoreApi();
  const controller = useController();
  const hostRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const models = useRef(new Map<DocId, ModelEntry>());
  const shownDoc = useRef<DocId | null>(null);
  const flashIds = useRef<monaco.editor.IEditorDecorationsCollection | null>(null);
  const highlightIds = useRef<monaco.editor.IEditorDecorationsCollection | null>(null);

  const activeDoc = useApp((s) => s.activeDoc);
  const doc = useApp((s) => (s.activeDoc ? s.docs[s.activeDoc] : undefined));
  const dark = useApp(isDark);
  const docsEpoch = useApp((s) => s.docsEpoch);
  const podOpen = useApp((s) => s.podStatus === 'open');
  /** Until the editor shows a manifest, the preview the pane opened with stays on top of it. */
  const [editorShown, setEditorShown] = useState(false);
  useEffect(() => {
    if (editorShown) whenIdle(warmUpEditing);
  }, [editorShown]);

  // The editor itself, created once.
  useEffect(() => {
    setupMonaco();
    const editor = monaco.editor.create(hostRef.current!, {
      ...MANIFEST_EDITOR_OPTIONS,
      model: null,
      ariaLabel: 'Manifest JSON',
      theme: isDark(store.getState()) ? DARK_THEME : LIGHT_THEME,
    });
    editorRef.current = editor;
    flashIds.current = editor.createDecorationsCollection();
    highlightIds.current = editor.createDecorationsCollection();

    editor.addAction({
      id: 'podunit.producedLines',
      label: 'Show the unit lines this field produced',
      keybindings: [monaco.KeyMod.Shift | monaco.KeyCode.F12],
      contextMenuGroupId: 'navigation',
      run: () => showProduced(),
    });

    let cursorTimer: ReturnType<typeof setTimeout> | null = null;
    const cursorSub = editor.onDidChangeCursorPosition(() => {
      if (cursorTimer) clearTimeout(cursorTimer);
      cursorTimer = setTimeout(() => {
        const id = shownDoc.current;
        const entry = id ? models.current.get(id) : undefined;
        const pos = editor.getPosition();
        if (!id || !entry || !pos) return;
        const pointer = pointerAtOffset(entry.model.getValue(), entry.model.getOffsetAt(pos));
        const cur = store.getState().manifestCursor;
        if (!cur || cur.doc !== id || cur.pointer !== pointer) store.getState().setManifestCursor({ doc: id, pointer });
      }, 120);
    });

    const markerSub = monaco.editor.onDidChangeMarkers((uris) => {
      for (const [id, entry] of models.current) {
        if (!uris.some((u) => u.toString() === entry.model.uri.toString())) continue;
        const list = monaco.editor.getModelMarkers({ resource: entry.model.uri, owner: 'json' });
        const problems: Problem[] = list.map((m, i) => ({
          id: `schema:${id}:${i}`,
          severity: m.severity === monaco.MarkerSeverity.Error ? 'error' : m.severity === monaco.MarkerSeverity.Warning ? 'warning' : 'info',
          origin: 'schema',
          message: m.message,
          doc: id,
          line: m.startLineNumber,
          column: m.startColumn,
        }));
        store.getState().setSchemaProblems(id, problems);
      }
    });

    setManifestHoverSource(async (model, offset) => {
      const id = [...models.current].find(([, e]) => e.model === model)?.[0];
      if (!id || !store.getState().plan) return null;
      const pointer = pointerAtOffset(model.getValue(), offset);
      if (pointer === '') return null;
      await controller.ensureProvenance('all');
      const plan = store.getState().plan;
      if (!plan) return null;
      const lines = linesFromField(plan, sourceDocOf(id), pointer, 50);
      if (lines.length === 0) return null;
      const shown = lines.slice(0, 6).map((l) => `- \`${shortPath(l.path)}:${l.line}\`${l.key ? ` ${l.key}=` : ''}`);
      const more = lines.length > 6 ? `\n- … ${lines.length >= 50 ? '50+' : lines.length} lines in all (Shift+F12 lists them)` : '';
      return `*Produces*\n\n${shown.join('\n')}${more}`;
    });

    function showProduced() {
      const id = shownDoc.current;
      const entry = id ? models.current.get(id) : undefined;
      const pos = editor.getPosition();
      if (!id || !entry || !pos) return;
      const pointer = pointerAtOffset(entry.model.getValue(), entry.model.getOffsetAt(pos));
      store.getState().setProducedQuery({ doc: id, pointer });
    }

    return () => {
      cursorSub.dispose();
      markerSub.dispose();
      setManifestHoverSource(null);
      for (const e of models.current.values()) { e.listener.dispose(); e.model.dispose(); }
      models.current.clear();
      editor.dispose();
    };
  }, [store, controller]);

  useEffect(() => {
    monaco.editor.setTheme(dark ? DARK_THEME : LIGHT_THEME);
  }, [dark]);

  // A different pod: drop every model.
  useEffect(() => {
    for (const e of models.current.values()) { e.listener.dispose(); e.model.dispose(); }
    models.current.clear();
    shownDoc.current = null;
    editorRef.current?.setModel(null);
  }, [docsEpoch]);

  const ensureModel = (id: DocId): ModelEntry | undefined => {
    const existing = models.current.get(id);
    if (existing) return existing;
    const d = store.getState().docs[id];
    if (!d) return undefined;
    const uri = manifestUri(id);
    monaco.editor.getModel(uri)?.dispose();
    const language = d.original === null && d.text.length > 0 ? 'plaintext' : 'json';
    const model = monaco.editor.createModel(d.text, language, uri);
    const entry: ModelEntry = {
      model,
      tree: createTreeCache(),
      appliedVersion: d.externalVersion,
      viewState: null,
      listener: model.onDidChangeContent((e) => {
        if (e.isFlush) return;
        controller.editDoc(id, model.getValue());
      }),
    };
    models.current.set(id, entry);
    return entry;
  };

  // Show the active document.
  useEffect(() => {
    const editor = editorRef.current;
    if (!editor) return;
    if (!activeDoc) { editor.setModel(null); shownDoc.current = null; return; }
    if (shownDoc.current === activeDoc && editor.getModel()) return;
    const prev = shownDoc.current ? models.current.get(shownDoc.current) : undefined;
    if (prev) prev.viewState = editor.saveViewState();
    const entry = ensureModel(activeDoc);
    if (!entry) return;
    editor.setModel(entry.model);
    if (entry.viewState) editor.restoreViewState(entry.viewState);
    shownDoc.current = activeDoc;
    setEditorShown(true);
    applyMarkers();
    applySourceHighlight();
  }, [activeDoc, docsEpoch]);

  const readOnly = !doc || doc.readOnly;
  useEffect(() => {
    editorRef.current?.updateOptions({ readOnly, domReadOnly: readOnly });
  }, [readOnly]);

  // Text replaced from outside the editor (revert, reload): apply as an undoable edit.
  useEffect(() => store.subscribe((s, prev) => {
    if (s.docs === prev.docs) return;
    for (const [id, entry] of models.current) {
      const d = s.docs[id];
      if (!d || d.externalVersion === entry.appliedVersion) continue;
      entry.appliedVersion = d.externalVersion;
      if (entry.model.getValue() === d.text) continue;
      entry.model.pushEditOperations([], [{ range: entry.model.getFullModelRange(), text: d.text }], () => null);
    }
  }), [store]);

  // Generator problems → markers at the JSON location of their field.
  const markedDocs = useRef(new Set<DocId>());
  const applyMarkers = () => {
    const list = selectProblems(store.getState());
    for (const [id, entry] of models.current) {
      const located = list.filter((p) => p.origin === 'generator' && p.doc === id && p.pointer !== undefined);
      // Parsing a large manifest for nothing costs a frame: only where markers come or go.
      if (located.length === 0 && !markedDocs.current.has(id)) continue;
      if (located.length === 0) markedDocs.current.delete(id);
      else markedDocs.current.add(id);
      const text = entry.model.getValue();
      const markers: monaco.editor.IMarkerData[] = [];
      for (const p of located) {
        if (p.pointer === undefined) continue;
        const range = pointerRange(entry.tree(text), p.pointer);
        const start = entry.model.getPositionAt(range?.offset ?? 0);
        const end = entry.model.getPositionAt((range?.offset ?? 0) + (range?.length ?? 1));
        markers.push({
          severity: p.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
          message: range && !range.exact ? `${p.message}\n(at ${p.pointer}, which is not in the document; marked at its nearest parent)` : p.message,
          source: 'podunit',
          startLineNumber: start.lineNumber, startColumn: start.column,
          endLineNumber: end.lineNumber, endColumn: end.column,
        });
      }
      monaco.editor.setModelMarkers(entry.model, 'podunit', markers);
    }
  };
  useEffect(() => store.subscribe((s, prev) => {
    if (s.plan !== prev.plan || s.planDiagnostics !== prev.planDiagnostics) applyMarkers();
  }), [store]);

  // Reveal a field (from provenance or the problems list).
  useEffect(() => store.subscribe((s, prev) => {
    const req = s.reveal;
    if (!req || req === prev.reveal) return;
    const editor = editorRef.current;
    if (!editor) return;
    // The active-doc effect runs after this store update; make sure the model is shown first.
    queueMicrotask(() => {
      const entry = ensureModel(req.doc);
      if (!entry) return;
      if (editor.getModel() !== entry.model) {
        const prevEntry = shownDoc.current ? models.current.get(shownDoc.current) : undefined;
        if (prevEntry) prevEntry.viewState = editor.saveViewState();
        editor.setModel(entry.model);
        shownDoc.current = req.doc;
      }
      if (req.line !== undefined) {
        const pos = { lineNumber: req.line, column: req.column ?? 1 };
        editor.setPosition(pos);
        editor.revealPositionInCenterIfOutsideViewport(pos, monaco.editor.ScrollType.Smooth);
        const r = new monaco.Range(pos.lineNumber, 1, pos.lineNumber, 1);
        flashIds.current?.set([{ range: r, options: { className: 'reveal-flash', isWholeLine: true } }]);
        setTimeout(() => flashIds.current?.clear(), 2200);
        if (req.focus) editor.focus();
        return;
      }
      const range = pointerRange(entry.tree(entry.model.getValue()), req.pointer);
      if (!range) return;
      const start = entry.model.getPositionAt(range.offset);
      const end = entry.model.getPositionAt(range.offset + range.length);
      const r = new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column);
      editor.setSelection(new monaco.Range(start.lineNumber, start.column, start.lineNumber, start.column));
      editor.revealRangeInCenterIfOutsideViewport(r, monaco.editor.ScrollType.Smooth);
      flashIds.current?.set([{ range: r, options: { className: 'reveal-flash', isWholeLine: false, stickiness: 1 } }]);
      setTimeout(() => flashIds.current?.clear(), 2200);
      if (!range.exact) s.notify('info', `${req.pointer} is not in the document; showing its nearest parent.`);
      if (req.focus) editor.focus();
    });
  }), [store]);

  // Fields behind the unit viewer's cursor line, highlighted in place.
  const applySourceHighlight = () => {
    const editor = editorRef.current;
    const id = shownDoc.current;
    const entry = id ? models.current.get(id) : undefined;
    if (!editor || !entry || !id) { highlightIds.current?.clear(); return; }
    const list = store.getState().sourceHighlight.filter((h) => h.doc === id);
    const tree = entry.tree(entry.model.getValue());
    const decorations: monaco.editor.IModelDeltaDecoration[] = [];
    for (const h of list) {
      const range = pointerRange(tree, h.pointer);
      if (!range) continue;
      const a = entry.model.getPositionAt(range.offset);
      const b = entry.model.getPositionAt(range.offset + range.length);
      decorations.push({
        range: new monaco.Range(a.lineNumber, a.column, b.lineNumber, b.column),
        options: { className: 'source-highlight', overviewRuler: { color: '#3b82f680', position: monaco.editor.OverviewRulerLane.Center } },
      });
    }
    highlightIds.current?.set(decorations);
  };
  useEffect(() => store.subscribe((s, prev) => {
    if (s.sourceHighlight !== prev.sourceHighlight) applySourceHighlight();
  }), [store]);

  const edited = doc ? isEdited(doc) : false;
  return (
    <section className="pane manifest-pane" role="region" aria-label="Manifest editor">
      <ManifestTabs />
      {doc?.notice && <div className={`banner ${doc.original === null && doc.text === '' ? 'banner-error' : 'banner-info'}`} role="note">{doc.notice}</div>}
      {!podOpen && <div className="empty-note">Open a pod to see its manifests.</div>}
      <div className="editor-stack">
        <div className="editor-host" ref={hostRef} data-edited={edited ? 'true' : 'false'} />
        {!editorShown && <ManifestPreview quietWhenEmpty />}
      </div>
      <ProducedLines />
    </section>
  );
}
