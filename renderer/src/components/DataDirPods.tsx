/** @jsxRuntime automatic */
// The pods of an rkt data dir, grouped by state as rkt reports it, with creation and start
// times and whether the pod directory is locked; choosing one opens it.
import type { DataDirPod } from '../../../shared/ipc/contract';

function when(iso: string | null): string {
  return iso ? iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, '') : '—';
}

function lockText(locked: boolean | null): string {
  return locked === null ? 'lock not checked' : locked ? 'locked' : 'unlocked';
}

/** States in rkt's order of a pod's life, each with its pods in the order listed. */
export function groupByState(pods: DataDirPod[]): { state: string; pods: DataDirPod[] }[] {
  const groups = new Map<string, DataDirPod[]>();
  for (const p of pods) {
    const list = groups.get(p.state);
    if (list) list.push(p);
    else groups.set(p.state, [p]);
  }
  return [...groups].map(([state, list]) => ({ state, pods: list }));
}

export function DataDirPods({ dir, pods, busy, onOpen }: { dir: string; pods: DataDirPod[]; busy: boolean; onOpen(root: string): void }) {
  return (
    <div className="list-block pod-groups">
      <h3>Pods in {dir}</h3>
      {pods.length === 0 && <div className="muted">No pods.</div>}
      {groupByState(pods).map((g) => (
        <section key={g.state} aria-label={`Pods ${g.state}`}>
          <h4>{g.state} ({g.pods.length})</h4>
          <ul className="pick-list">
            {g.pods.map((p) => (
              <li key={p.root}>
                <button className="link pod-row" onClick={() => onOpen(p.root)} disabled={busy} aria-label={`Open pod ${p.uuid} (${p.state})`} title={p.root}>
                  <span className="mono">{p.uuid.slice(0, 8)}</span>
                  <span>
                    {p.apps.map((a, i) => (p.images[i] ? `${a} (${p.images[i]})` : a)).join(', ') || <span className="muted">no apps</span>}
                    {p.error && <span className="status-error"> {p.error}</span>}
                  </span>
                  <span className="pod-meta">
                    created {when(p.createdAt)}{p.startedAt ? ` · started ${when(p.startedAt)}` : ''} · {lockText(p.locked)}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
