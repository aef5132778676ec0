/** @jsxRuntime automatic */
import type { ReactNode } from 'react';

// Stands in for a Monaco pane while the editor code loads: the region is there from the first
// frame (with its name), so layout, focus order and accessibility do not wait for Monaco.
// `children` (a text preview) replaces the loading note.
export function PaneShell({ name, className, children }: { name: string; className: string; children?: ReactNode }) {
  return (
    <section className={`pane ${className}`} role="region" aria-label={name} aria-busy="true">
      <div className="pane-header"><span className="pane-title muted">{name}</span></div>
      {children ?? <div className="empty-note">Loading the editor…</div>}
    </section>
  );
}
