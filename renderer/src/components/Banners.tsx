/** @jsxRuntime automatic */
// Pod-level messages above the panes: open failures, the pod root gone or changed on disk,
// the connection to the host lost. Nothing typed is lost in any of these.
import { useApp, useController, useStoreApi } from '../app/context';
import { messageFor } from './OpenPodDialog';

export function Banners() {
  const controller = useController();
  const store = useStoreApi();
  const openError = useApp((s) => s.openError);
  const gone = useApp((s) => s.podGone);
  const connection = useApp((s) => s.connection);
  const root = useApp((s) => s.summary?.root ?? null);
  return (
    <div className="banners">
      {openError && (
        <div className="banner banner-error" role="alert">
          <span>Could not open <span className="mono">{openError.path}</span>: {messageFor(openError.code, openError.message)}{root ? ' The previous pod stays open.' : ''}</span>
          <button className="small" onClick={() => store.getState().setOpenError(null)} aria-label="Dismiss">×</button>
        </div>
      )}
      {gone && (
        <div className="banner banner-error" role="alert">
          <span>The pod root <span className="mono">{root}</span> no longer exists (deleted or moved). Your edits stay in the editors and the units shown are from the last generation. Restore the directory and retry, or open another pod.</span>
          <button className="small" onClick={() => controller.reload()}>Retry</button>
        </div>
      )}
      {connection === 'closed' && (
        <div className="banner banner-warn" role="alert">Lost the connection to podunit; reconnecting. Your edits are kept.</div>
      )}
    </div>
  );
}
