// podunit doctor <pod> [--json]: why did this pod fail? Findings, most likely first.
import { parseArgs, UsageError } from './args.js';
import { processIO, type CliIO } from './output.js';
import { DEFAULT_DATA_DIR, resolvePod } from '../diagnostics/discovery.js';
import { doctor } from '../diagnostics/explain.js';
import { doctorText } from '../diagnostics/text-report.js';

export const DOCTOR_HELP = `Usage: podunit doctor <pod-root|uuid> [--data-dir DIR] [--profile NAME] [--no-verify] [--no-journal] [--json]

Explains why a pod failed: reads its state and lock, the units stage1 wrote, the exit
statuses, the pod journal (through journalctl) and the app images, and prints findings,
most likely first, each with its evidence (file and line, unit line, journal entry) and a
next step. Finding codes are stable: prepare-failed, generate-failed, exec-binary-missing,
exec-not-executable, exec-bad-interpreter, exec-bad-format, user-unresolvable, seccomp-kill,
killed-by-signal, exit-nonzero, no-exit-status, profile-mismatch, unit-drift, pod-running, healthy,
journal-unavailable, drift-unchecked, debug-off.
  --profile NAME  generator profile the units should match (default rkt-tip; auto = whatever wrote them)
  --no-verify     do not run systemd-analyze verify/security on the units
  --no-journal    do not read the journal
  --json          print {"findings":[{"code","severity","title","detail","evidence":[…],…}],…}
Exit status: 0 nothing wrong found, 1 errors or warnings found (or the pod cannot be read), 2 bad usage.
`;

export async function doctorCommand(argv: string[], io: CliIO = processIO): Promise<number> {
  let args;
  try {
    args = parseArgs(argv, { values: ['data-dir', 'profile'], flags: ['json', 'help', 'no-verify', 'no-journal'] });
    if (args.flags.has('help')) {
      io.out(DOCTOR_HELP);
      return 0;
    }
    if (args.positionals.length !== 1) throw new UsageError('doctor needs exactly one <pod-root|uuid>');
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`podunit doctor: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  let report;
  try {
    const pod = resolvePod(args.positionals[0], args.values.get('data-dir') ?? DEFAULT_DATA_DIR);
    report = await doctor(pod.root, {
      dataDir: pod.dataDir ?? undefined,
      profile: args.values.get('profile'),
      verify: !args.flags.has('no-verify'),
      journal: !args.flags.has('no-journal'),
    });
  } catch (e) {
    io.err(`podunit doctor: ${(e as Error).message}\n`);
    return 1;
  }
  io.out(args.flags.has('json') ? JSON.stringify(report, null, 2) + '\n' : doctorText(report));
  return report.findings.some((f) => f.severity !== 'info') ? 1 : 0;
}
