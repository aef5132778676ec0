// podunit generate <pod-root>: the units rkt's stage1 would write, as a dry run, as JSON,
// or written into the pod root.
import { planToJson, type Plan } from '../../shared/plan.js';
import { generate, profileChoices, resolveProfile, DEFAULT_PROFILE } from '../generator/index.js';
import { readPodSnapshot } from '../pod/read.js';
import { applyPlan, ApplyError } from '../pod/apply.js';
import { UnsafePathError } from '../pod/write.js';
import { parseArgs, UsageError } from './args.js';
import { GENERATE_SPEC, readOptionsFromArgs } from './generate-options.js';
import { renderDryRun } from './dry-run.js';
import type { CliIO } from './output.js';

export const GENERATE_HELP = `Usage: podunit generate <pod-root> [options]

Computes exactly the files rkt's stage1 writes for the pod: systemd units, env files,
sysusers files, and the systemd-nspawn arguments. By default nothing is written.

Output:
  --json                       one JSON object (error, errorStage, entries, nspawnArgs, ...)
  --write                      write the plan into the pod root (atomically)
  --force                      with --write: also replace files podunit did not write
                               (each is kept as <name>.podunit-bak)
Pod and runtime options (default: <pod-root>/runtime-config when present, else rkt's defaults):
  --uuid U                     pod UUID (default: the pod root's directory name)
  --runtime-config FILE        rkt RuntimePod JSON to use instead
  --interactive                the pod runs interactively (every app gets a tty)
  --debug                      stage1 debug mode
  --mutable                    a mutable pod (rkt app sandbox)
  --private-users SHIFT:COUNT  user namespace uid range
  --insecure-options LIST      paths,capabilities,seccomp (or all)
  --metadata-url URL           the metadata service URL (AC_METADATA_URL)
  --app-add a,b                mutable pods: apps added afterwards with 'rkt app add'
  --as-prepared                ignore the files stage1 already generated (units, env files,
                               runtime-config ...): regenerate a pod rkt has started as it was
Host facts (default: probed on this machine):
  --host-cgroups LIST|none     available cgroup controllers, e.g. memory,cpu
  --host-systemctl-output FILE use this text as the output of 'systemctl --version'
Generator:
  --profile NAME               ${profileChoices().join(', ')}
                               (default rkt-tip; auto: the release that wrote the pod's files)

Exit status: 0 success, 1 generation failed (the JSON is still printed), 2 bad usage.
`;

export async function generateCommand(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, GENERATE_SPEC);
  if (args.flags.has('help')) {
    io.out(GENERATE_HELP);
    return 0;
  }
  if (args.positionals.length !== 1) throw new UsageError('generate needs exactly one <pod-root>');
  if (args.flags.has('force') && !args.flags.has('write')) throw new UsageError('--force goes with --write');
  const name = args.values.get('profile') ?? DEFAULT_PROFILE;
  if (!profileChoices().includes(name)) throw new UsageError(`--profile ${name}: unknown profile (known: ${profileChoices().join(', ')})`);
  const snapshot = readPodSnapshot(args.positionals[0], readOptionsFromArgs(args));
  const { profile, detection } = resolveProfile(snapshot, name);
  if (detection) {
    const others = detection.possible.filter((p) => p !== detection.profile);
    io.err(`profile: ${detection.profile}: ${detection.reason}${others.length ? `; also possible: ${others.join(', ')}` : ''}\n`);
  }
  const plan = generate(snapshot, profile!.name);
  const failed = plan.error !== null || plan.nspawnError !== null;

  if (args.flags.has('json')) io.out(JSON.stringify(planToJson(plan), null, 2) + '\n');
  else if (!args.flags.has('write')) io.out(renderDryRun(plan));
  if (!args.flags.has('json')) for (const w of plan.warnings) io.err(`warning: ${w}\n`);
  if (failed) {
    io.err(describeFailure(plan));
    return 1;
  }
  if (args.flags.has('write')) {
    try {
      const report = applyPlan(plan, snapshot.root, { force: args.flags.has('force') });
      const say = args.flags.has('json') ? io.err : io.out;
      for (const p of report.written) say(`wrote ${p}\n`);
      for (const b of report.backups) say(`kept the previous ${b.path} as ${b.backup}\n`);
      say(`${report.written.length} written, ${report.unchanged.length} unchanged\n`);
      if (report.ownershipSkipped) io.err('note: not running as root, so file owners were left as they are\n');
    } catch (e) {
      if (e instanceof ApplyError || e instanceof UnsafePathError) {
        io.err(`podunit: ${e.message}\n`);
        return 1;
      }
      throw e;
    }
  }
  return 0;
}

function describeFailure(plan: Plan): string {
  const e = plan.error ?? plan.nspawnError!;
  const where = plan.error ? `generation failed (stage ${plan.errorStage})` : 'systemd-nspawn arguments failed';
  const lines = [`podunit: ${where}: ${e.chain.join(': ')}`];
  if (e.source?.kind === 'manifest') {
    const doc = e.source.doc.kind === 'pod' ? 'pod manifest' : `image manifest of app ${e.source.doc.app}`;
    lines.push(`  field: ${doc} ${e.source.pointer || '/'}`);
  }
  return lines.join('\n') + '\n';
}
