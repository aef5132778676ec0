/** @jsxRuntime automatic */
// The problems list: generator errors and warnings, JSON syntax and schema problems, pod
// warnings. Selecting one reveals its place (manifest field, editor position or file).
// Beside it, as tabs: the doctor's diagnostics and the pod journal.
import { useShallow } from 'zustand/react/shallow';
import { DiagnosticsView } from './DiagnosticsView';
import { JournalPanel } from './JournalPanel';
import type { ProblemsTab } from '../store/doctorSlice';
import { useApp, useStoreApi } from '../app/context';
import { problems, problemCounts } from '../store/selectors';
import type { AppState } from '../store/appState';
import type { DocId, Problem } from '../store/types';
import { memoLast } from '../model/memo';
import { shortPath } from '../model/paths';

const ORIGIN_LABEL: Record<Problem['origin'], string> = {
  generator: 'generator',
  schema: 'schema',
  syntax: 'JSON',
  pod: 'pod',
  app: 'podunit',
};

/** Label of each manifest, built once per change of the documents (not on every state change). */
const docLabels = memoLast((docs: AppState['docs'], order: DocId[]): Record<DocId, string> =>
  Object.fromEntries(order.map((id) => [id, docs[id]?.id === 'pod' ? 'pod' : docs[id]?.label ?? id])));

const TABS: { id: ProblemsTab; label: string }[] = [
  { id: 'problems', label: 'Problems' },
  { id: 'diagnostics', label: 'Diagnostics' },
  { id: 'journal', label: 'Journal' },
];

export function ProblemsPanel({ collapsed, onToggle, onWantHeight }: { collapsed: boolean; onToggle(): void; onWantHeight?(px: number): void }) {
  const store = useStoreApi();
  const tab = useApp((s) => s.problemsTab);
  const findingCount = useApp((s) => (s.doctor.report && s.doctor.report.root === s.summary?.root
    ? s.doctor.report.findings.filter((f) => f.severity !== 'info').length : null));
  const choose = (id: ProblemsTab) => {
    store.getState().setProblemsTab(id);
    if (collapsed) onToggle();
    if (id !== 'problems') onWantHeight?.(400);
  };
  const list = useApp(useShallow(problems));
  const counts = problemCounts(list);
  const docLabel = useApp(useShallow((s) => docLabels(s.docs, s.docOrder)));

  const open = (p: Problem) => {
    const s = store.getState();
    if (p.doc && p.pointer !== undefined) s.requestReveal(p.doc, p.pointer, true);
    else if (p.doc && p.line) s.requestRevealPosition(p.doc, p.line, p.column ?? 1);
    else if (p.doc) s.setActiveDoc(p.doc);
    else if (p.file) s.requestLineReveal(p.file, [1]);
  };

  return (
    <section className={`pane problems-pane ${collapsed ? 'collapsed' : ''}`} role="region" aria-label="Problems">
      <div className="pane-header">
        <button className="pane-title as-button" aria-expanded={!collapsed} onClick={onToggle}>
          <span className="twisty" aria-hidden>{collapsed ? '▸' : '▾'}</span> Problems
          <span className={`count-pill ${counts.errors ? 'has-errors' : ''}`}>{counts.errors} errors</span>
          <span className={`count-pill ${counts.warnings ? 'has-warnings' : ''}`}>{counts.warnings} warnings</span>
        </button>
        <div className="tabs problems-tabs" role="tablist" aria-label="Problems views">
          {TABS.map((t) => (
            <button
              key={t.id}
              role="tab"
              id={`problems-tab-${t.id}`}
              aria-selected={tab === t.id}
              aria-controls={`problems-tabpanel-${t.id}`}
              className={`tab-label problems-tab ${tab === t.id ? 'active' : ''}`}
              onClick={() => choose(t.id)}
            >
              {t.label}
              {t.id === 'diagnostics' && findingCount !== null && <span className={`count-pill ${findingCount ? 'has-errors' : ''}`}>{findingCount}</span>}
            </button>
          ))}
        </div>
      </div>
      {!collapsed && tab !== 'problems' && (
        <div className="problems-tabpanel" role="tabpanel" id={`problems-tabpanel-${tab}`} aria-labelledby={`problems-tab-${tab}`}>
          {tab === 'diagnostics' ? <DiagnosticsView /> : <JournalPanel />}
        </div>
      )}
      {!collapsed && tab === 'problems' && (
        <ul className="problems-list" id="problems-list" tabIndex={-1} aria-label="Problems list">
          {list.length === 0 && <li className="muted problem-none">No problems.</li>}
          {list.map((p) => (
            <li key={p.id}>
              <button className={`problem problem-${p.severity}`} onClick={() => open(p)}>
                <span className={`sev sev-${p.severity}`} aria-label={p.severity}>{p.severity === 'error' ? '✖' : p.severity === 'warning' ? '▲' : 'ℹ'}</span>
                <span className="problem-message">{p.message}</span>
                <span className="problem-where">
                  {ORIGIN_LABEL[p.origin]}
                  {p.doc && ` · ${docLabel[p.doc] ?? p.doc}`}
                  {p.pointer !== undefined && p.pointer !== '' && ` ${p.pointer}`}
                  {p.line !== undefined && ` ${p.line}:${p.column ?? 1}`}
                  {p.file && ` · ${shortPath(p.file)}`}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
