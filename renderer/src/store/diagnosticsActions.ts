// The controller's diagnostics part: runs the doctor on the open pod, reads and follows its
// journal, and opens a finding's evidence where it can be seen (unit viewer, manifest,
// journal panel).
import type { PodunitClient } from '../../../shared/ipc/client';
import type { Evidence, Finding, JournalEntryView } from '../../../shared/ipc/diagnostics-schemas';
import { sameSide, type FileSide } from '../model/fileSets';
import { planFiles } from './selectors';
import type { AppStore } from './appState';

export interface DiagnosticsActions {
  /** Runs the doctor on the open pod (again, when it ran already). */
  runDoctor(): Promise<void>;
  /** Reads the pod's state and app exit statuses (the journal panel needs to know if it runs). */
  loadStatus(): Promise<void>;
  /** Reads the journal with the panel's filters, changed by `patch`; stops following. */
  loadJournal(patch?: { app?: string; priority?: string }): Promise<void>;
  /** Follows new journal entries (running pods) or stops following. */
  setFollow(on: boolean): Promise<void>;
  openEvidence(finding: Finding, evidence: Evidence): Promise<void>;
  /** Shows a file of the pod as it is on disk at a line (`about`: what points there). */
  openFile(rel: string, line: number | null, about: string): Promise<void>;
  /** Another pod was opened: forget everything about the previous one. */
  podOpened(): void;
  /** The open pod changed on disk: what was shown is out of date. */
  podChanged(): void;
  dispose(): void;
}

/** The journal panel starts with the last entries only; a pod's journal can be large. */
export const JOURNAL_LINES = 1000;

function messageOf(err: unknown): { code: string; message: string } {
  const e = err as { code?: unknown; message?: unknown };
  return { code: typeof e?.code === 'string' ? e.code : 'internal', message: typeof e?.message === 'string' ? e.message : String(err) };
}

export function createDiagnosticsActions(store: AppStore, client: PodunitClient): DiagnosticsActions {
  const s = () => store.getState();
  let doctorSeq = 0;
  let journalSeq = 0;
  let followId: string | null = null;
  let rerun = false;

  const unsubscribe = client.on('journal.entries', (ev) => {
    if (ev.followId !== followId) return;
    if (ev.entries.length > 0) {
      const seen = new Set(s().journal.entries.map((e) => e.cursor));
      s().appendJournal(ev.entries.filter((e) => e.cursor === null || !seen.has(e.cursor)));
    }
    if (ev.ended) {
      followId = null;
      s().setJournal({ following: false, ...(ev.problem ? { problem: ev.problem } : {}) });
    }
  });

  // A lost connection ends the host's follow with the session (browser mode reconnects with a new one).
  const unwatchConnection = store.subscribe((st, prev) => {
    if (st.connection !== prev.connection && st.connection !== 'open' && (followId || st.journal.following)) {
      followId = null;
      st.setJournal({ following: false });
    }
  });

  const stopFollowing = () => {
    const id = followId;
    followId = null;
    if (s().journal.following) s().setJournal({ following: false });
    if (id) void client.call('diagnostics.unfollowJournal', { followId: id }).catch(() => undefined);
  };

  const runDoctor = async () => {
    const root = s().summary?.root ?? null;
    if (!root || s().podStatus !== 'open') return;
    if (s().doctor.status === 'running' && s().doctor.root === root) { rerun = true; return; }
    const mine = ++doctorSeq;
    s().setDoctor({ status: 'running', root, error: null });
    try {
      const [report, status] = await Promise.all([
        client.call('diagnostics.doctor', {}),
        client.call('diagnostics.status', {}).catch(() => null),
      ]);
      if (mine !== doctorSeq) return;
      s().setDoctor({ status: 'done', report, error: null });
      s().setPodStatusView(status);
    } catch (err) {
      if (mine !== doctorSeq) return;
      s().setDoctor({ status: 'failed', error: messageOf(err).message });
    }
    if (rerun && mine === doctorSeq) { rerun = false; void runDoctor(); }
  };

  const loadStatus = async () => {
    const root = s().summary?.root;
    try {
      const status = await client.call('diagnostics.status', {});
      if (s().summary?.root === root) s().setPodStatusView(status);
    } catch {
      // The journal panel works without it; following stays off.
    }
  };

  const loadJournal = async (patch: { app?: string; priority?: string } = {}) => {
    stopFollowing();
    const { app, priority } = { ...s().journal, ...patch };
    const mine = ++journalSeq;
    s().setJournal({ app, priority, status: 'loading' });
    try {
      const read = await client.call('diagnostics.journal', {
        ...(app ? { app } : {}),
        ...(priority ? { priority } : {}),
        lines: JOURNAL_LINES,
      });
      if (mine !== journalSeq) return;
      s().setJournal({ status: 'done', entries: read.entries, problem: read.problem });
    } catch (err) {
      if (mine !== journalSeq) return;
      s().setJournal({ status: 'done', entries: [], problem: { code: 'failed', message: messageOf(err).message } });
    }
  };

  const setFollow = async (on: boolean) => {
    if (!on) { stopFollowing(); return; }
    if (followId) return;
    const { app, priority } = s().journal;
    s().setJournal({ following: true });
    try {
      const res = await client.call('diagnostics.followJournal', { ...(app ? { app } : {}), ...(priority ? { priority } : {}) });
      if (!s().journal.following) {
        void client.call('diagnostics.unfollowJournal', { followId: res.followId }).catch(() => undefined);
        return;
      }
      followId = res.followId;
    } catch (err) {
      s().setJournal({ following: false, problem: { code: 'failed', message: messageOf(err).message } });
    }
  };

  const showFile = async (rel: string, line: number | null, about: string) => {
    const lines = [line ?? 1];
    const st = s();
    const generated = planFiles(st.plan).get(rel);
    const onDisk = st.disk?.files.get(rel);
    // The unit viewer shows the generated file when there is one; evidence is about the disk.
    if (onDisk && (!generated || sameSide(generated, onDisk))) { st.requestLineReveal(rel, lines); return; }
    if (onDisk) { st.showEvidenceFile(rel, onDisk, lines); return; }
    try {
      const file = await client.call('diagnostics.file', { path: rel });
      if (file.kind === 'dir' || file.kind === 'other') {
        s().notify('info', `${rel} is a directory: ${about}`);
        return;
      }
      const side: FileSide = file.kind === 'symlink'
        ? { kind: 'symlink', target: file.target ?? '' }
        : { kind: 'file', mode: file.mode, content: file.content ?? `Binary file, ${file.size} bytes, mode ${file.mode}.\n${about}\n` };
      s().showEvidenceFile(rel, side, lines);
    } catch (err) {
      const e = messageOf(err);
      s().notify(e.code === 'not-found' ? 'info' : 'error', e.code === 'not-found' ? `${rel} is not in the pod: ${about}` : e.message);
    }
  };

  const openEvidence = async (finding: Finding, evidence: Evidence) => {
    const st = s();
    if (evidence.kind === 'journal') {
      st.setProblemsTab('journal');
      const app = finding.app ?? '';
      const j = st.journal;
      if (j.status === 'idle' || j.app !== app || j.priority !== '' || !hasEntry(j.entries, evidence.cursor)) await loadJournal({ app, priority: '' });
      s().focusJournalEntry(evidence.cursor);
      return;
    }
    if (evidence.kind === 'manifest' && !evidence.rel) {
      const image = finding.app ? `image:${finding.app}` : null;
      st.setActiveDoc(image && st.docs[image] ? image : 'pod');
      return;
    }
    if (!evidence.rel) { st.notify('info', evidence.text); return; }
    await showFile(evidence.rel, evidence.line, evidence.text);
  };

  return {
    runDoctor,
    loadStatus,
    loadJournal,
    setFollow,
    openEvidence,
    openFile: showFile,
    podOpened() {
      stopFollowing();
      doctorSeq++;
      journalSeq++;
      rerun = false;
      s().resetDoctor();
    },
    podChanged() {
      // Marked for a fresh look: the views that show them run it again when they are on screen.
      if (s().doctor.status === 'done' || s().doctor.status === 'failed') s().setDoctor({ status: 'idle' });
      if (s().journal.status === 'done' && !s().journal.following) s().setJournal({ status: 'idle' });
    },
    dispose() {
      stopFollowing();
      unsubscribe();
      unwatchConnection();
    },
  };
}

function hasEntry(entries: JournalEntryView[], cursor: string | null): boolean {
  return cursor === null || entries.some((e) => e.cursor === cursor);
}
