// podunit diff-profiles <pod-root> A B: which files and which unit options two profiles
// (two rkt releases) generate differently for the same pod.
import { diffPlans, type PlanDiff } from '../generator/plan-diff.js';
import { generate, resolveProfile, profileChoices } from '../generator/index.js';
import { readPodSnapshot } from '../pod/read.js';
import { parseArgs, UsageError } from './args.js';
import { GENERATE_SPEC, readOptionsFromArgs } from './generate-options.js';
import type { CliIO } from './output.js';

export const DIFF_PROFILES_HELP = `Usage: podunit diff-profiles <pod-root> <profile-a> <profile-b> [options]

Generates the pod with both profiles and prints what differs: files only one of them writes,
files both write differently (unit files option by option, env files entry by entry), the
error and the systemd-nspawn arguments. Nothing is written.

Profiles: ${profileChoices().join(', ')}
Options:
  --json    one JSON object instead of text
  and the pod, runtime and host options of 'podunit generate' (--uuid, --interactive,
  --private-users, --metadata-url, --runtime-config, --host-cgroups, --as-prepared, ...)

Exit status: 0 the same output, 1 different output, 2 bad usage.
`;

const SPEC = {
  values: GENERATE_SPEC.values.filter((v) => v !== 'profile'),
  flags: GENERATE_SPEC.flags.filter((f) => f !== 'write' && f !== 'force'),
};

export async function diffProfilesCommand(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, SPEC);
  if (args.flags.has('help')) {
    io.out(DIFF_PROFILES_HELP);
    return 0;
  }
  if (args.positionals.length !== 3) throw new UsageError('diff-profiles needs <pod-root> <profile-a> <profile-b>');
  const [root, nameA, nameB] = args.positionals;
  for (const n of [nameA, nameB]) {
    if (!profileChoices().includes(n)) throw new UsageError(`unknown profile ${JSON.stringify(n)} (known: ${profileChoices().join(', ')})`);
  }
  const snapshot = readPodSnapshot(root, readOptionsFromArgs(args));
  const plan = (name: string) => generate(snapshot, resolveProfile(snapshot, name).profile!.name);
  const diff = diffPlans(plan(nameA), plan(nameB));
  if (args.flags.has('json')) io.out(JSON.stringify(diff, null, 2) + '\n');
  else io.out(renderDiff(diff, snapshot.root));
  return diff.same ? 0 : 1;
}

function renderDiff(d: PlanDiff, root: string): string {
  const out: string[] = [`${d.a} -> ${d.b} for ${root}`];
  if (d.same) return out.concat('  the same files, bytes and arguments', '').join('\n');
  const list = (title: string, paths: string[]) => {
    if (paths.length) out.push(title, ...paths.map((p) => `  ${p}`));
  };
  list(`only ${d.a} writes:`, d.onlyInA);
  list(`only ${d.b} writes:`, d.onlyInB);
  if (d.changed.length) out.push('both write, differently:');
  for (const c of d.changed) {
    out.push(`  ${c.path}`);
    for (const a of c.attributes) out.push(`    ${a.field}: ${a.a} -> ${a.b}`);
    for (const o of c.options ?? []) {
      out.push(`    [${o.section}] ${o.name}${o.reordered ? ' (same values, another order)' : ''}`);
      out.push(...o.removed.map((v) => `      - ${v}`), ...o.added.map((v) => `      + ${v}`));
    }
    if (c.lines) out.push(...c.lines.removed.map((v) => `    - ${v}`), ...c.lines.added.map((v) => `    + ${v}`));
  }
  if (d.nspawn) {
    out.push('systemd-nspawn arguments:');
    if (d.nspawn.a === null || d.nspawn.b === null) out.push(`  ${d.a}: ${d.nspawn.a ? 'computed' : 'none'}; ${d.b}: ${d.nspawn.b ? 'computed' : 'none'}`);
    out.push(...d.nspawn.removed.map((v) => `  - ${v}`), ...d.nspawn.added.map((v) => `  + ${v}`));
  }
  if (d.error) out.push('error:', `  ${d.a}: ${d.error.a ?? 'none'}`, `  ${d.b}: ${d.error.b ?? 'none'}`);
  return out.join('\n') + '\n';
}
