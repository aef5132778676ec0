// `podunit doctor`: why did this pod fail? Gathers the evidence rkt left (state, lock, units,
// exit statuses, the journal, the app images) and returns findings, most likely first.
import fs from 'node:fs';
import path from 'node:path';
import type { Finding } from './findings.js';
import { sortFindings } from './findings.js';
import { podLayout } from './overlay.js';
import { podStatus, readPodManifestLenient } from './status.js';
import { readJournal, type JournalRead } from './journal.js';
import { buildAppContext, type AppContext } from './app-context.js';
import { appFindings } from './explain-app.js';
import { unitsVerdict, DEFAULT_DOCTOR_PROFILE, type UnitsVerdict } from './explain-units.js';
import { debugOff, fileEv, generationFailure, missingPreparation, prepareFailedFinding } from './explain-pod.js';
import { podUnitsWritten } from './units-on-disk.js';
import { verifyPodUnits, type VerifyResult } from './verify.js';

export interface DoctorOptions {
  dataDir?: string;
  /** Generator profile the units are expected to match ('auto': whatever wrote them). */
  profile?: string;
  /** Read the journal (default true). */
  journal?: boolean;
  journalctl?: string;
  /** Run systemd-analyze on the units (default true). */
  verify?: boolean;
  systemdAnalyze?: string;
}

export interface DoctorReport {
  findings: Finding[];
  pod: {
    root: string;
    uuid: string | null;
    state: string | null;
    apps: { name: string; exitCode: number | null; exit: string | null }[];
    overlay: boolean;
    stage1Dirs: string[];
  };
  journal: { directory: string | null; entries: number; problem: string | null };
  units: { generation: string | null; comparedWith: string | null; driftFiles: string[] } | null;
  verify: VerifyResult | null;
  notes: string[];
}

export async function doctor(podRoot: string, opts: DoctorOptions = {}): Promise<DoctorReport> {
  const layout = podLayout(podRoot, { dataDir: opts.dataDir });
  const status = await podStatus(layout.root, { layout });
  const { pod, error: manifestError } = readPodManifestLenient(layout.root);
  const notes: string[] = [...status.warnings];
  const findings: Finding[] = [];
  const unitsWritten = podUnitsWritten(layout);
  const hasRuntimeConfig = fs.existsSync(path.join(layout.root, 'runtime-config'));

  let journal: JournalRead | null = null;
  if (opts.journal !== false && unitsWritten) journal = await readJournal(layout, {}, { journalctl: opts.journalctl });

  const apps: AppContext[] = (pod?.apps ?? []).map((rt) => {
    const st = status.apps.find((s) => s.name === rt.name)!;
    return buildAppContext(layout, rt, st, journal?.entries ?? []);
  });

  const report = (units: UnitsVerdict | null, verify: VerifyResult | null): DoctorReport => {
    if (!findings.some((f) => f.severity !== 'info')) {
      const running = status.state === 'running' || (status.state === null && status.locked === true);
      findings.push({
        code: 'healthy',
        severity: 'info',
        title: running ? 'The pod is running and nothing points to a problem' : 'Nothing points to a failure',
        detail:
          apps.length === 0
            ? 'The pod has no apps.'
            : apps
                .map((a) => `${a.rt.name}: ${a.status.exitCode === null ? (running ? 'running' : 'no exit status') : a.status.exit!.summary}`)
                .join('; ') + '.',
        evidence: apps.filter((a) => a.status.statusFile).map((a) => ({ kind: 'status' as const, path: a.status.statusFile!, text: String(a.status.exitCode) })),
        nextStep: running ? 'Follow its journal with podunit logs <pod> --follow.' : 'Nothing to do.',
        likelihood: 50,
      });
    }
    return {
      findings: sortFindings(findings),
      pod: {
        root: layout.root,
        uuid: layout.uuid,
        state: status.state,
        apps: apps.map((a) => ({ name: a.rt.name, exitCode: a.status.exitCode, exit: a.status.exit?.summary ?? null })),
        overlay: layout.overlay.enabled,
        stage1Dirs: layout.overlay.stage1Layers,
      },
      journal: { directory: journal?.directory ?? null, entries: journal?.entries.length ?? 0, problem: journal?.problem?.message ?? null },
      units: units
        ? { generation: units.generation.profile, comparedWith: units.comparedWith, driftFiles: units.drift.map((d) => d.path) }
        : null,
      verify,
      notes,
    };
  };

  if (!pod) {
    findings.push({
      code: 'prepare-failed',
      severity: 'error',
      title: 'The pod manifest cannot be read',
      detail: `${manifestError}. Without it rkt cannot have prepared or run the pod.`,
      evidence: [fileEv(path.join(layout.root, 'pod'), manifestError ?? 'unreadable')],
      nextStep: 'Check that this is a pod root, and prepare the pod again with rkt --debug.',
      likelihood: 97,
    });
    return report(null, null);
  }

  if (!unitsWritten) {
    if (status.state === 'preparing') {
      findings.push({
        code: 'pod-running',
        severity: 'info',
        title: 'rkt is still preparing this pod',
        detail: 'The pod directory is in prepare and locked: rkt prepare is working on it.',
        evidence: [fileEv(layout.root, 'lock held')],
        nextStep: 'Wait for rkt prepare to finish, then look again.',
        likelihood: 40,
      });
      return report(null, null);
    }
    const missing = missingPreparation(layout, pod);
    const aborted = layout.stateDir === 'prepare' && status.locked === false;
    if (!hasRuntimeConfig && (aborted || missing.length > 0)) {
      findings.push(prepareFailedFinding(layout, status, missing));
      return report(null, null);
    }
    if (hasRuntimeConfig) {
      findings.push(...generationFailure(layout, apps, pod));
      if (status.runtimeConfig && !status.runtimeConfig.Debug) findings.push(debugOff(layout));
      return report(null, null);
    }
    // Prepared and never run: say what will go wrong when it runs.
    for (const a of apps) findings.push(...appFindings(a, status.runtimeConfig, true));
    if (findings.length === 0) {
      findings.push({
        code: 'healthy',
        severity: 'info',
        title: 'The pod is prepared and has not run yet',
        detail: "Its programs and users check out in the app images; there are no units yet because stage1 writes them when the pod runs.",
        evidence: [fileEv(layout.root, `state ${status.state ?? layout.stateDir ?? 'prepared'}`)],
        nextStep: 'Run it with rkt run-prepared.',
        likelihood: 50,
      });
    }
    return report(null, null);
  }

  // stage1 writes the pod's units first, then app by app: an app without its unit is where it stopped.
  const mutable = status.runtimeConfig?.Mutable ?? false;
  const unwritten = apps.filter((a) => !a.unit);
  if (hasRuntimeConfig && !mutable && unwritten.length > 0) {
    findings.push(...generationFailure(layout, unwritten, pod));
    if (status.runtimeConfig && !status.runtimeConfig.Debug) findings.push(debugOff(layout));
    return report(null, null);
  }

  for (const a of apps) findings.push(...appFindings(a, status.runtimeConfig, false));
  const failing = apps.some((a) => a.status.exitCode !== null && a.status.exitCode !== 0);

  // Outside a data directory the state is unknown, but a held lock still means running.
  const running = status.state === 'running' || (status.state === null && status.locked === true);
  if (running) {
    const waiting = apps.filter((a) => a.status.exitCode === null).map((a) => a.rt.name);
    findings.push({
      code: 'pod-running',
      severity: 'info',
      title: 'The pod is running',
      detail: `${status.supervisor.ready ? "stage1's supervisor reported ready" : "stage1's supervisor has not reported ready yet"}${waiting.length ? `; still running: ${waiting.join(', ')}` : ''}.`,
      evidence: [{ kind: 'file', path: layout.stage1.hostPath('/rkt/supervisor-status') ?? undefined, text: `rkt/supervisor-status -> ${status.supervisor.target ?? '(absent)'}` }],
      nextStep: 'Follow the journal with podunit logs <pod> --follow.',
      likelihood: 30,
    });
  } else if (status.locked === false) {
    for (const a of apps) {
      if (a.status.exitCode !== null || !a.unit) continue;
      findings.push({
        code: 'no-exit-status',
        severity: 'warning',
        app: a.rt.name,
        title: `${a.rt.name}: no exit status was recorded`,
        detail:
          'The pod is not running, but the reaper never wrote rkt/status for this app: the app never started (a unit it requires, such as prepare-app or sysusers, failed) or the pod was killed before its apps were reaped.',
        evidence: [{ kind: 'file', path: layout.stage1.hostPath('/rkt/status') ?? undefined, text: `no rkt/status/${a.rt.name}` }, ...(a.journal.slice(-3).map((e) => ({ kind: 'journal' as const, text: e.message, time: e.time ?? undefined })))],
        nextStep: 'Run the pod with rkt --debug to see which unit failed.',
        likelihood: 40,
      });
    }
  }

  if (journal?.problem && journal.problem.code !== 'no-journal') {
    findings.push({
      code: 'journal-unavailable',
      severity: 'info',
      title: 'The pod journal could not be read',
      detail: journal.problem.message,
      evidence: journal.directory ? [fileEv(journal.directory, 'journal directory')] : [],
      nextStep: journal.problem.code === 'journalctl-missing' ? 'Install journalctl (Debian package systemd) and run the doctor again.' : 'Run the doctor as a user who can read the journal files (root, or a member of systemd-journal).',
      likelihood: failing ? 20 : 8,
    });
  }

  if (failing && status.runtimeConfig && !status.runtimeConfig.Debug) findings.push(debugOff(layout));

  const units = await unitsVerdict(layout, apps, status.stage1, opts.profile ?? DEFAULT_DOCTOR_PROFILE);
  findings.push(...units.findings);

  let verify: VerifyResult | null = null;
  if (opts.verify !== false) {
    verify = await verifyPodUnits(layout, apps.map((a) => a.key), { systemdAnalyze: opts.systemdAnalyze });
    notes.push(...verify.problems);
  }
  return report(units, verify);
}
