// What differs between two plans for the same pod (typically two profiles): files only one of
// them writes, files both write differently (unit files option by option, env files entry by
// entry), the error and the systemd-nspawn arguments. Pure; the CLI and the UI render it.
import type { Plan, PlanEntry } from '../../shared/plan.js';

export interface OptionChange {
  section: string;
  name: string;
  /** Values only the first plan writes, then values only the second writes (as many times as they differ). */
  removed: string[];
  added: string[];
  /** Same values, different order. */
  reordered: boolean;
}

export interface FileChange {
  path: string;
  /** What differs besides the content: kind, mode, owner, symlink target. */
  attributes: { field: string; a: string; b: string }[];
  /** Unit files: the options that differ. */
  options?: OptionChange[];
  /** Other files: lines (env files: entries) only in one of them. */
  lines?: { removed: string[]; added: string[] };
}

export interface PlanDiff {
  a: string;
  b: string;
  onlyInA: string[];
  onlyInB: string[];
  changed: FileChange[];
  error: { a: string | null; b: string | null } | null;
  nspawn: { removed: string[]; added: string[]; a: string[] | null; b: string[] | null } | null;
  /** True when the plans write the same files with the same bytes and end the same way. */
  same: boolean;
}

const UNIT_SUFFIX = /\.(service|socket|target|mount|timer|path)$/;

type Options = { section: string; name: string; values: string[] }[];

function unitOptions(content: string): Options {
  const out: Options = [];
  let section = '';
  for (const line of content.split('\n')) {
    const header = /^\[(.+)\]$/.exec(line);
    if (header) section = header[1];
    else if (line.includes('=')) {
      const eq = line.indexOf('=');
      const name = line.slice(0, eq);
      let o = out.find((x) => x.section === section && x.name === name);
      if (!o) out.push((o = { section, name, values: [] }));
      o.values.push(line.slice(eq + 1));
    }
  }
  return out;
}

/** Multiset difference, keeping the order of `xs`. */
function minus(xs: string[], ys: string[]): string[] {
  const left = [...ys];
  return xs.filter((x) => {
    const i = left.indexOf(x);
    if (i < 0) return true;
    left.splice(i, 1);
    return false;
  });
}

function optionChanges(a: string, b: string): OptionChange[] {
  const oa = unitOptions(a);
  const ob = unitOptions(b);
  const keys = [...oa, ...ob].map((o) => `${o.section}\u0000${o.name}`).filter((k, i, all) => all.indexOf(k) === i);
  const changes: OptionChange[] = [];
  for (const k of keys) {
    const [section, name] = k.split('\u0000');
    const va = oa.find((o) => o.section === section && o.name === name)?.values ?? [];
    const vb = ob.find((o) => o.section === section && o.name === name)?.values ?? [];
    const removed = minus(va, vb);
    const added = minus(vb, va);
    const reordered = removed.length === 0 && added.length === 0 && va.join('\n') !== vb.join('\n');
    if (removed.length || added.length || reordered) changes.push({ section, name, removed, added, reordered });
  }
  return changes;
}

function fileChange(a: PlanEntry, b: PlanEntry): FileChange | null {
  const attributes: FileChange['attributes'] = [];
  const attr = (field: string, x: unknown, y: unknown) => {
    if (x !== y) attributes.push({ field, a: String(x ?? ''), b: String(y ?? '') });
  };
  attr('kind', a.kind, b.kind);
  attr('mode', a.mode, b.mode);
  attr('owner', `${a.uid}:${a.gid}`, `${b.uid}:${b.gid}`);
  attr('target', a.target, b.target);
  const change: FileChange = { path: a.path, attributes };
  const ca = a.content ?? '';
  const cb = b.content ?? '';
  if (ca !== cb) {
    if (UNIT_SUFFIX.test(a.path)) change.options = optionChanges(ca, cb);
    else {
      const sep = ca.includes('\0') || cb.includes('\0') ? /\0|\n/ : /\n/;
      const la = ca.split(sep).filter((l) => l !== '');
      const lb = cb.split(sep).filter((l) => l !== '');
      change.lines = { removed: minus(la, lb), added: minus(lb, la) };
      const terminator = (c: string) => (c.includes('\0') ? 'NUL-terminated' : 'newline-terminated');
      if (terminator(ca) !== terminator(cb)) attributes.push({ field: 'entries', a: terminator(ca), b: terminator(cb) });
    }
    // Same options in a different layout (v0.7.0's blank line after every section) still differ in bytes.
    if (change.options?.length === 0) attributes.push({ field: 'layout', a: 'bytes differ', b: 'same options' });
  }
  return attributes.length || change.options?.length || change.lines ? change : null;
}

export function diffPlans(a: Plan, b: Plan): PlanDiff {
  const all = (p: Plan) => [...p.entries, ...(p.nspawnEntries ?? [])];
  const ma = new Map(all(a).map((e) => [e.path, e]));
  const mb = new Map(all(b).map((e) => [e.path, e]));
  const onlyInA = [...ma.keys()].filter((p) => !mb.has(p));
  const onlyInB = [...mb.keys()].filter((p) => !ma.has(p));
  const changed: FileChange[] = [];
  for (const [path, ea] of ma) {
    const eb = mb.get(path);
    const c = eb ? fileChange(ea, eb) : null;
    if (c) changed.push(c);
  }
  const errA = a.error?.message ?? a.nspawnError?.message ?? null;
  const errB = b.error?.message ?? b.nspawnError?.message ?? null;
  const argsA = a.nspawnArgs;
  const argsB = b.nspawnArgs;
  const nspawnSame = JSON.stringify(argsA) === JSON.stringify(argsB);
  const diff: PlanDiff = {
    a: a.profile,
    b: b.profile,
    onlyInA,
    onlyInB,
    changed,
    error: errA === errB ? null : { a: errA, b: errB },
    nspawn: nspawnSame ? null : { removed: minus(argsA ?? [], argsB ?? []), added: minus(argsB ?? [], argsA ?? []), a: argsA, b: argsB },
    same: false,
  };
  diff.same = !onlyInA.length && !onlyInB.length && !changed.length && !diff.error && !diff.nspawn;
  return diff;
}
