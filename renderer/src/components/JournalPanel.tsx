/** @jsxRuntime automatic */
// The pod journal, per app: priority filter, follow for running pods, and the entry a
// finding points at brought into view.
import { useEffect, useRef } from 'react';
import type { JournalEntryView } from '../../../shared/ipc/diagnostics-schemas';
import { useApp, useController } from '../app/context';
import { appNames } from '../store/selectors';
import { useShallow } from 'zustand/react/shallow';

const PRIORITIES = ['emerg', 'alert', 'crit', 'err', 'warning', 'notice', 'info', 'debug'];

function timeText(iso: string | null): string {
  return iso ? iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, '') : '';
}

function priorityClass(p: number | null): string {
  if (p === null) return '';
  return p <= 3 ? 'jprio-err' : p === 4 ? 'jprio-warn' : p >= 7 ? 'jprio-debug' : '';
}

export function JournalPanel() {
  const controller = useController();
  const journal = useApp((s) => s.journal);
  const apps = useApp(useShallow(appNames));
  const podOpen = useApp((s) => s.podStatus === 'open');
  const running = useApp((s) => s.podStatusView?.state === 'running' || (s.podStatusView?.state === null && s.podStatusView?.locked === true));
  const listRef = useRef<HTMLOListElement>(null);

  const statusKnown = useApp((s) => s.podStatusView !== null);
  useEffect(() => {
    if (podOpen && journal.status === 'idle') void controller.diagnostics.loadJournal();
  }, [controller, podOpen, journal.status]);
  useEffect(() => {
    if (podOpen && !statusKnown) void controller.diagnostics.loadStatus();
  }, [controller, podOpen, statusKnown]);

  // Following stops when the panel goes away (another tab, the pod closed).
  useEffect(() => () => void controller.diagnostics.setFollow(false), [controller]);

  useEffect(() => {
    if (!journal.focusCursor) return;
    const rows = listRef.current?.querySelectorAll<HTMLElement>('[data-cursor]') ?? [];
    const el = [...rows].find((r) => r.dataset.cursor === journal.focusCursor);
    el?.scrollIntoView?.({ block: 'center' });
    el?.focus();
  }, [journal.focusCursor, journal.focusNonce, journal.entries]);

  useEffect(() => {
    if (journal.following && listRef.current) listRef.current.scrollTop = listRef.current.scrollHeight;
  }, [journal.following, journal.entries]);

  if (!podOpen) return <div className="muted diag-note">Open a pod to read its journal.</div>;
  const set = (patch: { app?: string; priority?: string }) => void controller.diagnostics.loadJournal(patch);

  return (
    <div className="journal">
      <div className="diag-bar">
        <label className="toolbar-field">App
          <select aria-label="Journal app" value={journal.app} onChange={(e) => set({ app: e.target.value })}>
            <option value="">All (with stage1)</option>
            {apps.map((a) => <option key={a} value={a}>{a}</option>)}
          </select>
        </label>
        <label className="toolbar-field">Priority
          <select aria-label="Journal priority" value={journal.priority} onChange={(e) => set({ priority: e.target.value })}>
            <option value="">all</option>
            {PRIORITIES.map((p, i) => <option key={p} value={String(i)}>{i} {p} and above</option>)}
          </select>
        </label>
        <label className="inline-check" title={running ? 'Show new entries as they are written' : 'Only a running pod writes new entries'}>
          <input type="checkbox" checked={journal.following} disabled={!running && !journal.following} onChange={(e) => void controller.diagnostics.setFollow(e.target.checked)} />
          Follow
        </label>
        <button className="small" onClick={() => set({})} disabled={journal.status === 'loading'}>Reload</button>
        <span className="muted">{journal.status === 'loading' ? 'Reading…' : `${journal.entries.length} entries`}</span>
      </div>
      {journal.problem && <div className={`banner ${journal.problem.code === 'no-journal' ? 'banner-info' : 'banner-warn'}`} role="status">{journal.problem.message}</div>}
      <ol className="journal-list" ref={listRef} aria-label="Journal entries">
        {journal.entries.map((e, i) => <JournalRow key={e.cursor ?? i} entry={e} focused={e.cursor !== null && e.cursor === journal.focusCursor} />)}
      </ol>
    </div>
  );
}

function JournalRow({ entry, focused }: { entry: JournalEntryView; focused: boolean }) {
  const who = `${entry.identifier ?? entry.unit ?? '?'}${entry.pid !== null ? `[${entry.pid}]` : ''}`;
  return (
    <li className={`journal-entry ${priorityClass(entry.priority)} ${focused ? 'focused' : ''}`} data-cursor={entry.cursor ?? undefined} tabIndex={-1} aria-current={focused || undefined}>
      <span className="journal-time">{timeText(entry.time)}</span>
      <span className="journal-who">{who}</span>
      <span className="journal-message">{entry.message}</span>
    </li>
  );
}
