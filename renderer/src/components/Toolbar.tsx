/** @jsxRuntime automatic */
// Top bar: open, the pod, the generator profile, the two main actions, the palette.
import { profileNames } from '../store/selectors';
import { useApp, useController } from '../app/context';
import { isDark } from '../store/selectors';
import { baseName } from '../model/paths';

export interface ToolbarProps {
  onOpen(): void;
  onWrite(): void;
  onExport(): void;
  onPalette(): void;
  onToggleTheme(): void;
}

export function Toolbar(props: ToolbarProps) {
  const controller = useController();
  const root = useApp((s) => s.summary?.root ?? null);
  const sample = useApp((s) => s.summary?.sample ?? false);
  const podOpen = useApp((s) => s.podStatus === 'open');
  const opening = useApp((s) => s.podStatus === 'opening');
  const profiles = useApp(profileNames);
  const defaultProfile = useApp((s) => s.appInfo?.defaultProfile ?? '');
  const profile = useApp((s) => s.whatIf.profile ?? s.appInfo?.defaultProfile ?? '');
  const generatedWith = useApp((s) => s.plan?.profile ?? null);
  const dark = useApp(isDark);

  return (
    <header className="toolbar" role="banner">
      <div className="brand" aria-hidden>podunit</div>
      <button onClick={props.onOpen} title="Open a pod (Ctrl+O)">Open…</button>
      <div className="pod-name" title={root ?? ''}>
        {opening ? 'Opening…' : root ? <><strong>{baseName(root)}</strong>{sample && <span className="badge">sample</span>}</> : <span className="muted">no pod</span>}
      </div>
      <span className="toolbar-spacer" />
      <label className="toolbar-field">
        <span>Profile</span>
        <select
          aria-label="Profile"
          value={profile}
          disabled={profiles.length === 0}
          onChange={(e) => controller.setWhatIf({ profile: e.target.value === defaultProfile ? null : e.target.value })}
        >
          {profiles.length === 0 && <option value="">—</option>}
          {profiles.map((p) => (
            <option key={p} value={p}>
              {p}
              {p === defaultProfile ? ' (default)' : ''}
              {p === 'auto' && profile === 'auto' && generatedWith ? ` → detected ${generatedWith}` : ''}
            </option>
          ))}
        </select>
      </label>
      <button className="primary" onClick={props.onWrite} disabled={!podOpen} title="Write the generated units into the pod (Ctrl+S)">Write units</button>
      <button onClick={props.onExport} disabled={!podOpen} title="Export a bundle (Ctrl+Shift+E)">Export bundle</button>
      <button className="icon-button" onClick={props.onToggleTheme} aria-label={dark ? 'Use light theme' : 'Use dark theme'} title="Toggle theme (Alt+T)">{dark ? '☀' : '☾'}</button>
      <button className="icon-button" onClick={props.onPalette} aria-label="Command palette" title="Command palette (Ctrl+Shift+P)">⌘</button>
    </header>
  );
}
