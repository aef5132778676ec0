/** @jsxRuntime automatic */
// Transient messages in a corner, announced to screen readers.
import { useEffect } from 'react';
import { useApp, useStoreApi } from '../app/context';

export function Notices() {
  const store = useStoreApi();
  const notices = useApp((s) => s.notices);
  useEffect(() => {
    if (notices.length === 0) return;
    const last = notices[notices.length - 1];
    const t = setTimeout(() => store.getState().dismiss(last.id), last.kind === 'error' ? 8000 : 3500);
    return () => clearTimeout(t);
  }, [notices, store]);
  return (
    <div className="notices" role="status" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.kind}`}>
          <span>{n.text}</span>
          <button className="small" aria-label="Dismiss" onClick={() => store.getState().dismiss(n.id)}>×</button>
        </div>
      ))}
    </div>
  );
}
