// The diagnostics surface used by the CLI and the IPC handlers: everything takes a pod root
// (or a data directory) and returns plain data.
import { podLayout } from './overlay.js';
import { followJournal, readJournal, type JournalEntry, type JournalFollow, type JournalOptions, type JournalQuery, type JournalRead } from './journal.js';
import { verifyPodUnits, type VerifyOptions, type VerifyResult } from './verify.js';
import { readPodManifestLenient } from './status.js';
import { findAppUnit } from './units-on-disk.js';

export { listPods, resolvePod, DEFAULT_DATA_DIR, PodNotFoundError } from './discovery.js';
export type { PodListing, PodSummary, ResolvedPod } from './discovery.js';
export { podStatus } from './status.js';
export type { PodStatus, AppStatus } from './status.js';
export { doctor } from './explain.js';
export type { DoctorOptions, DoctorReport } from './explain.js';
export type { Finding, FindingCode, Evidence, Severity } from './findings.js';
export { decodeExitStatus } from './exit-status.js';
export type { DecodedExit, ExitReading } from './exit-status.js';
export { verifyPlan } from './verify.js';
export type { VerifyResult, VerifyDiagnostic, SecurityReport } from './verify.js';
export type { JournalEntry, JournalQuery, JournalRead, JournalProblem, JournalFollow } from './journal.js';

export interface PodOptions {
  dataDir?: string;
}

/** The pod's journal (or one app's part of it), read with journalctl. */
export function readPodJournal(podRoot: string, q: JournalQuery = {}, opts: JournalOptions & PodOptions = {}): Promise<JournalRead> {
  return readJournal(podLayout(podRoot, opts), q, opts);
}

/** Streams new journal entries of a running pod until stop() is called. */
export function followPodJournal(podRoot: string, q: JournalQuery, onEntry: (e: JournalEntry) => void, opts: JournalOptions & PodOptions = {}): JournalFollow {
  return followJournal(podLayout(podRoot, opts), q, onEntry, opts);
}

/** systemd-analyze verify and security on the units stage1 wrote into the pod. */
export function verifyPod(podRoot: string, opts: VerifyOptions & PodOptions = {}): Promise<VerifyResult> {
  const layout = podLayout(podRoot, opts);
  const { pod } = readPodManifestLenient(layout.root);
  const keys = (pod?.apps ?? []).map((a) => findAppUnit(layout, a)?.key ?? a.name);
  return verifyPodUnits(layout, keys, opts);
}
