/** @jsxRuntime automatic */
// One piece of a finding's evidence, as a link to where it can be seen: a file or unit line
// in the unit viewer, a journal entry in the journal panel, a manifest in the editor.
import type { Evidence, Finding } from '../../../shared/ipc/diagnostics-schemas';
import { useController } from '../app/context';
import { shortPath } from '../model/paths';

export function evidenceLabel(e: Evidence): string {
  const where = e.rel ? shortPath(e.rel) : e.path ?? '';
  switch (e.kind) {
    case 'unit-line': return `${where}:${e.line ?? 1}`;
    case 'journal': return `journal ${e.time ? e.time.replace('T', ' ').replace(/\.\d+Z$|Z$/, '') : ''}`.trim();
    case 'status': return `status ${where}`.trim();
    case 'manifest': return e.rel ? where : 'manifest';
    case 'tool': return 'tool';
    default: return e.line ? `${where}:${e.line}` : where || 'file';
  }
}

/** Whether clicking leads anywhere (a path inside the pod, a journal entry, a manifest). */
export function isOpenable(e: Evidence): boolean {
  return e.kind === 'journal' || e.kind === 'manifest' || e.rel !== null;
}

export function EvidenceLink({ finding, evidence }: { finding: Finding; evidence: Evidence }) {
  const controller = useController();
  const label = evidenceLabel(evidence);
  return (
    <li className={`evidence evidence-${evidence.kind}`}>
      {isOpenable(evidence) ? (
        <button
          className="link evidence-link"
          title={evidence.path ?? undefined}
          aria-label={`Open evidence ${label}`}
          onClick={() => void controller.diagnostics.openEvidence(finding, evidence)}
        >
          <span className="evidence-where">{label}</span>
          <span className="evidence-text">{evidence.text}</span>
        </button>
      ) : (
        <div className="evidence-static" title={evidence.path ?? undefined}>
          <span className="evidence-where">{label}</span>
          <span className="evidence-text">{evidence.text}</span>
        </div>
      )}
    </li>
  );
}
