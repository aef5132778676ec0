/** @jsxRuntime automatic */
// Stands in for a Monaco pane while the editor code loads: the region is there from the first
// frame (with its name), so layout, focus order and accessibility do not wait for Monaco.
export function PaneShell({ name, className }: { name: string; className: string }) {
  return (
    <section className={`pane ${className}`} role="region" aria-label={name} aria-busy="true">
      <div className="pane-header"><span className="pane-title muted">{name}</span></div>
      <div className="empty-note">Loading the editor…</div>
    </section>
  );
}
