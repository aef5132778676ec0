/** @jsxRuntime automatic */
// Tabs over the manifest documents the user opened; an edited document shows a dot and
// can be reverted from its tab.
import { useApp, useController, useStoreApi } from '../app/context';
import { isEdited } from '../store/editorsSlice';

export function ManifestTabs() {
  const store = useStoreApi();
  const controller = useController();
  // Serialized, so the selector's result compares equal while nothing visible changes.
  const tabsKey = useApp((s) => JSON.stringify(s.openTabs.flatMap((id) => {
    const d = s.docs[id];
    return d ? [{ id, label: d.id === 'pod' ? 'pod' : `${d.label} · image`, edited: isEdited(d), path: d.path }] : [];
  })));
  const tabs = JSON.parse(tabsKey) as { id: string; label: string; edited: boolean; path: string }[];
  const active = useApp((s) => s.activeDoc);
  const activeEdited = useApp((s) => (s.activeDoc && s.docs[s.activeDoc] ? isEdited(s.docs[s.activeDoc]) : false));

  return (
    <div className="pane-header">
      <div className="tabs" role="tablist" aria-label="Manifests">
        {tabs.map((t) => (
          <div key={t.id} className={`tab ${t.id === active ? 'active' : ''}`}>
            <button
              role="tab"
              aria-selected={t.id === active}
              title={t.path}
              className="tab-label"
              onClick={() => store.getState().setActiveDoc(t.id)}
            >
              {t.label}{t.edited && <span className="edited-dot" aria-label="edited"> ●</span>}
            </button>
            {t.id !== 'pod' && (
              <button className="tab-close" aria-label={`Close ${t.label}`} onClick={() => store.getState().closeTab(t.id)}>×</button>
            )}
          </div>
        ))}
      </div>
      <div className="pane-actions">
        <button className="small" disabled={!activeEdited} onClick={() => active && controller.revertDoc(active)} title="Revert this manifest to the file on disk">
          Revert
        </button>
      </div>
    </div>
  );
}
