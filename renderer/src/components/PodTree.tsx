/** @jsxRuntime automatic */
// Left pane: the pod as a tree (manifests, generated files by group with their state against
// disk, files only on disk, problems), virtualized and keyboard-navigable.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApp, useStoreApi } from '../app/context';
import { VirtualList } from './VirtualList';
import { ancestorsOf, buildRows, groupFiles, type RowState, type TreeDoc, type TreeFile, type TreeRow } from '../model/treeModel';
import { memoLast } from '../model/memo';
import { coveredByDisk, diskBackups } from '../model/planFiles';
import { appsOf } from '../model/podApps';
import { appNames, diskSummary, planFiles, problemCounts, problems } from '../store/selectors';
import { isEdited } from '../store/editorsSlice';
import type { AppState } from '../store/appState';
import type { Problem } from '../store/types';
import type { Plan } from '../../../shared/plan';

const ROW_HEIGHT = 24;

const treeFiles = memoLast((plan: Plan | null): TreeFile[] =>
  [...planFiles(plan)].map(([path, side]) => ({ path, kind: side.kind === 'symlink' ? 'symlink' : 'file' })));

const backupPaths = memoLast((disk: AppState['disk']): string[] => (disk ? diskBackups(disk.files) : []));

const groupedFiles = memoLast((files: TreeFile[], apps: readonly string[]) => groupFiles(files, apps));

const docRowsOf = memoLast((docs: AppState['docs'], order: string[], summary: AppState['summary'], list: Problem[]): TreeDoc[] => {
  const errorsByDoc = new Set<string>();
  for (const p of list) if (p.doc && p.severity === 'error') errorsByDoc.add(p.doc);
  const images = new Map((summary?.apps ?? []).map((a) => [a.name, a.imageName]));
  return order.map((id) => {
    const d = docs[id];
    return {
      id,
      label: id === 'pod' ? 'Pod manifest' : d.label,
      detail: id === 'pod' ? 'pod' : images.get(d.label) ?? 'image manifest',
      edited: isEdited(d),
      problem: errorsByDoc.has(id),
    };
  });
});

/** Manifest rows of the tree; the same array while nothing they show changes. */
const docRows = (s: AppState) => docRowsOf(s.docs, s.docOrder, s.summary, problems(s));

export function PodTree() {
  const store = useStoreApi();
  const [expanded, setExpanded] = useState<ReadonlyMap<string, boolean>>(new Map());
  const [focusIndex, setFocusIndex] = useState(0);

  const plan = useApp((s) => s.plan);
  const disk = useApp((s) => s.disk);
  const podText = useApp((s) => s.docs.pod?.text ?? null);
  const summaryApps = useApp(appNames);
  const docs = useApp(docRows);
  const counts = useApp(useShallow((s) => problemCounts(problems(s))));
  const selectedFile = useApp((s) => s.selectedFile);
  const activeDoc = useApp((s) => s.activeDoc);
  const podOpen = useApp((s) => s.podStatus === 'open');
  const lineReveal = useApp((s) => s.lineReveal);

  const apps = useMemo(() => appsOf(podText, summaryApps), [podText, summaryApps]);
  const files = treeFiles(plan);
  const grouped = groupedFiles(files, apps);
  const summary = diskSummary(plan, disk);
  const backups = backupPaths(disk);

  const rows = useMemo(() => {
    const stateOf = (path: string): RowState => {
      if (!disk || !coveredByDisk(path, disk.coverage)) return 'unknown';
      return summary.byPath.get(path) ?? 'same';
    };
    return buildRows({
      docs,
      apps,
      files,
      stateOf,
      diskOnly: summary.removed,
      backups,
      problems: counts,
      expanded,
    }, grouped);
  }, [docs, apps, files, grouped, summary, backups, disk, counts, expanded]);

  // Open the folders of a file revealed from elsewhere.
  useEffect(() => {
    if (!lineReveal) return;
    setExpanded((m) => {
      const next = new Map(m);
      for (const id of ancestorsOf(lineReveal.path, apps)) next.set(id, true);
      return next;
    });
  }, [lineReveal, apps]);

  // Follow a file selected elsewhere (once its row exists), not every change of the rows.
  const followed = useRef<string | null>(null);
  useEffect(() => {
    if (!selectedFile || followed.current === selectedFile) return;
    const i = rows.findIndex((r) => (r.type === 'file' || r.type === 'disk-only') && r.path === selectedFile);
    if (i >= 0) { setFocusIndex(i); followed.current = selectedFile; }
  }, [selectedFile, rows]);

  const toggle = useCallback((row: TreeRow, open?: boolean) => {
    if (row.type !== 'section') return;
    setExpanded((m) => new Map(m).set(row.id, open ?? !row.expanded));
  }, []);

  const activate = useCallback((row: TreeRow) => {
    const s = store.getState();
    if (row.type === 'section') toggle(row);
    else if (row.type === 'doc') s.setActiveDoc(row.docId);
    else if (row.type === 'file' || row.type === 'disk-only') s.selectFile(row.path);
    else if (row.type === 'problems') document.getElementById('problems-list')?.focus();
  }, [store, toggle]);

  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>) => {
    const row = rows[focusIndex];
    const move = (i: number) => { e.preventDefault(); setFocusIndex(Math.max(0, Math.min(rows.length - 1, i))); };
    switch (e.key) {
      case 'ArrowDown': move(focusIndex + 1); break;
      case 'ArrowUp': move(focusIndex - 1); break;
      case 'Home': move(0); break;
      case 'End': move(rows.length - 1); break;
      case 'PageDown': move(focusIndex + 15); break;
      case 'PageUp': move(focusIndex - 15); break;
      case 'ArrowRight':
        if (row?.type === 'section' && !row.expanded) { e.preventDefault(); toggle(row, true); } else move(focusIndex + 1);
        break;
      case 'ArrowLeft':
        if (row?.type === 'section' && row.expanded) { e.preventDefault(); toggle(row, false); }
        else {
          e.preventDefault();
          for (let i = focusIndex - 1; i >= 0; i--) if (rows[i].type === 'section' && rows[i].depth < (row?.depth ?? 0)) { setFocusIndex(i); break; }
        }
        break;
      case 'Enter':
      case ' ':
        if (row) { e.preventDefault(); activate(row); }
        break;
    }
  };

  const renderRow = (row: TreeRow, index: number) => {
    const selected =
      ((row.type === 'file' || row.type === 'disk-only') && row.path === selectedFile) ||
      (row.type === 'doc' && row.docId === activeDoc);
    return (
      <div
        key={row.id}
        id={`tree-row-${index}`}
        role="treeitem"
        aria-level={row.depth + 1}
        aria-expanded={row.type === 'section' ? row.expanded : undefined}
        aria-selected={selected}
        className={`tree-row tree-${row.type} ${selected ? 'selected' : ''} ${index === focusIndex ? 'focused' : ''}`}
        style={{ height: ROW_HEIGHT, paddingLeft: 8 + row.depth * 14 }}
        onClick={() => { setFocusIndex(index); activate(row); }}
        title={row.type === 'file' || row.type === 'disk-only' ? row.path : undefined}
        data-path={row.type === 'file' || row.type === 'disk-only' ? row.path : undefined}
        data-node={row.id}
      >
        {renderContent(row)}
      </div>
    );
  };

  return (
    <section className="pane tree-pane" role="region" aria-label="Pod tree">
      <div className="pane-header"><span className="pane-title">Pod</span></div>
      {!podOpen ? (
        <div className="empty-note">No pod open.</div>
      ) : (
        <VirtualList
          items={rows}
          rowHeight={ROW_HEIGHT}
          render={renderRow}
          scrollToIndex={focusIndex}
          role="tree"
          label="Pod contents"
          activeDescendant={`tree-row-${focusIndex}`}
          onKeyDown={onKeyDown}
          className="tree"
        />
      )}
    </section>
  );
}

const STATE_MARK: Record<RowState, { mark: string; title: string }> = {
  changed: { mark: 'M', title: 'differs from the file on disk' },
  added: { mark: 'A', title: 'not on disk yet' },
  removed: { mark: 'D', title: 'only on disk' },
  same: { mark: '', title: 'same as on disk' },
  unknown: { mark: '', title: 'not compared with disk' },
};

function renderContent(row: TreeRow) {
  switch (row.type) {
    case 'section':
      return (
        <>
          <span className="twisty" aria-hidden>{row.expanded ? '▾' : '▸'}</span>
          <span className="tree-label">{row.label}</span>
          {row.count !== undefined && <span className="tree-count">{row.count}</span>}
        </>
      );
    case 'doc':
      return (
        <>
          <span className="icon icon-json" aria-hidden>{'{}'}</span>
          <span className="tree-label">{row.label}</span>
          <span className="tree-detail">{row.detail}</span>
          {row.edited && <span className="edited-dot" title="edited">●</span>}
          {row.problem && <span className="problem-dot" title="has errors">!</span>}
        </>
      );
    case 'file': {
      const st = STATE_MARK[row.state];
      return (
        <>
          <span className={`icon icon-${row.fileKind}`} aria-hidden>{row.fileKind === 'symlink' ? '↪' : '▤'}</span>
          <span className="tree-label">{row.label}</span>
          {st.mark && <span className={`state-mark state-${row.state}`} title={st.title} aria-label={st.title}>{st.mark}</span>}
        </>
      );
    }
    case 'disk-only':
      if (row.backup) {
        return (
          <>
            <span className="icon icon-disk" aria-hidden>▢</span>
            <span className="tree-label">{row.label}</span>
            <span className="state-mark state-backup" title="copy podunit kept of a file it replaced" aria-label="backup">B</span>
          </>
        );
      }
      return (
        <>
          <span className="icon icon-disk" aria-hidden>▢</span>
          <span className="tree-label">{row.label}</span>
          <span className="state-mark state-removed" title="on disk, not generated" aria-label="on disk, not generated">D</span>
        </>
      );
    case 'problems':
      return (
        <>
          <span className="icon" aria-hidden>⚠</span>
          <span className="tree-label">Problems</span>
          <span className="tree-count">{row.errors} errors · {row.warnings} warnings</span>
        </>
      );
  }
}
