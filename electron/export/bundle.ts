// The content of an exported bundle, computed from a plan: what rkt's stage1 would write (under
// pod/, at the same paths as in the pod root), the nspawn arguments, the provenance map, a small
// description and SHA256SUMS. Pure: no file system, same plan in, same bytes out.
import { createHash } from 'node:crypto';
import type { Plan, PlanEntry } from '../../shared/plan.js';
import type { TarEntry } from './tar.js';
import { entryBytes } from '../pod/entry-bytes.js';

export const BUNDLE_FORMAT = 'podunit-bundle/1';
export const POD_PREFIX = 'pod';

const enc = new TextEncoder();

function modeOf(entry: PlanEntry): number {
  if (entry.kind === 'symlink') return 0o777;
  if (entry.mode && /^[0-7]{1,4}$/.test(entry.mode)) return Number.parseInt(entry.mode, 8);
  return entry.kind === 'dir' ? 0o755 : 0o644;
}

function checkPath(path: string): string {
  const clean = path.replace(/^\.\//, '').replace(/\/+$/, '');
  if (clean === '' || clean.startsWith('/') || clean.split('/').some((p) => p === '..' || p === '.' || p === '')) {
    throw new Error(`plan entry path is not a clean relative path: ${JSON.stringify(path)}`);
  }
  return clean;
}

function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

function json(value: unknown): Uint8Array {
  return enc.encode(`${JSON.stringify(value, null, 2)}\n`);
}

export function sha256Hex(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Sorts keys recursively so the JSON text does not depend on insertion order. */
function sortedKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(sortedKeys) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort(compareBytes)) out[key] = sortedKeys((value as Record<string, unknown>)[key]);
    return out as T;
  }
  return value;
}

/** Every entry of the bundle, directories included, sorted by path in byte order. */
export function bundleEntries(plan: Plan): TarEntry[] {
  const byPath = new Map<string, TarEntry>();
  const add = (entry: TarEntry) => {
    const parts = entry.path.split('/');
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/');
      if (!byPath.has(dir)) byPath.set(dir, { path: dir, kind: 'dir', mode: 0o755 });
    }
    byPath.set(entry.path, entry);
  };

  const provenance: Record<string, unknown> = {};
  for (const e of [...plan.entries, ...(plan.nspawnEntries ?? [])]) {
    const path = `${POD_PREFIX}/${checkPath(e.path)}`;
    if (e.kind === 'file') add({ path, kind: 'file', mode: modeOf(e), data: entryBytes(e) });
    else if (e.kind === 'symlink') add({ path, kind: 'symlink', mode: 0o777, target: e.target ?? '' });
    else add({ path, kind: 'dir', mode: modeOf(e) });
    const lines = plan.provenance[e.path];
    if (lines) provenance[path] = lines;
  }
  if (plan.nspawnArgs) add({ path: 'nspawn-args.json', kind: 'file', mode: 0o644, data: json(plan.nspawnArgs) });
  add({ path: 'provenance.json', kind: 'file', mode: 0o644, data: json(sortedKeys(provenance)) });
  add({
    path: 'bundle.json', kind: 'file', mode: 0o644,
    data: json({ format: BUNDLE_FORMAT, profile: plan.profile, warnings: plan.warnings, stderr: plan.stderr }),
  });

  const files = [...byPath.values()].filter((e) => e.kind === 'file').sort((a, b) => compareBytes(a.path, b.path));
  const sums = files.map((f) => `${sha256Hex(f.data!)}  ${f.path}\n`).join('');
  add({ path: 'SHA256SUMS', kind: 'file', mode: 0o644, data: enc.encode(sums) });

  return [...byPath.values()].sort((a, b) => compareBytes(a.path, b.path));
}
