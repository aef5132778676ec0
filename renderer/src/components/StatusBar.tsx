/** @jsxRuntime automatic */
// Bottom line: pod path, profile, flavor and systemd version, problem counts, generation time.
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../app/context';
import { problemCounts, problems } from '../store/selectors';

export function StatusBar() {
  const root = useApp((s) => s.summary?.root ?? null);
  const profile = useApp((s) => s.plan?.profile ?? s.whatIf.profile ?? s.appInfo?.defaultProfile ?? '—');
  const flavor = useApp((s) => s.whatIf.flavor ?? s.summary?.flavor ?? '?');
  const version = useApp((s) => s.whatIf.systemdVersion ?? s.summary?.systemdVersion ?? '?');
  const counts = useApp(useShallow((s) => problemCounts(problems(s))));
  const elapsed = useApp((s) => s.plan?.elapsedMs ?? null);
  const roundTrip = useApp((s) => s.roundTripMs);
  const stale = useApp((s) => s.stale);
  const generating = useApp((s) => s.generating);
  const connection = useApp((s) => s.connection);
  const gone = useApp((s) => s.podGone);

  return (
    <footer className="statusbar" role="contentinfo" aria-label="Status">
      <span className="status-item status-path" title={root ?? ''}>{root ?? 'No pod'}</span>
      {gone && <span className="status-item status-error">pod root missing</span>}
      <span className="status-item" title="Generator profile">profile {profile}</span>
      <span className="status-item" title="stage1 flavor and systemd version">{flavor} · systemd {version}</span>
      <span className={`status-item ${counts.errors ? 'status-error' : ''}`} aria-label={`${counts.errors} errors`}>✖ {counts.errors}</span>
      <span className={`status-item ${counts.warnings ? 'status-warn' : ''}`} aria-label={`${counts.warnings} warnings`}>▲ {counts.warnings}</span>
      <span className="status-spacer" />
      {stale && <span className="status-item status-warn">stale</span>}
      {generating && <span className="status-item">generating…</span>}
      {elapsed !== null && (
        <span className="status-item" title="Generation time in the main process; round trip from the edit">
          generated in {elapsed.toFixed(1)} ms{roundTrip !== null ? ` (${roundTrip.toFixed(0)} ms round trip)` : ''}
        </span>
      )}
      {connection !== 'open' && <span className="status-item status-warn">{connection === 'connecting' ? 'connecting…' : 'disconnected'}</span>}
    </footer>
  );
}
