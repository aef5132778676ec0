// Conformance corpus helpers: lay out a case's input as a pod root (modes, ownership), run the
// CLI on it in-process, and compare the result with expected.json the way the corpus README says.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../cli/main.js';
import type { PlanEntry } from '../../shared/plan.js';
import { wasSymlink } from './corpus-symlinks.js';

export interface CaseSpec {
  description: string;
  uuid: string;
  runtimePod?: unknown;
  metadataServiceURL?: string;
  mutableAppAdd?: string[];
  hostSystemctlVersionOutput?: string;
  inputOwnership?: { path: string; uid: number; gid: number }[];
  umask?: string;
  interactive?: boolean;
  privateUsers?: string;
}

export interface Expected {
  error: string | null;
  errorStage: string | null;
  panic?: boolean;
  entries: (PlanEntry & { unorderedSections?: boolean })[] | null;
  nspawnArgs: string[] | null;
  nspawnError: string | null;
  nspawnEntries: (PlanEntry & { unorderedSections?: boolean })[] | null;
}

/** Copies a case's input/ as the corpus README says; `caseName` restores stored symlinks. */
export function copyInput(src: string, dst: string, caseName = '', rel = ''): void {
  fs.mkdirSync(dst, { recursive: true, mode: 0o755 });
  fs.chmodSync(dst, 0o755);
  for (const e of fs.readdirSync(src, { withFileTypes: true })) {
    const s = path.join(src, e.name);
    const d = path.join(dst, e.name);
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isSymbolicLink()) fs.symlinkSync(fs.readlinkSync(s), d);
    else if (e.isDirectory()) copyInput(s, d, caseName, r);
    else if (wasSymlink(caseName, r)) fs.symlinkSync(fs.readFileSync(s, 'utf8'), d);
    else {
      fs.copyFileSync(s, d);
      fs.chmodSync(d, fs.statSync(s).mode & 0o111 ? 0o755 : 0o644);
    }
  }
}

export const canChown = typeof process.getuid === 'function' && process.getuid() === 0;

export interface CaseRun {
  root: string;
  tmp: string;
  code: number;
  stdout: string;
  stderr: string;
}

/** Materializes the case and runs `podunit generate --json` on it, in this process. */
export async function runCase(caseDir: string, extraArgs: string[] = [], legacy = false): Promise<CaseRun> {
  const spec: CaseSpec = JSON.parse(fs.readFileSync(path.join(caseDir, 'case.json'), 'utf8'));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'podunit-case-'));
  const root = path.join(tmp, 'pod');
  copyInput(path.join(caseDir, 'input'), root, path.basename(caseDir));
  if (canChown) for (const o of spec.inputOwnership ?? []) fs.lchownSync(path.join(root, o.path), o.uid, o.gid);
  const args = ['generate', root, '--json', '--uuid', spec.uuid, '--host-cgroups', 'memory,cpu', ...extraArgs];
  if (spec.hostSystemctlVersionOutput !== undefined) {
    const f = path.join(tmp, 'systemctl-version.txt');
    fs.writeFileSync(f, spec.hostSystemctlVersionOutput);
    args.push('--host-systemctl-output', f);
  }
  if (legacy) {
    if (spec.interactive) args.push('--interactive');
    if (spec.privateUsers) args.push('--private-users', spec.privateUsers);
  } else {
    const f = path.join(tmp, 'runtime-pod.json');
    fs.writeFileSync(f, JSON.stringify(spec.runtimePod));
    args.push('--runtime-config', f);
    if (spec.mutableAppAdd?.length) args.push('--app-add', spec.mutableAppAdd.join(','));
  }
  if (spec.metadataServiceURL) args.push('--metadata-url', spec.metadataServiceURL);
  let stdout = '';
  let stderr = '';
  const previous = process.umask(parseInt(spec.umask ?? '0022', 8));
  let code: number;
  try {
    code = await main(args, { out: (t) => (stdout += t), err: (t) => (stderr += t) });
  } finally {
    process.umask(previous);
  }
  return { root, tmp, code, stdout, stderr };
}

const norm = (v: unknown, root: string) => (typeof v === 'string' ? v.split(root).join('${POD_ROOT}') : v);
const sections = (t: string) => t.split(/\n(?=\[)/).map((s) => s.replace(/\n+$/, '')).sort().join('\n');

function sameContent(exp: PlanEntry & { unorderedSections?: boolean }, act: PlanEntry): boolean {
  if (exp.content === undefined) return exp.target === act.target;
  if (typeof act.content !== 'string') return false;
  if (exp.unorderedSections) return sections(exp.content) === sections(act.content);
  const n = exp.unorderedPrefixLines ?? 0;
  if (!n) return exp.content === act.content;
  const sep = exp.content.includes('\u0000') ? '\u0000' : '\n';
  const e = exp.content.split(sep);
  const a = act.content.split(sep);
  if (e.length !== a.length) return false;
  const head = (x: string[]) => x.slice(0, n).sort().join(sep);
  return head(e) === head(a) && e.slice(n).join(sep) === a.slice(n).join(sep);
}

function compareEntries(exp: Expected['entries'], act: PlanEntry[] | null, root: string, what: string): string[] {
  const byPath = new Map((act ?? []).map((x) => [x.path, x]));
  const problems: string[] = [];
  for (const e of exp ?? []) {
    const a = byPath.get(e.path);
    if (!a) {
      problems.push(`${what}: missing ${e.path}`);
      continue;
    }
    byPath.delete(e.path);
    const keys = canChown ? (['kind', 'mode', 'uid', 'gid'] as const) : (['kind', 'mode'] as const);
    for (const k of keys) if (e[k] !== undefined && e[k] !== a[k]) problems.push(`${what}: ${e.path} ${k} ${JSON.stringify(a[k])} != ${JSON.stringify(e[k])}`);
    const a2 = { ...a, target: norm(a.target, root) as string | undefined, content: norm(a.content, root) as string | undefined };
    if (!sameContent(e, a2)) problems.push(`${what}: ${e.path} content differs`);
  }
  for (const p of byPath.keys()) problems.push(`${what}: extra ${p}`);
  return problems;
}

/** Differences between the CLI's JSON and expected.json ([] when the case passes). */
export function compareWithExpected(exp: Expected, stdout: string, root: string): string[] {
  let act: Record<string, unknown>;
  try {
    act = JSON.parse(stdout);
  } catch {
    return [`no JSON on stdout: ${stdout.slice(0, 200)}`];
  }
  const problems: string[] = [];
  const actErr = norm(act.error ?? null, root);
  if (exp.panic) {
    if (actErr === null) problems.push('expected an error (rkt panics here), got none');
  } else if ((exp.error ?? null) !== actErr) problems.push(`error ${JSON.stringify(actErr)} != ${JSON.stringify(exp.error)}`);
  if ((exp.errorStage ?? null) !== (act.errorStage ?? null)) problems.push(`errorStage ${act.errorStage} != ${exp.errorStage}`);
  problems.push(...compareEntries(exp.entries, act.entries as PlanEntry[], root, 'entries'));
  const na = act.nspawnArgs == null ? null : (act.nspawnArgs as string[]).map((x) => norm(x, root));
  if (JSON.stringify(exp.nspawnArgs ?? null) !== JSON.stringify(na)) problems.push(`nspawnArgs ${JSON.stringify(na)} != ${JSON.stringify(exp.nspawnArgs)}`);
  if ((exp.nspawnError ?? null) !== norm(act.nspawnError ?? null, root)) problems.push(`nspawnError ${JSON.stringify(act.nspawnError)} != ${JSON.stringify(exp.nspawnError)}`);
  problems.push(...compareEntries(exp.nspawnEntries, act.nspawnEntries as PlanEntry[] | null, root, 'nspawnEntries'));
  return problems;
}
