// Compares what stage1 left on disk with what the generator makes for the same manifests.
import type { Plan, PlanEntry } from '../../shared/plan.js';
import type { PodLayout } from './overlay.js';

export interface LineChange {
  /** '-' expected but not on disk, '+' on disk but not expected. */
  op: '-' | '+';
  /** Line number in the file on disk ('+'), or in the expected text ('-'). */
  line: number;
  text: string;
}

export interface FileDrift {
  /** Pod-relative path. */
  path: string;
  hostPath: string | null;
  change: 'changed' | 'missing' | 'kind' | 'target';
  changes: LineChange[];
  summary: string;
}

const S1 = 'stage1/rootfs/';

/** Line diff by longest common subsequence; files here are a few hundred lines at most. */
export function diffLines(expected: string[], actual: string[]): LineChange[] {
  const n = expected.length;
  const m = actual.length;
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = expected[i] === actual[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const out: LineChange[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && expected[i] === actual[j]) {
      i++;
      j++;
    } else if (j < m && (i >= n || lcs[i][j + 1] >= lcs[i + 1][j])) {
      out.push({ op: '+', line: j + 1, text: actual[j++] });
    } else {
      out.push({ op: '-', line: i + 1, text: expected[i++] });
    }
  }
  return out;
}

function splitLines(s: string): string[] {
  const lines = s.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Env files: rkt writes the first `prefix` lines in map order, which Go randomises. */
function compareEnv(expected: string[], actual: string[], prefix: number): LineChange[] {
  const a = [...expected.slice(0, prefix)].sort();
  const b = [...actual.slice(0, prefix)].sort();
  if (a.join('\n') === b.join('\n')) {
    return diffLines(expected.slice(prefix), actual.slice(prefix)).map((c) => ({ ...c, line: c.line + prefix }));
  }
  return diffLines(expected, actual);
}

function summarize(changes: LineChange[]): string {
  const plus = changes.filter((c) => c.op === '+').length;
  const minus = changes.filter((c) => c.op === '-').length;
  const parts: string[] = [];
  if (plus) parts.push(`${plus} line${plus > 1 ? 's' : ''} on disk that the generator does not write`);
  if (minus) parts.push(`${minus} generated line${minus > 1 ? 's' : ''} missing on disk`);
  return parts.join(', ');
}

export function comparedEntries(plan: Plan): PlanEntry[] {
  return plan.entries.filter((e) => e.kind !== 'dir' && e.path.startsWith(S1));
}

export function compareWithPlan(layout: PodLayout, plan: Plan): FileDrift[] {
  const out: FileDrift[] = [];
  for (const e of comparedEntries(plan)) {
    const inner = '/' + e.path.slice(S1.length);
    const st = layout.stage1.lstat(inner);
    const hostPath = st?.hostPath ?? null;
    if (!st) {
      out.push({ path: e.path, hostPath, change: 'missing', changes: [], summary: 'generated file is missing on disk' });
      continue;
    }
    if (e.kind === 'symlink') {
      if (st.kind !== 'symlink') {
        out.push({ path: e.path, hostPath, change: 'kind', changes: [], summary: `expected a symlink to ${e.target}, found a ${st.kind}` });
      } else {
        const t = layout.stage1.readlink(inner);
        if (t !== e.target) out.push({ path: e.path, hostPath, change: 'target', changes: [], summary: `symlink points to ${t}, generator says ${e.target}` });
      }
      continue;
    }
    if (st.kind !== 'file') {
      out.push({ path: e.path, hostPath, change: 'kind', changes: [], summary: `expected a file, found a ${st.kind}` });
      continue;
    }
    const actual = layout.stage1.readText(inner) ?? '';
    const expected = e.content ?? '';
    if (actual === expected) continue;
    const changes = e.unorderedPrefixLines
      ? compareEnv(splitLines(expected), splitLines(actual), e.unorderedPrefixLines)
      : diffLines(splitLines(expected), splitLines(actual));
    if (changes.length === 0) {
      if (e.unorderedPrefixLines) continue;
      out.push({ path: e.path, hostPath, change: 'changed', changes, summary: 'differs only in line endings or the final newline' });
      continue;
    }
    out.push({ path: e.path, hostPath, change: 'changed', changes, summary: summarize(changes) });
  }
  return out;
}
