/** @jsxRuntime automatic */
// "Why did this pod fail?": the doctor's findings for the open pod, most likely first. The
// doctor runs when this view is on screen and the pod is new or changed on disk.
import { useEffect } from 'react';
import { useApp, useController } from '../app/context';
import { FindingItem } from './FindingItem';

export function DiagnosticsView() {
  const controller = useController();
  const podOpen = useApp((s) => s.podStatus === 'open');
  const root = useApp((s) => s.summary?.root ?? null);
  const doctor = useApp((s) => s.doctor);
  const status = useApp((s) => s.podStatusView);

  useEffect(() => {
    if (podOpen && doctor.status === 'idle') void controller.diagnostics.runDoctor();
  }, [controller, podOpen, root, doctor.status]);

  if (!podOpen) return <div className="muted diag-note">Open a pod to see why it failed.</div>;
  const report = doctor.report && doctor.report.root === doctor.root ? doctor.report : null;
  const running = doctor.status === 'running';
  const complaints = report?.verify?.diagnostics.filter((d) => d.level !== 'note') ?? [];
  const verifyCount = complaints.length;

  return (
    <div className="diagnostics" aria-busy={running}>
      <div className="diag-bar">
        {status && (
          <span className="diag-state">
            State <strong>{status.state ?? 'unknown'}</strong>
            {status.apps.map((a) => (
              <span key={a.name} className="badge" title={a.exit ?? undefined}>{a.name}: {a.exitCode === null ? 'no exit status' : a.exit?.split(':')[0] ?? a.exitCode}</span>
            ))}
          </span>
        )}
        {running && <span className="muted">Examining the pod…</span>}
        <button className="small diag-rerun" onClick={() => void controller.diagnostics.runDoctor()} disabled={running}>Run again</button>
      </div>
      {doctor.error && <div className="banner banner-error" role="alert">The doctor could not examine the pod: {doctor.error}</div>}
      {report && (
        <>
          <ol className="findings" aria-label="Findings">
            {report.findings.map((f, i) => <FindingItem key={`${f.code}:${f.app ?? ''}:${i}`} finding={f} first={i === 0} />)}
          </ol>
          {(report.notes.length > 0 || report.journal.problem || report.verify) && (
            <ul className="diag-notes" aria-label="Notes">
              {report.journal.problem && <li>Journal: {report.journal.problem}</li>}
              {report.verify && (
                <li>
                  {report.verify.available
                    ? `systemd-analyze verify${report.verify.analyzerVersion ? ` (${report.verify.analyzerVersion})` : ''}: ${verifyCount === 0 ? 'nothing to report' : `${verifyCount} complaint${verifyCount === 1 ? '' : 's'}`}`
                    : 'systemd-analyze verify did not run.'}
                  {complaints.length > 0 && (
                    <ul className="verify-list">
                      {complaints.map((d, i) => (
                        <li key={i}>
                          <span className={`sev sev-${d.level === 'error' ? 'error' : 'warning'}`}>{d.level}</span>{' '}
                          {d.rel ? (
                            <button className="link inline-link" onClick={() => void controller.diagnostics.openFile(d.rel!, d.line, d.message)}>
                              {d.unit ?? d.rel}{d.line ? `:${d.line}` : ''}
                            </button>
                          ) : d.unit}{' '}
                          {d.message}
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              )}
              {report.notes.map((n, i) => <li key={i}>{n}</li>)}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
