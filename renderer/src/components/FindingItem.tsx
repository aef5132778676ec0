/** @jsxRuntime automatic */
// A doctor finding: code, severity, title, detail, next step and its evidence.
import type { Finding } from '../../../shared/ipc/diagnostics-schemas';
import { EvidenceLink } from './EvidenceLink';

const SEVERITY_MARK = { error: '✖', warning: '▲', info: 'ℹ' } as const;

export function FindingItem({ finding, first }: { finding: Finding; first: boolean }) {
  return (
    <li className={`finding finding-${finding.severity} ${first ? 'finding-first' : ''}`} data-code={finding.code} aria-label={`${finding.code}: ${finding.title}`}>
      <div className="finding-head">
        <span className={`sev sev-${finding.severity}`} aria-label={finding.severity}>{SEVERITY_MARK[finding.severity]}</span>
        <span className="finding-title">{finding.title}</span>
        <code className="finding-code">{finding.code}</code>
      </div>
      <p className="finding-detail">{finding.detail}</p>
      {finding.evidence.length > 0 && (
        <ul className="evidence-list" aria-label="Evidence">
          {finding.evidence.map((e, i) => <EvidenceLink key={i} finding={finding} evidence={e} />)}
        </ul>
      )}
      <p className="finding-next"><span className="finding-next-label">Next step:</span> {finding.nextStep}</p>
    </li>
  );
}
