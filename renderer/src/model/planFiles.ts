// File sets built from plans and from the files the host read on disk.
import type { Plan } from '../../../shared/plan';
import type { DiskFile } from '../../../shared/ipc/contract';
import type { FileSet, FileSide } from './fileSets';
import { S1, UNIT_DIR } from './fileGroups';

/** Files and symlinks of a plan; directories carry no content worth a diff. */
export function planFileSet(plan: Plan | null): FileSet {
  const out = new Map<string, FileSide>();
  if (!plan) return out;
  for (const e of plan.entries) {
    if (e.kind === 'dir') continue;
    out.set(e.path, { kind: e.kind, content: e.content, target: e.target, mode: e.mode });
  }
  return out;
}

/** Where the host's snapshot lists every file, so absence there means absence on disk. */
export const DISK_COVERAGE = [`${UNIT_DIR}/`, `${S1}/rkt/env/`, `${S1}/usr/lib/sysusers.d/`];

export function coveredByDisk(path: string, coverage: readonly string[]): boolean {
  return path === 'runtime-config' || coverage.some((prefix) => path.startsWith(prefix));
}

export function diskFileSet(lists: DiskFile[][], runtimeConfigText: string | null): FileSet {
  const out = new Map<string, FileSide>();
  for (const list of lists) {
    for (const f of list) {
      if (f.kind === 'other' || f.kind === 'dir') continue;
      if (f.path.endsWith('/.keep')) continue;
      out.set(f.path, {
        kind: f.kind,
        content: f.content ?? undefined,
        target: f.target ?? undefined,
        mode: f.mode,
      });
    }
  }
  if (runtimeConfigText !== null) out.set('runtime-config', { kind: 'file', content: runtimeConfigText });
  return out;
}

/** The part of a file set the disk snapshot can speak about. */
export function restrictToCoverage(files: FileSet, coverage: readonly string[]): FileSet {
  const out = new Map<string, FileSide>();
  for (const [path, side] of files) if (coveredByDisk(path, coverage)) out.set(path, side);
  return out;
}

/**
 * Want links already on disk: rkt leaves an existing `*.wants/<unit>` link alone, so a plan
 * does not list it, yet it is the generator's own. Such links are not "only on disk".
 */
export function isGeneratorWantLink(path: string, side: FileSide, planned: FileSet): boolean {
  if (side.kind !== 'symlink' || !path.startsWith(`${UNIT_DIR}/`)) return false;
  const m = /^(.*)\.wants\/([^/]+)$/.exec(path.slice(UNIT_DIR.length + 1));
  if (!m || m[1].includes('/') || side.target !== `../${m[2]}`) return false;
  return m[2] === 'systemd-journal-flush.service' || planned.has(`${UNIT_DIR}/${m[2]}`);
}

/** Copies podunit keeps of files it replaced when writing (`<name>.podunit-bak`, then `.1`, `.2` …). */
export function isBackup(path: string): boolean {
  return /\.podunit-bak(\.[0-9]+)?$/.test(path);
}

/**
 * The disk side of "generated vs on disk", without the want links the generator keeps and
 * without podunit's backups (they are shown as backups, not as files the plan lacks).
 */
export function diskBaseline(disk: FileSet, planned: FileSet): FileSet {
  const out = new Map<string, FileSide>();
  for (const [path, side] of disk) {
    if (isBackup(path)) continue;
    if (planned.has(path) || !isGeneratorWantLink(path, side, planned)) out.set(path, side);
  }
  return out;
}

/** podunit's backups among the files on disk, sorted. */
export function diskBackups(disk: FileSet): string[] {
  return [...disk.keys()].filter(isBackup).sort();
}
