// The diagnostics channels: the doctor's findings, app status, the journal (read and
// followed) and evidence files, all about the client's open pod and all read-only.
import { IpcError } from '../../shared/ipc/envelope.js';
import { doctor, podStatus, readPodJournal } from '../diagnostics/index.js';
import { checkRelative } from './confine.js';
import { doctorWire, entryWire, statusWire } from './diagnostics-wire.js';
import type { Handler } from './handlers.js';
import { startFollow, stopFollow } from './journal-follows.js';
import { PodDir } from './pod-files.js';

export interface DiagnosticsTools {
  /** journalctl and systemd-analyze executables (tests point them at missing ones). */
  journalctl?: string;
  systemdAnalyze?: string;
}

type DiagnosticsChannel =
  | 'diagnostics.doctor' | 'diagnostics.status' | 'diagnostics.journal'
  | 'diagnostics.followJournal' | 'diagnostics.unfollowJournal' | 'diagnostics.file';

export function createDiagnosticsHandlers(tools: DiagnosticsTools = {}): { [C in DiagnosticsChannel]: Handler<C> } {
  return {
    'diagnostics.doctor': async ({ verify, profile }, { session }) => {
      const root = session.requireRoot();
      const report = await doctor(root, {
        verify: verify ?? true,
        profile,
        journalctl: tools.journalctl,
        systemdAnalyze: tools.systemdAnalyze,
      });
      return doctorWire(report);
    },

    'diagnostics.status': async (_req, { session }) => statusWire(await podStatus(session.requireRoot())),

    'diagnostics.journal': async (q, { session }) => {
      const read = await readPodJournal(session.requireRoot(), q, { journalctl: tools.journalctl });
      return { directory: read.directory, entries: read.entries.map(entryWire), problem: read.problem, warnings: read.warnings };
    },

    'diagnostics.followJournal': (q, { session }) => ({ followId: startFollow(session, session.requireRoot(), q, tools.journalctl) }),

    'diagnostics.unfollowJournal': ({ followId }, { session }) => {
      stopFollow(session, followId);
      return {};
    },

    'diagnostics.file': ({ path }, { session }) => {
      const rel = checkRelative(path);
      const file = new PodDir(session.requireRoot()).describe(rel);
      if (!file) throw new IpcError('not-found', `${rel}: no such file in the pod (it may have been removed since the doctor looked).`);
      return file;
    },
  };
}
