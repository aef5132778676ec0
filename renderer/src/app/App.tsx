/** @jsxRuntime automatic */
// The window: toolbar, banners, three panes (tree | manifests + problems | units + diff),
// status bar, dialogs and the command layer.
import { lazy, Suspense, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useApp, useController, useStoreApi } from './context';
import { installShortcuts, type Command } from './commands';
import { copyText } from './clipboard';
import { isDark, problems, selectedContent } from '../store/selectors';
import { isEdited } from '../store/editorsSlice';
import { Toolbar } from '../components/Toolbar';
import { Banners } from '../components/Banners';
import { PodTree } from '../components/PodTree';
import { WhatIfPanel } from '../components/WhatIfPanel';
import { ProblemsPanel } from '../components/ProblemsPanel';
import { StatusBar } from '../components/StatusBar';
import { Splitter } from '../components/Splitter';
import { CommandPalette } from '../components/CommandPalette';
import { OpenPodDialog } from '../components/OpenPodDialog';
import { ExportDialog } from '../components/ExportDialog';
import { Notices } from '../components/Notices';
import { shortPath } from '../model/paths';
import { PaneShell } from '../components/PaneShell';
import { ManifestPreview, UnitPreview } from '../components/TextPreview';
import { useEditorsMounted } from './editorsGate';

// Monaco is most of the code: it loads in its own chunks once the pod's texts are on screen (editorsGate.ts).
const ManifestEditor = lazy(() => import('../components/ManifestEditor').then((m) => ({ default: m.ManifestEditor })));
const UnitViewer = lazy(() => import('../components/UnitViewer').then((m) => ({ default: m.UnitViewer })));
const DiffView = lazy(() => import('../components/DiffView').then((m) => ({ default: m.DiffView })));
const WriteDialog = lazy(() => import('../components/WriteDialog').then((m) => ({ default: m.WriteDialog })));

type Dialog =
  | { kind: 'palette' }
  | { kind: 'open'; dataDir?: string }
  | { kind: 'write' }
  | { kind: 'export'; initial?: { target: string; format: 'tar.gz' | 'dir' } };

function focusRegion(name: string) {
  const region = document.querySelector<HTMLElement>(`[role="region"][aria-label="${name}"]`);
  const target = region?.querySelector<HTMLElement>('textarea, .vlist, [tabindex="0"], button, input');
  (target ?? region)?.focus();
}

export function App() {
  const store = useStoreApi();
  const controller = useController();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [leftWidth, setLeftWidth] = useState(280);
  const [rightWidth, setRightWidth] = useState(Math.round(window.innerWidth * 0.4));
  const [diffHeight, setDiffHeight] = useState(Math.round(window.innerHeight * 0.42));
  const [problemsCollapsed, setProblemsCollapsed] = useState(false);
  const [problemsHeight, setProblemsHeight] = useState(150);
  const dark = useApp(isDark);
  const podOpen = useApp((s) => s.podStatus === 'open');
  const editorsMounted = useEditorsMounted();
  const dialogRef = useRef(dialog);
  dialogRef.current = dialog;

  const commands = useMemo<Command[]>(() => {
    const s = () => store.getState();
    const open = () => s().podStatus === 'open';
    const noDialog = () => dialogRef.current === null;
    return [
      { id: 'palette', title: 'Show all commands', shortcut: 'Ctrl+Shift+P', run: () => setDialog({ kind: 'palette' }) },
      { id: 'palette-f1', title: 'Show all commands', shortcut: 'F1', run: () => setDialog({ kind: 'palette' }) },
      { id: 'open', title: 'Open pod…', shortcut: 'Ctrl+O', run: () => setDialog({ kind: 'open' }), enabled: noDialog },
      { id: 'write', title: 'Write units…', shortcut: 'Ctrl+S', run: () => setDialog({ kind: 'write' }), enabled: () => open() && noDialog() },
      { id: 'export', title: 'Export bundle…', shortcut: 'Ctrl+Shift+E', run: () => setDialog({ kind: 'export' }), enabled: () => open() && noDialog() },
      {
        id: 'revert', title: 'Revert edits of this manifest', shortcut: 'Alt+Shift+R',
        run: () => { const id = s().activeDoc; if (id) controller.revertDoc(id); },
        enabled: () => { const id = s().activeDoc; return !!id && !!s().docs[id] && isEdited(s().docs[id]); },
      },
      {
        id: 'revert-all', title: 'Revert all manifest edits',
        run: () => controller.revertDoc(),
        enabled: () => s().docOrder.some((id) => isEdited(s().docs[id])),
      },
      {
        id: 'copy', title: 'Copy unit', shortcut: 'Alt+Shift+C',
        run: async () => {
          const text = selectedContent(s());
          const path = s().selectedFile;
          if (text === undefined || !path) return;
          const ok = await copyText(text);
          s().notify(ok ? 'success' : 'error', ok ? `Copied ${shortPath(path)}` : 'Could not copy to the clipboard');
        },
        enabled: () => selectedContent(s()) !== undefined,
      },
      { id: 'reload', title: 'Reload the pod from disk', shortcut: 'Alt+R', run: () => void controller.reload(), enabled: open },
      { id: 'diff-layout', title: 'Diff: toggle inline / side by side', shortcut: 'Alt+D', run: () => s().setDiffLayout(s().diffLayout === 'side' ? 'inline' : 'side') },
      { id: 'diff-disk', title: 'Diff: generated vs on disk', run: () => s().setDiffBase('disk') },
      { id: 'diff-original', title: 'Diff: edited vs original manifests', run: () => s().setDiffBase('original') },
      {
        id: 'diff-profile', title: 'Diff: this profile vs another',
        run: () => {
          const st = s();
          const cur = st.whatIf.profile ?? st.appInfo?.defaultProfile;
          if (!st.compareProfile) st.setCompareProfile(st.appInfo?.profiles.find((p) => p !== cur && p !== 'auto') ?? null);
          st.setDiffBase('profile');
        },
        enabled: () => (s().appInfo?.profiles.length ?? 0) > 1,
      },
      { id: 'theme', title: 'Toggle light / dark theme', shortcut: 'Alt+T', run: () => s().setThemePref(isDark(s()) ? 'light' : 'dark') },
      { id: 'theme-system', title: 'Theme: follow the system', run: () => s().setThemePref('system') },
      { id: 'focus-tree', title: 'Focus the pod tree', shortcut: 'Alt+1', run: () => focusRegion('Pod tree') },
      { id: 'focus-manifest', title: 'Focus the manifest editor', shortcut: 'Alt+2', run: () => focusRegion('Manifest editor') },
      { id: 'focus-unit', title: 'Focus the unit viewer', shortcut: 'Alt+3', run: () => focusRegion('Unit viewer') },
      { id: 'focus-diff', title: 'Focus the diff', shortcut: 'Alt+4', run: () => focusRegion('Diff') },
      { id: 'focus-problems', title: 'Focus the problems list', shortcut: 'Alt+5', run: () => { setProblemsCollapsed(false); s().setProblemsTab('problems'); setTimeout(() => document.getElementById('problems-list')?.focus(), 0); } },
      {
        id: 'next-problem', title: 'Go to the next problem', shortcut: 'F8',
        run: () => {
          const list = problems(s());
          const p = list.find((x) => x.doc && (x.pointer !== undefined || x.line !== undefined)) ?? list[0];
          if (!p) return;
          if (p.doc && p.pointer !== undefined) s().requestReveal(p.doc, p.pointer, true);
          else if (p.doc && p.line !== undefined) s().requestRevealPosition(p.doc, p.line, p.column ?? 1);
        },
        enabled: () => problems(s()).length > 0,
      },
      {
        id: 'diagnostics', title: 'Diagnostics: why did this pod fail?', shortcut: 'Alt+6',
        run: () => { setProblemsCollapsed(false); setProblemsHeight((cur) => Math.max(cur, 400)); s().setProblemsTab('diagnostics'); },
        enabled: open,
      },
      {
        id: 'journal', title: 'Show the pod journal',
        run: () => { setProblemsCollapsed(false); setProblemsHeight((cur) => Math.max(cur, 400)); s().setProblemsTab('journal'); },
        enabled: open,
      },
      { id: 'what-if-reset', title: 'What if: reset to the pod\'s own settings', run: () => controller.setWhatIf({ flavor: null, systemdVersion: null, runtime: {}, cgroupControllers: undefined }) },
    ];
  }, [store, controller]);

  useEffect(() => installShortcuts(() => commands), [commands]);

  useEffect(() => controller.onCommand((ev) => {
    if (ev.command === 'write-units') setDialog({ kind: 'write' });
    else if (ev.command === 'export-bundle') setDialog({ kind: 'export', initial: { target: ev.target, format: ev.format } });
    else if (ev.command === 'open-data-dir') setDialog({ kind: 'open', dataDir: ev.path });
  }), [controller]);

  const close = () => setDialog(null);
  const paletteCommands = commands.filter((c) => c.id !== 'palette-f1');

  return (
    <div className={`app ${dark ? 'theme-dark' : 'theme-light'}`}>
      <Toolbar
        onOpen={() => setDialog({ kind: 'open' })}
        onWrite={() => setDialog({ kind: 'write' })}
        onExport={() => setDialog({ kind: 'export' })}
        onPalette={() => setDialog({ kind: 'palette' })}
        onToggleTheme={() => store.getState().setThemePref(isDark(store.getState()) ? 'light' : 'dark')}
      />
      <Banners />
      <div className="panes" style={{ gridTemplateColumns: `${leftWidth}px 5px minmax(280px, 1fr) 5px ${rightWidth}px` }}>
        <aside className="left-column">
          <PodTree />
          <WhatIfPanel />
        </aside>
        <Splitter orientation="vertical" label="Resize the pod tree" value={leftWidth} min={180} max={600} onChange={setLeftWidth} />
        <main className="center-column" style={{ gridTemplateRows: `minmax(120px, 1fr) 5px ${problemsCollapsed ? 'auto' : `${problemsHeight}px`}` }}>
          <EditorPane mounted={editorsMounted} shell={<PaneShell name="Manifest editor" className="manifest-pane"><ManifestPreview /></PaneShell>}>
            <ManifestEditor />
          </EditorPane>
          <Splitter orientation="horizontal" label="Resize the problems list" value={problemsHeight} min={60} max={600} invert onChange={(v) => { setProblemsHeight(v); setProblemsCollapsed(false); }} />
          <ProblemsPanel collapsed={problemsCollapsed} onToggle={() => setProblemsCollapsed(!problemsCollapsed)} onWantHeight={(h) => setProblemsHeight((cur) => Math.max(cur, h))} />
        </main>
        <Splitter orientation="vertical" label="Resize the unit and diff column" value={rightWidth} min={300} max={Math.max(320, window.innerWidth - 500)} invert onChange={setRightWidth} />
        <div className="right-column" style={{ gridTemplateRows: `minmax(120px, 1fr) 5px ${diffHeight}px` }}>
          <EditorPane mounted={editorsMounted} shell={<PaneShell name="Unit viewer" className="unit-pane"><UnitPreview /></PaneShell>}>
            <UnitViewer />
          </EditorPane>
          <Splitter orientation="horizontal" label="Resize the diff" value={diffHeight} min={120} max={Math.max(140, window.innerHeight - 260)} invert onChange={setDiffHeight} />
          <EditorPane mounted={editorsMounted} shell={<PaneShell name="Diff" className="diff-pane" />}>
            <DiffView />
          </EditorPane>
        </div>
      </div>
      <StatusBar />
      <Notices />
      {!podOpen && dialog === null && <WelcomeHint onOpen={() => setDialog({ kind: 'open' })} />}
      {dialog?.kind === 'palette' && <CommandPalette commands={paletteCommands} onClose={close} />}
      {dialog?.kind === 'open' && <OpenPodDialog onClose={close} initialDataDir={dialog.dataDir} />}
      {dialog?.kind === 'write' && <Suspense fallback={null}><WriteDialog onClose={close} /></Suspense>}
      {dialog?.kind === 'export' && <ExportDialog onClose={close} initial={dialog.initial} />}
    </div>
  );
}

/** A Monaco pane: its shell (with a text preview) until the editors mount, then while its code loads. */
function EditorPane({ mounted, shell, children }: { mounted: boolean; shell: ReactNode; children: ReactNode }) {
  return mounted ? <Suspense fallback={shell}>{children}</Suspense> : shell;
}

function WelcomeHint({ onOpen }: { onOpen(): void }) {
  const status = useApp((s) => s.podStatus);
  const info = useApp((s) => s.appInfo);
  if (status === 'opening' || !info) return null;
  return (
    <div className="welcome" role="note">
      <p>Open an rkt pod root to inspect its manifests and the units stage1 generates from them.</p>
      <button className="primary" onClick={onOpen}>Open pod…</button>
    </div>
  );
}
