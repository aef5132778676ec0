/** @jsxRuntime automatic */
// "Lines this field produced": the reverse of provenance, listed under the manifest editor.
import { useEffect, useMemo } from 'react';
import { useApp, useController, useStoreApi } from '../app/context';
import { linesFromField } from '../model/provenance';
import { shortPath } from '../model/paths';
import { sourceDocOf } from '../store/types';
import { planFiles } from '../store/selectors';

export function ProducedLines() {
  const store = useStoreApi();
  const controller = useController();
  const query = useApp((s) => s.producedQuery);
  const plan = useApp((s) => s.plan);
  const provenanceVersion = useApp((s) => s.provenanceVersion);
  // Reverse provenance needs every file's: fetched once per plan while the list is open.
  useEffect(() => { if (query && plan) void controller.ensureProvenance('all'); }, [controller, query, plan]);
  const lines = useMemo(
    () => (query && plan ? linesFromField(plan, sourceDocOf(query.doc), query.pointer) : []),
    // provenanceVersion: the plan's provenance grew since.
    [query, plan, provenanceVersion],
  );
  if (!query) return null;
  const files = planFiles(plan);
  const textOf = (path: string, line: number) => files.get(path)?.content?.split('\n')[line - 1] ?? '';
  return (
    <div className="produced" role="group" aria-label="Produced lines">
      <div className="produced-head">
        <span>Lines produced by <code>{query.pointer || '(whole document)'}</code> — {lines.length}{lines.length >= 500 ? '+' : ''}</span>
        <button className="small" aria-label="Close produced lines" onClick={() => store.getState().setProducedQuery(null)}>×</button>
      </div>
      {lines.length === 0 ? (
        <div className="produced-empty">No generated line names this field as its source.</div>
      ) : (
        <ul className="produced-list">
          {lines.slice(0, 200).map((l) => (
            <li key={`${l.path}:${l.line}`}>
              <button className="link" onClick={() => store.getState().requestLineReveal(l.path, [l.line])}>
                <span className="produced-loc">{shortPath(l.path)}:{l.line}</span>
                <code className="produced-text">{textOf(l.path, l.line)}</code>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
