/** @jsxRuntime automatic */
// Export bundle: the generated files with nspawn arguments, provenance and checksums, as a
// .tar.gz or a directory at a path on this machine.
import { useState } from 'react';
import { useApp, useController } from '../app/context';
import { Modal } from './Modal';
import { baseName, dirName } from '../model/paths';
import type { ExportResult } from '../store/controller';

function defaultTarget(root: string | null, format: 'tar.gz' | 'dir'): string {
  if (!root) return '';
  const name = `${baseName(root)}-units`;
  const dir = dirName(root);
  const sep = dir.endsWith('/') ? '' : '/';
  return `${dir}${sep}${name}${format === 'tar.gz' ? '.tar.gz' : ''}`;
}

export function ExportDialog({ onClose, initial }: { onClose(): void; initial?: { target: string; format: 'tar.gz' | 'dir' } }) {
  const controller = useController();
  const root = useApp((s) => s.summary?.root ?? null);
  const native = useApp((s) => s.appInfo?.nativeDialogs ?? false);
  const [format, setFormat] = useState<'tar.gz' | 'dir'>(initial?.format ?? 'tar.gz');
  const [target, setTarget] = useState(initial?.target ?? defaultTarget(root, 'tar.gz'));
  const [overwrite, setOverwrite] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<ExportResult | null>(null);

  const switchFormat = (f: 'tar.gz' | 'dir') => {
    if (target === defaultTarget(root, format)) setTarget(defaultTarget(root, f));
    setFormat(f);
  };

  const run = async () => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await controller.exportBundle(target.trim(), format, overwrite));
    } catch (err) {
      const e = err as { code?: string; message?: string };
      setError(e.code === 'exists' ? `${target} already exists. Tick “Replace” to overwrite it.` : e.message ?? String(err));
    }
    setBusy(false);
  };

  const browse = async () => {
    const chosen = await controller.chooseWithDialog(format === 'tar.gz' ? 'export-file' : 'export-dir').catch(() => null);
    if (chosen) setTarget(chosen);
  };

  return (
    <Modal label="Export bundle" onClose={onClose}>
      <h2>Export bundle</h2>
      <fieldset className="row" aria-label="Format">
        <label className="inline-check"><input type="radio" name="fmt" checked={format === 'tar.gz'} onChange={() => switchFormat('tar.gz')} /> .tar.gz archive</label>
        <label className="inline-check"><input type="radio" name="fmt" checked={format === 'dir'} onChange={() => switchFormat('dir')} /> Directory</label>
      </fieldset>
      <form className="row" onSubmit={(e) => { e.preventDefault(); void run(); }}>
        <label className="grow">
          <span className="field-label">Target path</span>
          <input data-autofocus value={target} onChange={(e) => setTarget(e.target.value)} spellCheck={false} aria-label="Target path" />
        </label>
        {native && <button type="button" onClick={browse}>Browse…</button>}
      </form>
      <label className="inline-check"><input type="checkbox" checked={overwrite} onChange={(e) => setOverwrite(e.target.checked)} /> Replace an existing archive or write into a non-empty directory</label>
      <p className="muted small-text">The bundle holds the generated units, env and sysusers files, the systemd-nspawn arguments, the provenance map and SHA256SUMS, for the current edits and what-if settings.</p>
      {error && <div className="banner banner-error" role="alert">{error}</div>}
      {result && (
        <div className="banner banner-success" role="status">
          Exported {result.files.length} files ({result.bytes.toLocaleString()} bytes) to <span className="mono">{result.target}</span>.
        </div>
      )}
      <div className="dialog-buttons">
        <button className="primary" onClick={run} disabled={busy || !target.trim()}>{busy ? 'Exporting…' : 'Export'}</button>
        <button onClick={onClose}>{result ? 'Close' : 'Cancel'}</button>
      </div>
    </Modal>
  );
}
