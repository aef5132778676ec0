/** @jsxRuntime automatic */
// Right pane, bottom: a Monaco diff of the selected file between the current plan and a
// base (the disk, the unedited manifests, another profile), with the summary of added,
// removed and changed files above it and, for long option lists, what changed as a set.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { afterNextPaint, whenIdle } from '../app/idle';
import { afterUnitsShown } from '../app/firstUnits';
import { useShallow } from 'zustand/react/shallow';
import { monaco } from '../monaco/monaco';
import { setupMonaco } from '../monaco/languages';
import { languageForPath } from '../monaco/systemdLanguage';
import { disposeDiffPair, setDiffTexts, type DiffPair } from '../monaco/diffModels';
import { DARK_THEME, LIGHT_THEME } from '../monaco/themes';
import { sideText } from '../model/fileSets';
import { optionSetChanges, describeSetChange } from '../model/setDiff';
import { shortPath } from '../model/paths';
import { profileNames } from '../store/selectors';
import { DiffFileList } from './DiffFileList';
import { useApp, useController, useStoreApi } from '../app/context';
import { diffSides, diffSummaryOf, isDark } from '../store/selectors';
import type { DiffBase } from '../store/types';

function delay(fn: () => void, ms: number): () => void {
  const timer = setTimeout(fn, ms);
  return () => clearTimeout(timer);
}

function whenUnitsShownAndIdle(fn: () => void): () => void {
  let live = true;
  const cancel = afterUnitsShown(() => whenIdle(() => { if (live) fn(); }, 1000));
  return () => { live = false; cancel(); };
}

export function DiffView() {
  const store = useStoreApi();
  const controller = useController();
  const hostRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneDiffEditor | null>(null);
  const modelsRef = useRef<DiffPair | null>(null);
  const revealPending = useRef(true);

  const sides = useApp(useShallow(diffSides));
  const summary = diffSummaryOf(sides.before, sides.after);
  const selected = useApp((s) => s.selectedFile);
  const base = useApp((s) => s.diffBase);
  const layout = useApp((s) => s.diffLayout);
  const dark = useApp(isDark);
  const profiles = useApp(profileNames);
  const currentProfile = useApp((s) => s.whatIf.profile ?? s.appInfo?.defaultProfile ?? null);
  const compareProfile = useApp((s) => s.compareProfile);

  const beforeText = selected ? sideText(sides.before.get(selected)) : '';
  const afterText = selected ? sideText(sides.after.get(selected)) : '';
  const inComparison = !!selected && (sides.before.has(selected) || sides.after.has(selected));
  const setChanges = useMemo(
    () => (selected && /\.(service|socket|target)$/.test(selected) && beforeText !== afterText ? optionSetChanges(beforeText, afterText) : []),
    [selected, beforeText, afterText],
  );

  // The diff editor is created once the first units are on screen: opening a pod shows the
  // unit viewer first, and a diff editor is the most expensive editor to set up.
  const [ready, setReady] = useState(false);
  useEffect(() => whenUnitsShownAndIdle(() => setReady(true)), []);

  useEffect(() => {
    if (!ready) return;
    setupMonaco();
    const editor = monaco.editor.createDiffEditor(hostRef.current!, {
      readOnly: true,
      originalEditable: false,
      automaticLayout: true,
      renderSideBySide: store.getState().diffLayout === 'side',
      useInlineViewWhenSpaceIsLimited: true,
      minimap: { enabled: false },
      fontSize: 12,
      scrollBeyondLastLine: false,
      fixedOverflowWidgets: true,
      renderOverviewRuler: true,
      hideUnchangedRegions: { enabled: true, contextLineCount: 3, minimumLineCount: 5, revealLineCount: 20 },
      // Both sides are read-only, so there is nothing to revert; the gutter menu would also
      // measure its own height (a forced layout) every time the diff changes.
      renderGutterMenu: false,
      renderMarginRevertIcon: false,
      bracketPairColorization: { enabled: false },
      theme: isDark(store.getState()) ? DARK_THEME : LIGHT_THEME,
    });
    editorRef.current = editor;
    // Bring the first change into view when another file (or another base) is shown.
    const revealSub = editor.onDidUpdateDiff(() => {
      if (!revealPending.current) return;
      revealPending.current = false;
      if ((editor.getLineChanges() ?? []).length > 0) editor.revealFirstDiff();
    });
    return () => {
      revealSub.dispose();
      editor.dispose();
      disposeDiffPair(modelsRef.current);
      modelsRef.current = null;
      editorRef.current = null;
    };
  }, [store, ready]);

  useEffect(() => { monaco.editor.setTheme(dark ? DARK_THEME : LIGHT_THEME); }, [dark]);
  useEffect(() => { editorRef.current?.updateOptions({ renderSideBySide: layout === 'side' }); }, [layout]);

  useEffect(() => { revealPending.current = true; }, [selected, base]);

  // The diff is updated after the unit viewer has painted, and while typing only once the
  // typing pauses: a diff editor re-renders both sides, which would delay every keystroke.
  const shownFile = useRef<string | null>(null);
  useEffect(() => {
    const editor = editorRef.current;
    if (!editor) return;
    const update = () => {
      const switched = shownFile.current !== selected;
      const language = selected ? languageForPath(selected) : 'plaintext';
      modelsRef.current = setDiffTexts(editor, modelsRef.current, beforeText, afterText, language, !revealPending.current, !switched);
      shownFile.current = selected;
    };
    // Another file: right after the unit viewer's next frame (a fixed delay can come first
    // on a busy machine). The same file changing: once typing pauses.
    return shownFile.current !== selected ? afterNextPaint(update) : delay(update, 150);
  }, [selected, beforeText, afterText, ready]);

  useEffect(() => { controller.refreshDiffBase(); }, [base, compareProfile, controller]);

  const setBase = (b: DiffBase) => {
    const s = store.getState();
    if (b === 'profile' && !s.compareProfile) {
      const other = profiles.find((p) => p !== currentProfile && p !== 'auto') ?? null;
      s.setCompareProfile(other);
    }
    s.setDiffBase(b);
  };

  const pick = useCallback((path: string) => store.getState().selectFile(path), [store]);
  const total = summary.added.length + summary.removed.length + summary.changed.length;

  return (
    <section className="pane diff-pane" role="region" aria-label="Diff">
      <div className="pane-header">
        <div className="segmented" role="group" aria-label="Compare with">
          <button aria-pressed={base === 'disk'} onClick={() => setBase('disk')}>Generated vs disk</button>
          <button aria-pressed={base === 'original'} onClick={() => setBase('original')}>Edited vs original</button>
          <button aria-pressed={base === 'profile'} onClick={() => setBase('profile')} disabled={profiles.length < 2}>Profiles</button>
        </div>
        {base === 'profile' && (
          <select aria-label="Compare with profile" value={compareProfile ?? ''} onChange={(e) => store.getState().setCompareProfile(e.target.value || null)}>
            {profiles.map((p) => <option key={p} value={p}>{p}</option>)}
          </select>
        )}
        <div className="pane-actions">
          <button className="small" aria-pressed={layout === 'inline'} onClick={() => store.getState().setDiffLayout(layout === 'side' ? 'inline' : 'side')}
            title="Switch between inline and side-by-side (Alt+D)">
            {layout === 'side' ? 'Side by side' : 'Inline'}
          </button>
        </div>
      </div>
      <div className="diff-summary" aria-label="Diff summary">
        <div className="diff-counts">
          <span className="muted">{sides.beforeLabel} → {sides.afterLabel}:</span>
          {sides.pending ? <span className="muted">computing…</span> : total === 0 ? <span className="muted">no differences ({summary.unchanged} files)</span> : (
            <>
              <span className="count-changed">{summary.changed.length} changed</span>
              <span className="count-added">{summary.added.length} added</span>
              <span className="count-removed">{summary.removed.length} removed</span>
              <span className="muted">{summary.unchanged} same</span>
            </>
          )}
        </div>
        {!sides.pending && total > 0 && <DiffFileList summary={summary} onPick={pick} />}
        {setChanges.length > 0 && (
          <ul className="set-changes" aria-label="Option set changes">
            {setChanges.map((c) => <li key={`${c.section}/${c.key}`}>{describeSetChange(c)}</li>)}
          </ul>
        )}
        {selected && !inComparison && <div className="muted">{shortPath(selected)} is not part of this comparison.</div>}
      </div>
      <div className="editor-host" ref={hostRef} />
    </section>
  );
}
