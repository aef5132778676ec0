/** @jsxRuntime automatic */
// Opening a pod: a path typed in (browser mode has no native dialog), the native chooser in
// Electron, the sample pods and the recently opened ones; or an rkt data dir to pick from.
import { useEffect, useState } from 'react';
import { useApp, useController, useStoreApi } from '../app/context';
import { Modal } from './Modal';
import { DataDirPods } from './DataDirPods';
import type { DataDirPod } from '../../../shared/ipc/contract';

export function OpenPodDialog({ onClose, initialDataDir }: { onClose(): void; initialDataDir?: string }) {
  const controller = useController();
  const store = useStoreApi();
  const info = useApp((s) => s.appInfo);
  const current = useApp((s) => s.summary?.root ?? '');
  const [path, setPath] = useState(initialDataDir ?? current);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [dataDir, setDataDir] = useState<{ dir: string; pods: DataDirPod[] } | null>(null);

  const open = async (root: string) => {
    if (!root.trim()) return;
    setBusy(true);
    setError(null);
    const ok = await controller.openPod(root.trim());
    setBusy(false);
    if (ok) { onClose(); return; }
    const err = store.getState().openError;
    // A data dir typed where a pod root was expected: list its pods instead.
    if (err?.code === 'not-a-pod' && /rkt data dir/.test(err.message)) {
      store.getState().setOpenError(null);
      await listDataDir(root);
      return;
    }
    setError(describeOpenError(root.trim()));
  };

  // Shown here, in place; the banner behind the dialog would only repeat it.
  const describeOpenError = (root: string) => {
    const err = store.getState().openError;
    store.getState().setOpenError(null);
    return err ? messageFor(err.code, err.message) : `Could not open ${root}.`;
  };

  const listDataDir = async (dir = path) => {
    setBusy(true);
    setError(null);
    try {
      const res = await controller.listDataDir(dir.trim());
      setDataDir({ dir: res.dataDir, pods: res.pods });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
    setBusy(false);
  };

  useEffect(() => {
    if (initialDataDir) void listDataDir(initialDataDir);
    // Only once, for the data dir the dialog was opened with.
  }, []);

  const browse = async (purpose: 'pod-root' | 'data-dir') => {
    const chosen = await controller.chooseWithDialog(purpose).catch(() => null);
    if (!chosen) return;
    setPath(chosen);
    if (purpose === 'pod-root') void open(chosen);
  };

  return (
    <Modal label="Open pod" onClose={onClose} wide>
      <h2>Open a pod</h2>
      <form className="row" onSubmit={(e) => { e.preventDefault(); void open(path); }}>
        <label className="grow">
          <span className="field-label">Pod root or rkt data dir</span>
          <input data-autofocus value={path} onChange={(e) => setPath(e.target.value)} placeholder="/var/lib/rkt/pods/run/<uuid>" spellCheck={false} aria-label="Pod path" />
        </label>
        <button type="submit" className="primary" disabled={busy || !path.trim()}>Open</button>
        <button type="button" onClick={() => void listDataDir()} disabled={busy || !path.trim()} title="List the pods of an rkt data dir">List pods</button>
        {info?.nativeDialogs && <button type="button" onClick={() => browse('pod-root')}>Browse…</button>}
      </form>
      {error && <div className="banner banner-error" role="alert">{error}</div>}
      {dataDir && <DataDirPods dir={dataDir.dir} pods={dataDir.pods} busy={busy} onOpen={(root) => void open(root)} />}
      {info && info.samples.length > 0 && (
        <div className="list-block">
          <h3>Sample pods</h3>
          <ul className="pick-list">
            {info.samples.map((s) => (
              <li key={s.id}>
                <button className="link" onClick={() => open(s.root)} disabled={busy}>
                  <strong>{s.title}</strong> <span className="muted">{s.description}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {info && info.recent.length > 0 && (
        <div className="list-block">
          <h3>Recent</h3>
          <ul className="pick-list">
            {info.recent.map((r) => (
              <li key={r.path}>
                <button className="link mono" onClick={() => (r.kind === 'pod-root' ? open(r.path) : (setPath(r.path), void listDataDir(r.path)))} disabled={busy}>{r.path}</button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="dialog-buttons">
        <button onClick={onClose}>Cancel</button>
      </div>
    </Modal>
  );
}

export function messageFor(code: string, message: string): string {
  switch (code) {
    case 'not-a-pod': return `Not a pod: ${message}`;
    case 'not-found': return `Not found: ${message}`;
    case 'forbidden': return `Not allowed: ${message}`;
    default: return message;
  }
}
