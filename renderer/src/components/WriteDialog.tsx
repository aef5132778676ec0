/** @jsxRuntime automatic */
// Write units: shows what would be created or replaced (with the diff), asks for
// confirmation, writes with backups of replaced files, and reports what it wrote.
import { useEffect, useState } from 'react';
import { useController } from '../app/context';
import { Modal } from './Modal';
import { MiniDiff } from './MiniDiff';
import { shortPath } from '../model/paths';
import { languageForPath } from '../monaco/systemdLanguage';
import type { WritePreview, WriteResult } from '../store/controller';

const MARK: Record<string, { mark: string; className: string; title: string }> = {
  create: { mark: 'A', className: 'mark-added', title: 'new file' },
  replace: { mark: 'M', className: 'mark-changed', title: 'written by podunit before; replaced' },
  conflict: { mark: 'R', className: 'mark-removed', title: 'not written by podunit; replaced with a backup' },
  'update-attributes': { mark: 'm', className: 'mark-changed', title: 'same content, other mode' },
  unchanged: { mark: ' ', className: 'muted', title: 'unchanged' },
};

type Phase =
  | { kind: 'loading' }
  | { kind: 'preview'; preview: WritePreview }
  | { kind: 'writing'; preview: WritePreview }
  | { kind: 'done'; result: WriteResult }
  | { kind: 'error'; message: string; preview?: WritePreview };

function errorOf(err: unknown): { code: string; message: string } {
  const e = err as { code?: string; message?: string };
  return { code: e?.code ?? 'internal', message: e?.message ?? String(err) };
}

export function WriteDialog({ onClose }: { onClose(): void }) {
  const controller = useController();
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [selected, setSelected] = useState<string | null>(null);
  const [force, setForce] = useState(false);

  const load = async () => {
    setPhase({ kind: 'loading' });
    try {
      const preview = await controller.previewWrite();
      setPhase({ kind: 'preview', preview });
      const rank = ['conflict', 'replace', 'create', 'update-attributes'];
      const first = [...preview.changes].filter((c) => c.action !== 'unchanged').sort((a, b) => rank.indexOf(a.action) - rank.indexOf(b.action))[0];
      setSelected(first?.path ?? null);
    } catch (err) {
      setPhase({ kind: 'error', message: errorOf(err).message });
    }
  };
  useEffect(() => { void load(); }, []);

  const write = async (preview: WritePreview) => {
    setPhase({ kind: 'writing', preview });
    try {
      const result = await controller.write(preview.token, force);
      setPhase({ kind: 'done', result });
    } catch (err) {
      const e = errorOf(err);
      const message = e.code === 'conflict'
        ? `Files changed on disk since this preview; nothing was written. Review the new preview. (${e.message})`
        : e.code === 'confirmation-required'
          ? `The preview expired; nothing was written. Review it again. (${e.message})`
          : e.message;
      setPhase({ kind: 'error', message, preview });
    }
  };

  const preview = phase.kind === 'preview' || phase.kind === 'writing' ? phase.preview : phase.kind === 'error' ? phase.preview : undefined;
  const changes = preview?.changes ?? [];
  const toWrite = changes.filter((c) => c.action !== 'unchanged');
  const creates = changes.filter((c) => c.action === 'create').length;
  const replaces = changes.filter((c) => c.action === 'replace' || c.action === 'update-attributes').length;
  const conflicts = preview?.conflicts.length ?? 0;
  const unchanged = changes.length - toWrite.length;
  const blocked = !!preview?.planError || (conflicts > 0 && !force);
  const current = changes.find((c) => c.path === selected);

  return (
    <Modal label="Write units" onClose={onClose} wide className="write-dialog">
      <h2>Write units into the pod</h2>
      {phase.kind === 'loading' && <div className="muted">Preparing the preview…</div>}
      {preview && (
        <>
          <p className="muted mono">{preview.root}</p>
          <div className="diff-counts">
            <span className="count-added">{creates} to create</span>
            <span className="count-changed">{replaces} to update</span>
            <span className="count-removed">{conflicts} to replace</span>
            <span className="muted">{unchanged} unchanged</span>
          </div>
          {preview.planError && (
            <div className="banner banner-error" role="alert">
              Generation failed: {preview.planError}. Nothing can be written until the manifests generate cleanly.
            </div>
          )}
          {!preview.planError && conflicts > 0 && (
            <div className="banner banner-warn" role="note">
              <span>{conflicts} {conflicts === 1 ? 'file differs' : 'files differ'} from the plan and {conflicts === 1 ? 'was' : 'were'} not written by podunit (by rkt or by hand).</span>
              <label className="inline-check">
                <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} /> Replace {conflicts === 1 ? 'it' : 'them'}, keeping backups
              </label>
            </div>
          )}
          {preview.warnings.length > 0 && <ul className="warnings">{preview.warnings.map((w, i) => <li key={i}>▲ {w}</li>)}</ul>}
          <div className="write-body">
            <ul className="pick-list write-files" aria-label="Files to write">
              {toWrite.map((c) => (
                <li key={c.path}>
                  <button className={`link ${c.path === selected ? 'selected' : ''}`} onClick={() => setSelected(c.path)}>
                    <span className={MARK[c.action].className} title={MARK[c.action].title}>{MARK[c.action].mark}</span> {shortPath(c.path)}
                  </button>
                </li>
              ))}
              {toWrite.length === 0 && <li className="muted">Everything on disk is already up to date.</li>}
            </ul>
            <div className="write-diff">
              {current ? (
                <>
                  <div className="muted small-text">{current.action === 'conflict' && current.backup ? `replaces a file podunit did not write; backup: ${current.backup}` : current.action === 'create' ? 'new file' : current.action === 'update-attributes' ? 'same content, other mode' : 'written by podunit before'}</div>
                  <MiniDiff original={current.before ?? ''} modified={current.after ?? ''} language={languageForPath(current.path)} />
                </>
              ) : <div className="muted">Select a file to see its diff.</div>}
            </div>
          </div>
        </>
      )}
      {phase.kind === 'error' && <div className="banner banner-error" role="alert">{phase.message}</div>}
      {phase.kind === 'done' && (
        <div className="banner banner-success" role="status">
          Wrote {phase.result.written.length} files{phase.result.backups.length > 0 ? `, kept ${phase.result.backups.length} backups` : ''}
          {phase.result.unchanged.length > 0 ? `, ${phase.result.unchanged.length} already up to date` : ''}.
          <ul className="written-list">
            {phase.result.written.map((p) => <li key={p} className="mono">{shortPath(p)}</li>)}
            {phase.result.backups.map((b) => <li key={b.backup} className="mono muted">backup {shortPath(b.backup)}</li>)}
          </ul>
          {phase.result.ownershipSkipped && <div className="muted">File owners from the plan were not set: podunit is not running as root.</div>}
        </div>
      )}
      <div className="dialog-buttons">
        {phase.kind === 'error' && <button onClick={load}>Preview again</button>}
        {(phase.kind === 'preview' || phase.kind === 'writing') && (
          <button className="primary" disabled={phase.kind === 'writing' || toWrite.length === 0 || blocked} onClick={() => write(phase.preview)}>
            {phase.kind === 'writing' ? 'Writing…' : `Write ${toWrite.length} files`}
          </button>
        )}
        <button onClick={onClose}>{phase.kind === 'done' ? 'Close' : 'Cancel'}</button>
      </div>
    </Modal>
  );
}
