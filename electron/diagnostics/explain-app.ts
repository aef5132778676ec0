// Findings about one app: why its process could not start or why it stopped.
import type { Evidence, Finding } from './findings.js';
import type { AppContext } from './app-context.js';
import type { JournalEntry } from './journal.js';
import type { RuntimePod } from '../../shared/runtime.js';
import { checkExec, type ExecCheck } from './exec-check.js';
import { decodeExitStatus, signalName, SIGNALS } from './exit-status.js';
import { resolveId } from './users.js';

export const JOURNAL_EVIDENCE_LINES = 6;

export function journalEvidence(e: JournalEntry): Evidence {
  return { kind: 'journal', text: e.message, time: e.time ?? undefined, cursor: e.cursor ?? undefined };
}

/** The app's most telling journal lines: warnings and errors first, else its last lines. */
export function telling(entries: JournalEntry[], max = JOURNAL_EVIDENCE_LINES): JournalEntry[] {
  const own = entries.filter((e) => e.identifier !== 'systemd');
  const bad = own.filter((e) => e.priority !== null && e.priority <= 4);
  const pick = bad.length > 0 ? bad : own;
  return pick.slice(-max);
}

function statusEvidence(a: AppContext): Evidence[] {
  if (a.status.exitCode === null || !a.status.statusFile) return [];
  return [{ kind: 'status', path: a.status.statusFile, text: `${a.status.exitCode} (${a.status.exit!.summary})` }];
}

function execLineEvidence(a: AppContext): Evidence[] {
  return a.exec ? [{ kind: 'unit-line', path: a.unit!.hostPath, line: a.exec.line.line, text: a.exec.line.raw }] : [];
}

/** Where the program the app runs comes from: the unit on disk, else the manifest. */
export function programOf(a: AppContext): string | null {
  if (a.exec) return a.exec.binary;
  return a.app?.exec[0] ?? null;
}

export function checkAppExec(a: AppContext): ExecCheck | null {
  const prog = programOf(a);
  if (!prog || !a.rootAvailable) return null;
  return checkExec(a.root, prog, { path: a.env?.vars.PATH ?? a.app?.environment.find((e) => e.name === 'PATH')?.value });
}

const EXEC_TITLES: Record<string, string> = {
  'exec-binary-missing': 'The program to run does not exist in the app image',
  'exec-not-executable': 'The program to run is not executable',
  'exec-bad-interpreter': 'The program\'s interpreter is missing from the app image',
  'exec-bad-format': 'The program cannot be executed on this architecture or is not a program',
};

const EXEC_NEXT: Record<string, string> = {
  'exec-binary-missing': "Fix the image's app.exec (or the pod's --exec) to name a file that exists in the image, or add the file to the image; paths are looked up inside the app's root, not on the host.",
  'exec-not-executable': 'Set the execute bit on the file in the image (chmod +x before building the ACI), or point exec at the real binary.',
  'exec-bad-interpreter': 'Add the missing interpreter (for ELF binaries the dynamic loader and its libraries, e.g. from the base image the binary was built for) to the image, or build the program statically.',
  'exec-bad-format': 'Build the image for the architecture the pod runs on, or fix exec to name a real program.',
};

export function execFinding(a: AppContext, check: ExecCheck, likelihood: number, predicted: boolean): Finding {
  const p = check.problem!;
  const code = p.code;
  const status = a.status.exitCode;
  const because = status === 203 ? 'systemd could not execute it (exit 203/EXEC): ' : status === 127 ? 'exit 127: ' : predicted ? 'when the pod runs, systemd will fail with 203/EXEC: ' : '';
  return {
    code,
    severity: 'error',
    app: a.rt.name,
    title: `${a.rt.name}: ${EXEC_TITLES[code]}`,
    detail: `${because}${p.message}.`,
    evidence: [...statusEvidence(a), ...execLineEvidence(a), ...p.evidence],
    nextStep: EXEC_NEXT[code],
    likelihood,
  };
}

function seccompDescription(a: AppContext, runtime: RuntimePod | null): { isolator: string; evidence: Evidence[] } | null {
  if (!a.unit) return null;
  const filter = a.unit.unit.get('Service', 'SystemCallFilter');
  if (filter.length === 0) return null;
  // With SystemCallErrorNumber= the filter returns an error instead of killing.
  if (a.unit.unit.first('Service', 'SystemCallErrorNumber')) return null;
  if (runtime?.InsecureOptions.DisableSeccomp) return null;
  const iso = a.app?.isolators.find((i) => i.name === 'os/linux/seccomp-retain-set' || i.name === 'os/linux/seccomp-remove-set');
  const isolator = iso
    ? `the app's ${iso.name} isolator`
    : "rkt's default seccomp whitelist (@rkt/default-whitelist), applied because the app has no seccomp isolator";
  const first = filter[0];
  return {
    isolator,
    evidence: [
      { kind: 'unit-line', path: a.unit.hostPath, line: first.line, text: `${first.raw} (… ${filter.length} SystemCallFilter= lines, no SystemCallErrorNumber=)` },
      ...(iso ? [{ kind: 'manifest' as const, text: `isolator ${iso.name}: ${JSON.stringify(iso.value)}` }] : []),
    ],
  };
}

/** Reads the status as killed-by-signal, as an exit code, or as unknown, weighing the journal. */
function statusReading(a: AppContext): { signal: number | null; exitCode: number | null } {
  const s = a.status.exitCode!;
  if (a.systemdExit) {
    if (a.systemdExit.code === 'exited') return { signal: null, exitCode: a.systemdExit.status };
    return { signal: a.systemdExit.status, exitCode: null };
  }
  const d = decodeExitStatus(s);
  const first = d.readings[0];
  if (first.kind === 'signal') return { signal: s, exitCode: null };
  if (first.kind === 'shell-signal') return { signal: s - 128, exitCode: s };
  return { signal: null, exitCode: s };
}

export function appFindings(a: AppContext, runtime: RuntimePod | null, podNeverRan: boolean): Finding[] {
  const out: Finding[] = [];
  const status = a.status.exitCode;
  const exec = checkAppExec(a);
  const journalEv = telling(a.journal).map(journalEvidence);
  const systemdEv = a.systemdExit ? [journalEvidence(a.systemdExit.entry)] : [];

  if (status === 0) return out;

  if (status === null) {
    if (exec?.problem && podNeverRan) out.push(execFinding(a, exec, 70, true));
    if (podNeverRan && a.app) {
      for (const which of ['user', 'group'] as const) {
        const v = a.app[which];
        if (!v || !a.rootAvailable) continue;
        const r = resolveId(a.root, which, v);
        if (!r.ok) out.push(userFinding(a, which, v, r.error, r.evidence, 70, true));
      }
    }
    return out;
  }

  // The program could not be started at all.
  if (status === 203 || status === 127) {
    if (exec?.problem) {
      out.push(execFinding(a, exec, status === 203 ? 95 : exec.problem.code === 'exec-bad-interpreter' ? 88 : 60, false));
      return out;
    }
  }
  if (status === 217 || status === 216) {
    const which = status === 217 ? 'user' : 'group';
    const v = a.app?.[which] ?? null;
    const r = v && a.rootAvailable ? resolveId(a.root, which, v) : null;
    const unitLine = a.unit?.unit.first('Service', which === 'user' ? 'User' : 'Group');
    const ev: Evidence[] = unitLine ? [{ kind: 'unit-line', path: a.unit!.hostPath, line: unitLine.line, text: unitLine.raw }] : [];
    const why =
      r && !r.ok
        ? r.error
        : `systemd could not switch to ${unitLine ? unitLine.raw : `the app's ${which}`}; with a numeric id this usually means it is outside the pod's user namespace range${runtime?.PrivateUsers ? ` (PrivateUsers ${runtime.PrivateUsers})` : ''}`;
    out.push(userFinding(a, which, v ?? '?', why, [...ev, ...(r && !r.ok ? r.evidence : [])], 90, false));
    return out;
  }

  const { signal, exitCode } = statusReading(a);
  if (signal !== null) {
    const name = signalName(signal) ?? `signal ${signal}`;
    const seccomp = signal === 31 ? seccompDescription(a, runtime) : null;
    if (seccomp) {
      out.push({
        code: 'seccomp-kill',
        severity: 'error',
        app: a.rt.name,
        title: `${a.rt.name}: killed by the seccomp filter (SIGSYS)`,
        detail:
          `The app's status is ${status}${a.systemdExit ? '' : ' (systemd stores the signal number there when a process is killed)'}; ` +
          `SIGSYS is what the kernel sends when a process makes a system call its seccomp filter does not allow. The filter comes from ${seccomp.isolator}.`,
        evidence: [...statusEvidence(a), ...systemdEv, ...seccomp.evidence, ...journalEv],
        nextStep:
          'Find the refused system call in the host kernel log (journalctl -k or the audit log: a "type=SECCOMP" / "audit: seccomp" record with syscall=<number> and the app\'s comm), then add it to the os/linux/seccomp-retain-set isolator (or drop it from the remove set). To confirm, run once with --insecure-options=seccomp.',
        likelihood: 92,
      });
    }
    const memLimit = a.unit?.unit.first('Service', 'MemoryLimit');
    const oom = signal === 9 && memLimit;
    // In an rkt pod, when one app exits the pod shuts down and the others get SIGTERM.
    const askedToStop = signal === 15 || signal === 2 || signal === 1;
    out.push({
      code: 'killed-by-signal',
      severity: askedToStop ? 'warning' : 'error',
      app: a.rt.name,
      title: `${a.rt.name}: killed by ${name}`,
      detail:
        `${SIGNALS[signal] ? `${name}: ${SIGNALS[signal].meaning}. ` : ''}` +
        (a.systemdExit
          ? `systemd recorded code=${a.systemdExit.code}, status=${a.systemdExit.status}.`
          : exitCode !== null
            ? `The status ${status} is how a shell reports a child killed by ${name}.`
            : `The status file holds ${status}, which systemd writes for a process killed by ${name} (it could also be a plain exit(${status}); the journal has no record saying which).`) +
        (oom ? ` The unit sets MemoryLimit=${memLimit.value}: a SIGKILL is what the kernel's OOM killer sends when the app exceeds it.` : ''),
      evidence: [...statusEvidence(a), ...systemdEv, ...(oom ? [{ kind: 'unit-line' as const, path: a.unit!.hostPath, line: memLimit.line, text: memLimit.raw }] : []), ...journalEv],
      nextStep: askedToStop
        ? 'The app was told to stop: when one app of a pod exits the pod shuts down and the other apps get SIGTERM, so look at the other apps first; otherwise the pod was stopped from outside (rkt stop, machinectl, the host shutting down).'
        : oom
          ? 'Check the host kernel log for an OOM kill of the app and raise the resource/memory limit in the manifest if so.'
          : signal === 6 || signal === 11 || signal === 7 || signal === 4 || signal === 8
            ? 'The app crashed: look at its last journal lines and reproduce it outside the pod with the same image.'
            : 'Find out who sent the signal (the host, rkt stop, a health checker) around the time the app stopped.',
      likelihood: askedToStop ? 35 : seccomp ? 80 : 88,
    });
    return out;
  }

  const code = exitCode!;
  const decoded = decodeExitStatus(code);
  const hasJournal = journalEv.length > 0;
  const execNote = status === 203 && !exec?.problem
    ? a.rootAvailable
      ? " The program, its permissions and its interpreter look fine in the app's root, so the cause is elsewhere (working directory, a library the loader cannot find, a mount)."
      : " The app's root file system is not reachable from here, so the program could not be checked."
    : '';
  out.push({
    code: 'exit-nonzero',
    severity: 'error',
    app: a.rt.name,
    title: `${a.rt.name}: exited with status ${decoded.readings[0].label}`,
    detail:
      `${decoded.summary}.${execNote}` +
      (hasJournal ? ` The app's last journal lines are below.` : ' The journal has no lines from the app.'),
    evidence: [...statusEvidence(a), ...systemdEv, ...journalEv],
    nextStep: hasJournal
      ? `Read the app's messages (podunit logs <pod> --app ${a.rt.name}) and fix what they report.`
      : `The app said nothing before exiting: run it with more verbosity, or check its configuration inside the image; podunit logs <pod> --app ${a.rt.name} shows everything the pod recorded.`,
    likelihood: hasJournal ? 75 : 45,
  });
  return out;
}

export function userFinding(a: AppContext, which: 'user' | 'group', value: string, why: string, evidence: Evidence[], likelihood: number, predicted: boolean): Finding {
  return {
    code: 'user-unresolvable',
    severity: 'error',
    app: a.rt.name,
    title: `${a.rt.name}: the app's ${which} "${value}" cannot be resolved`,
    detail: `${predicted ? 'rkt will fail to start the app: ' : ''}${why}.`,
    evidence: [...statusEvidence(a), ...evidence],
    nextStep: `Use a numeric ${which === 'user' ? 'uid' : 'gid'}, or add "${value}" to ${which === 'user' ? '/etc/passwd' : '/etc/group'} in the image (every line must have all its fields: rkt refuses the whole file otherwise).`,
    likelihood,
  };
}
