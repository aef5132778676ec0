// Can the app's user and group be resolved in its root file system? The rules are rkt's
// (numbers first, then file owners for paths, then its own strict passwd/group parser), so
// a name that libc would accept can still fail here, e.g. because of a '#' comment line.
import type { Evidence } from './findings.js';
import type { RootView } from './root-view.js';

export type IdLookup =
  | { ok: true; id: number; how: string }
  | { ok: false; error: string; evidence: Evidence[] };

function numeric(s: string): number | null {
  return /^[+-]?\d+$/.test(s) ? Number(s) : null;
}

function lookupFile(view: RootView, file: '/etc/passwd' | '/etc/group', name: string): IdLookup {
  const minFields = file === '/etc/passwd' ? 7 : 4;
  const idField = 2;
  const r = view.resolve(file);
  if (!r.ok || r.stat.kind !== 'file') {
    return { ok: false, error: `${file} does not exist in the app's root`, evidence: [] };
  }
  const text = view.readText(r.path) ?? '';
  const host = r.stat.hostPath;
  let found: { id: number; line: number } | null = null;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line === '') continue;
    const fields = line.split(':');
    const ev: Evidence = { kind: 'file', path: host, line: i + 1, text: line };
    if (fields.length < minFields) {
      return {
        ok: false,
        error: `rkt cannot parse ${file}: line ${i + 1} has ${fields.length} field${fields.length === 1 ? '' : 's'}, expected at least ${minFields} (rkt rejects the whole file, comments included)`,
        evidence: [ev],
      };
    }
    if (!/^\d+$/.test(fields[idField])) {
      return { ok: false, error: `rkt cannot parse ${file}: line ${i + 1} has a non-numeric id "${fields[idField]}"`, evidence: [ev] };
    }
    if (fields[0] === name) found = { id: Number(fields[idField]), line: i + 1 };
  }
  if (!found) return { ok: false, error: `"${name}" is not in ${file} of the app's root`, evidence: [{ kind: 'file', path: host, text: `${file}: no entry "${name}"` }] };
  return { ok: true, id: found.id, how: `${file} line ${found.line}` };
}

/** Resolves `user` (which = 'user') or `group` the way rkt does. */
export function resolveId(view: RootView, which: 'user' | 'group', value: string): IdLookup {
  if (value === 'root') return { ok: true, id: 0, how: 'root' };
  const n = numeric(value);
  if (n !== null) {
    if (n < 0) return { ok: false, error: `${which} ${value} is negative (rkt: "Invalid uid or gid")`, evidence: [] };
    return { ok: true, id: n, how: 'numeric' };
  }
  if (value.startsWith('/')) {
    const st = view.lstat(value);
    if (!st) return { ok: false, error: `${which} is given as the path ${value}, which does not exist in the app's root`, evidence: [] };
    return { ok: true, id: which === 'user' ? st.uid : st.gid, how: `owner of ${value}` };
  }
  return lookupFile(view, which === 'user' ? '/etc/passwd' : '/etc/group', value);
}
