/** @jsxRuntime automatic */
// Right pane, top: the selected generated file in a read-only Monaco editor with the systemd
// grammar, hover docs and provenance. Live updates patch the model in place (scroll stays),
// flash the changed lines and bring them into view.
import { useEffect, useRef, useState } from 'react';
import { UnitPreview } from './TextPreview';
import type { LineProvenance, Plan } from '../../../shared/plan';
import { monaco } from '../monaco/monaco';
import { setupMonaco } from '../monaco/languages';
import { UNIT_VIEWER_OPTIONS } from '../monaco/editorOptions';
import { setModelContext, onRevealSource } from '../monaco/unitHover';
import { languageForPath } from '../monaco/systemdLanguage';
import { DARK_THEME, LIGHT_THEME } from '../monaco/themes';
import { minimalTextEdit } from '../model/lineChanges';
import { provenanceAt } from '../model/provenance';
import { pointerWithin } from '../model/jsonPointer';
import { shortPath } from '../model/paths';
import { coveredByDisk, isBackup } from '../model/planFiles';
import { sideText } from '../model/fileSets';
import { useApp, useController, useStoreApi } from '../app/context';
import { diskSummary, isDark, shownFile, shownText } from '../store/selectors';
import type { AppState } from '../store/appState';
import { docIdOf } from '../store/types';
import { copyText } from '../app/clipboard';
import { markUnitsShown } from '../app/firstUnits';

const MAX_MODELS = 24;

interface Shown {
  path: string;
  model: monaco.editor.ITextModel;
}

function provenanceKind(lp: LineProvenance): string {
  const kinds = new Set(lp.sources.map((x) => x.kind));
  for (const k of ['manifest', 'runtime', 'host', 'profile', 'constant']) if (kinds.has(k as never)) return k;
  return 'constant';
}

export function UnitViewer() {
  const store = useStoreApi();
  const controller = useController();
  const hostRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const models = useRef(new Map<string, monaco.editor.ITextModel>());
  const shown = useRef<Shown | null>(null);
  const decor = useRef<{
    prov: monaco.editor.IEditorDecorationsCollection;
    changed: monaco.editor.IEditorDecorationsCollection;
    produced: monaco.editor.IEditorDecorationsCollection;
    note: monaco.editor.IEditorDecorationsCollection;
  } | null>(null);
  const [copied, setCopied] = useState(false);
  /** Until the editor shows a file, the preview the pane opened with stays on top of it. */
  const [editorShown, setEditorShown] = useState(false);

  const selected = useApp((s) => s.selectedFile);
  const from = useApp((s) => shownFile(s, s.selectedFile)?.from ?? null);
  const fileKind = useApp((s) => shownFile(s, s.selectedFile)?.side.kind ?? null);
  const stale = useApp((s) => s.stale);
  const hasPlan = useApp((s) => s.plan !== null);
  const planError = useApp((s) => s.plan?.error?.message ?? null);
  const generateError = useApp((s) => s.generateError);
  const diskState = useApp((s) => {
    const path = s.selectedFile;
    if (!path || !s.disk) return null;
    if (!coveredByDisk(path, s.disk.coverage)) return 'not compared';
    if (isBackup(path)) return 'podunit backup';
    const change = diskSummary(s.plan, s.disk).byPath.get(path);
    return change === 'changed' ? 'differs from disk' : change === 'added' ? 'not on disk yet' : change === 'removed' ? 'only on disk' : 'same as disk';
  });
  const dark = useApp(isDark);
  const podOpen = useApp((s) => s.podStatus === 'open');

  useEffect(() => {
    setupMonaco();
    const editor = monaco.editor.create(hostRef.current!, {
      ...UNIT_VIEWER_OPTIONS,
      model: null,
      ariaLabel: 'Generated file',
      theme: isDark(store.getState()) ? DARK_THEME : LIGHT_THEME,
    });
    editorRef.current = editor;
    decor.current = {
      prov: editor.createDecorationsCollection(),
      changed: editor.createDecorationsCollection(),
      produced: editor.createDecorationsCollection(),
      note: editor.createDecorationsCollection(),
    };

    const revealLine = (line: number) => {
      const path = shown.current?.path;
      const s = store.getState();
      if (!path || !s.plan) return false;
      const lp = provenanceAt(s.plan.provenance[path], line);
      const src = lp?.sources.find((x) => x.kind === 'manifest');
      if (!src || src.kind !== 'manifest') {
        s.notify('info', lp ? 'This line does not come from a manifest field.' : 'No provenance for this line.');
        return false;
      }
      s.requestReveal(docIdOf(src.doc), src.pointer, false);
      return true;
    };
    editor.addAction({
      id: 'podunit.revealSource',
      label: 'Reveal the source of this line in the manifest',
      keybindings: [monaco.KeyCode.F12],
      contextMenuGroupId: 'navigation',
      run: () => { const pos = editor.getPosition(); if (pos) revealLine(pos.lineNumber); },
    });
    const mouseSub = editor.onMouseDown((e) => {
      if ((e.event.ctrlKey || e.event.metaKey) && e.target.position) revealLine(e.target.position.lineNumber);
    });
    const cursorSub = editor.onDidChangeCursorPosition((e) => {
      const path = shown.current?.path;
      const s = store.getState();
      if (!path || !s.plan) return;
      const lp = provenanceAt(s.plan.provenance[path], e.position.lineNumber);
      const list = (lp?.sources ?? []).flatMap((x) => (x.kind === 'manifest' ? [{ doc: docIdOf(x.doc), pointer: x.pointer }] : []));
      const cur = s.sourceHighlight;
      if (list.length === 0 && cur.length === 0) return;
      s.setSourceHighlight(list);
    });
    onRevealSource((doc, pointer) => store.getState().requestReveal(docIdOf(doc), pointer, false));

    return () => {
      mouseSub.dispose();
      cursorSub.dispose();
      for (const m of models.current.values()) { setModelContext(m.uri, null); m.dispose(); }
      models.current.clear();
      editor.dispose();
    };
  }, [store]);

  useEffect(() => { monaco.editor.setTheme(dark ? DARK_THEME : LIGHT_THEME); }, [dark]);

  // Keeps the shown model equal to the state, patching in place when only the text changed.
  useEffect(() => {
    const sync = (s: AppState, prev: AppState | null) => {
      const editor = editorRef.current;
      if (!editor || !decor.current) return;
      const path = s.selectedFile;
      const file = shownFile(s, path);
      if (!path || !file) {
        editor.setModel(null);
        shown.current = null;
        return;
      }
      const text = shownText(file.side);
      const language = file.side.kind === 'symlink' ? 'plaintext' : languageForPath(path);
      let model = models.current.get(path);
      const switching = shown.current?.path !== path;
      if (!model) {
        const uri = monaco.Uri.parse(`inmemory://podunit/generated/${encodeURIComponent(path)}`);
        monaco.editor.getModel(uri)?.dispose();
        model = monaco.editor.createModel(text, language, uri);
        models.current.set(path, model);
        setModelContext(uri, {
          provenance: (line) => provenanceAt(store.getState().plan?.provenance[path], line),
          note: (line) => envNote(store.getState().plan, path, line),
        });
        evictModels(models.current, path);
      } else if (model.getValue() !== text) {
        const edit = minimalTextEdit(model.getValue(), text);
        if (edit) {
          const a = model.getPositionAt(edit.start);
          const b = model.getPositionAt(edit.end);
          model.applyEdits([{ range: new monaco.Range(a.lineNumber, a.column, b.lineNumber, b.column), text: edit.text }]);
        }
        if (model.getLanguageId() !== language) monaco.editor.setModelLanguage(model, language);
      }
      if (switching) {
        editor.setModel(model);
        shown.current = { path, model };
        markUnitsShown();
        setEditorShown(true);
      }
      // Provenance describes the generated text, not a different one on disk.
      const evidence = file.from === 'evidence';
      if (!evidence && s.plan && !Object.hasOwn(s.plan.provenance, path)) void controller.ensureProvenance([path]);
      decorateProvenance(evidence ? null : s.plan, path, model);
      decorateProduced(s, path, model);
      decorateEnvNote(s.plan, path, model);
      const changed = s.changedLines;
      if (changed && changed.path === path && (!prev || changed !== prev.changedLines)) flashLines(changed.lines, true);
    };

    // Re-decorating 400 lines costs more than comparing what they would be.
    let provKey = '';
    const decorateProvenance = (plan: Plan | null, path: string, model: monaco.editor.ITextModel) => {
      const list = plan?.provenance[path] ?? [];
      const lineCount = model.getLineCount();
      const key = `${model.id}\n${lineCount}\n${list.map((lp) => `${lp.line}:${provenanceKind(lp)}`).join(',')}`;
      if (key === provKey) return;
      provKey = key;
      decor.current!.prov.set(list.filter((lp) => lp.line <= lineCount).map((lp) => ({
        range: new monaco.Range(lp.line, 1, lp.line, 1),
        options: { linesDecorationsClassName: `prov prov-${provenanceKind(lp)}`, stickiness: 1 },
      })));
    };

    const decorateProduced = (s: AppState, path: string, model: monaco.editor.ITextModel) => {
      const cursor = s.manifestCursor;
      const list = s.plan?.provenance[path];
      if (!cursor || !list || cursor.pointer === '') { decor.current!.produced.clear(); return; }
      const lineCount = model.getLineCount();
      const hits = list.filter((lp) => lp.line <= lineCount && lp.sources.some((x) => x.kind === 'manifest' && docIdOf(x.doc) === cursor.doc &&
        (pointerWithin(x.pointer, cursor.pointer) || (pointerWithin(cursor.pointer, x.pointer) && x.pointer.split('/').length > 3))));
      decor.current!.produced.set(hits.map((lp) => ({
        range: new monaco.Range(lp.line, 1, lp.line, 1),
        options: { isWholeLine: true, className: 'produced-line', overviewRuler: { color: '#3b82f6', position: monaco.editor.OverviewRulerLane.Full } },
      })));
    };

    const decorateEnvNote = (plan: Plan | null, path: string, model: monaco.editor.ITextModel) => {
      const n = plan?.entries.find((e) => e.path === path)?.unorderedPrefixLines ?? 0;
      if (n <= 0 || n > model.getLineCount()) { decor.current!.note.clear(); return; }
      decor.current!.note.set([{ range: new monaco.Range(1, 1, n, 1), options: { isWholeLine: true, className: 'unordered-block' } }]);
    };

    const flashLines = (lines: number[], reveal: boolean) => {
      const editor = editorRef.current!;
      const model = editor.getModel();
      if (!model || lines.length === 0) return;
      const valid = lines.filter((l) => l >= 1 && l <= model.getLineCount());
      decor.current!.changed.set(valid.map((l) => ({ range: new monaco.Range(l, 1, l, 1), options: { isWholeLine: true, className: 'changed-line' } })));
      if (reveal && valid.length > 0) editor.revealLineInCenterIfOutsideViewport(valid[0], monaco.editor.ScrollType.Immediate);
      window.setTimeout(() => decor.current?.changed.clear(), 1600);
    };

    sync(store.getState(), null);
    const unsub = store.subscribe((s, prev) => {
      if (s.selectedFile !== prev.selectedFile || s.plan !== prev.plan || s.disk !== prev.disk ||
          s.changedLines !== prev.changedLines || s.evidenceView !== prev.evidenceView) sync(s, prev);
      else if (s.provenanceVersion !== prev.provenanceVersion && shown.current) {
        decorateProvenance(shownFile(s, shown.current.path)?.from === 'evidence' ? null : s.plan, shown.current.path, shown.current.model);
        decorateProduced(s, shown.current.path, shown.current.model);
      } else if (s.manifestCursor !== prev.manifestCursor && shown.current) decorateProduced(s, shown.current.path, shown.current.model);
      if (s.lineReveal && s.lineReveal !== prev.lineReveal) {
        const req = s.lineReveal;
        queueMicrotask(() => {
          if (shown.current?.path !== req.path) sync(store.getState(), null);
          flashLines(req.lines, true);
          const editor = editorRef.current;
          if (editor && req.lines[0]) editor.setPosition({ lineNumber: req.lines[0], column: 1 });
        });
      }
    });
    return unsub;
  }, [store, controller]);

  const copy = async () => {
    const s = store.getState();
    const file = shownFile(s, s.selectedFile);
    if (!file) return;
    const ok = await copyText(sideText(file.side) || file.side.target || '');
    setCopied(ok);
    s.notify(ok ? 'success' : 'error', ok ? `Copied ${shortPath(s.selectedFile!)}` : 'Could not copy to the clipboard');
    setTimeout(() => setCopied(false), 1500);
  };

  return (
    <section className="pane unit-pane" role="region" aria-label="Unit viewer">
      <div className="pane-header">
        <div className="pane-title" title={selected ?? ''}>
          {selected ? <span className="file-name">{shortPath(selected)}</span> : <span className="muted">No file selected</span>}
          {selected && diskState && from !== 'evidence' && <span className={`badge badge-${diskState.replace(/ /g, '-')}`}>{diskState}</span>}
          {from === 'disk' && <span className="badge badge-only-on-disk">not generated</span>}
          {from === 'evidence' && <span className="badge badge-evidence">on disk (evidence)</span>}
        </div>
        <div className="pane-actions">
          <button className="small" onClick={copy} disabled={!selected || !fileKind} aria-label="Copy unit" title="Copy this file (Ctrl+Shift+C)">
            {copied ? 'Copied' : 'Copy'}
          </button>
        </div>
      </div>
      {stale && <div className="banner banner-warn" role="status">A manifest does not parse: these units are from the last valid version (stale).</div>}
      {!stale && planError && <div className="banner banner-error" role="status">Generation failed: {planError}. Shown: what rkt writes before failing.</div>}
      {generateError && <div className="banner banner-error" role="status">{generateError}</div>}
      {podOpen && !hasPlan && !generateError && <div className="empty-note">Generating…</div>}
      {podOpen && hasPlan && !selected && <div className="empty-note">Select a generated file in the pod tree.</div>}
      {podOpen && hasPlan && selected && !fileKind && (
        <div className="empty-note">{planError ? 'rkt stops before writing this file.' : 'This file is neither generated nor on disk.'}</div>
      )}
      <div className="editor-stack">
        <div className={`editor-host ${stale ? 'is-stale' : ''}`} ref={hostRef} />
        {!editorShown && <UnitPreview quietWhenEmpty />}
      </div>
    </section>
  );
}

function envNote(plan: Plan | null, path: string, line: number): string | undefined {
  const n = plan?.entries.find((e) => e.path === path)?.unorderedPrefixLines ?? 0;
  if (line <= n) return `*Lines 1–${n}: rkt writes these default variables in a rotating order (Go map iteration); podunit shows the canonical order.*`;
  return undefined;
}

function evictModels(models: Map<string, monaco.editor.ITextModel>, keep: string): void {
  if (models.size <= MAX_MODELS) return;
  for (const [path, model] of models) {
    if (path === keep) continue;
    setModelContext(model.uri, null);
    model.dispose();
    models.delete(path);
    if (models.size <= MAX_MODELS) break;
  }
}

