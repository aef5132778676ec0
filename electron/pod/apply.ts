// apply(plan): writes a plan's entries into the pod root — the only writer of pod roots.
// Every file is written atomically with the planned mode (and owner when running as root).
// A file or link that differs from the plan and that podunit did not write itself (a
// hand-edited unit, say) is a conflict: nothing is written unless `force`, and then the old
// entry is kept as <name>.podunit-bak.
import fs from 'node:fs';
import path from 'node:path';
import type { Plan, PlanEntry } from '../../shared/plan.js';
import { ConfinedWriter, fingerprintOf, linkFingerprint } from './write.js';
import { readRegularFile } from './regular-file.js';
import { sortByPathBytes } from '../generator/plan-fs.js';
import { entryBytes } from './entry-bytes.js';

/** Where podunit remembers what it wrote: path -> fingerprint of the entry it left (a file's inode, size and mtime; a link's target). */
export const STATE_FILE = '.podunit-written.json';

export type EntryAction = 'create' | 'replace' | 'unchanged' | 'update-attributes' | 'conflict';

export interface PreviewItem {
  path: string;
  kind: PlanEntry['kind'];
  action: EntryAction;
  /** Current content (files) or target (symlinks) when the entry exists. */
  current?: string;
  planned?: string;
}

export interface ApplyReport {
  written: string[];
  unchanged: string[];
  backups: { path: string; backup: string }[];
  /** Ownership could not be applied (not running as root). */
  ownershipSkipped: boolean;
}

export class ApplyError extends Error {
  constructor(message: string, readonly conflicts: string[] = []) {
    super(message);
  }
}

/**
 * What podunit wrote before. Only a regular file counts: through a symlink, a file outside the
 * pod root could vouch for files podunit never wrote, and they would be replaced without a backup.
 */
function readState(rootAbs: string): Record<string, string> {
  try {
    const v = JSON.parse(readRegularFile(path.join(rootAbs, STATE_FILE), true).toString('utf8'));
    return v && typeof v === 'object' ? v : {};
  } catch {
    return {};
  }
}

function planEntries(plan: Plan): PlanEntry[] {
  return sortByPathBytes([...plan.entries, ...(plan.nspawnEntries ?? [])]);
}

/** What apply would do to each entry, without writing anything. */
export function previewApply(plan: Plan, root: string): PreviewItem[] {
  const rootAbs = fs.realpathSync(root);
  const state = readState(rootAbs);
  const writer = new ConfinedWriter(rootAbs);
  return planEntries(plan).map((e) => previewOne(writer, e, state));
}

function previewOne(writer: ConfinedWriter, e: PlanEntry, state: Record<string, string>): PreviewItem {
  const st = writer.lstat(e.path);
  const planned = e.kind === 'file' ? e.content : e.kind === 'symlink' ? e.target : undefined;
  if (!st) return { path: e.path, kind: e.kind, action: 'create', planned };
  const abs = writer.path(e.path);
  if (e.kind === 'dir') {
    if (!st.isDirectory()) throw new ApplyError(`${e.path}: exists and is not a directory`);
    const same = (st.mode & 0o7777) === parseInt(e.mode!, 8);
    return { path: e.path, kind: e.kind, action: same ? 'unchanged' : 'update-attributes' };
  }
  if (st.isDirectory()) throw new ApplyError(`${e.path}: is a directory, the plan has a ${e.kind} there`);
  if (!st.isSymbolicLink() && !st.isFile()) throw new ApplyError(`${e.path}: is not a regular file (a pipe, socket or device), the plan has a ${e.kind} there`);
  const current = st.isSymbolicLink() ? fs.readlinkSync(abs) : readRegularFile(abs, true).toString(e.encoding === 'base64' ? 'base64' : 'utf8');
  const sameKind = e.kind === 'symlink' ? st.isSymbolicLink() : st.isFile();
  if (sameKind && current === planned) {
    const modeOk = e.kind === 'symlink' || (st.mode & 0o7777) === parseInt(e.mode!, 8);
    return { path: e.path, kind: e.kind, action: modeOk ? 'unchanged' : 'update-attributes', current, planned };
  }
  const now = st.isSymbolicLink() ? linkFingerprint(current) : fingerprintOf(st);
  const ours = state[e.path] !== undefined && state[e.path] === now;
  return { path: e.path, kind: e.kind, action: ours ? 'replace' : 'conflict', current, planned };
}

export function applyPlan(plan: Plan, root: string, opts: { force: boolean }): ApplyReport {
  if (plan.error) throw new ApplyError(`generation failed (${plan.error.message}); nothing written`);
  if (plan.nspawnError) throw new ApplyError(`systemd-nspawn arguments failed (${plan.nspawnError.message}); nothing written`);
  const rootAbs = fs.realpathSync(root);
  const state = readState(rootAbs);
  const entries = planEntries(plan);
  const writer = new ConfinedWriter(rootAbs);
  const preview = entries.map((e) => previewOne(writer, e, state));
  const conflicts = preview.filter((p) => p.action === 'conflict').map((p) => p.path);
  if (conflicts.length > 0 && !opts.force) {
    throw new ApplyError(
      `${conflicts.length} file(s) differ from the plan and were not written by podunit: ${conflicts.join(', ')}. Nothing written; use --force to replace them (the old ones are kept as <name>.podunit-bak).`,
      conflicts,
    );
  }
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const report: ApplyReport = { written: [], unchanged: [], backups: [], ownershipSkipped: false };
  entries.forEach((e, i) => {
    const p = preview[i];
    if (p.action === 'unchanged') {
      report.unchanged.push(e.path);
      if (e.kind === 'symlink') state[e.path] = linkFingerprint(e.target!);
      else if (e.kind === 'file') state[e.path] = fingerprintOf(fs.lstatSync(path.join(rootAbs, e.path)));
      return;
    }
    const owner = asRoot ? { uid: e.uid, gid: e.gid } : undefined;
    if (!asRoot && (e.uid !== 0 || e.gid !== 0)) report.ownershipSkipped = true;
    if (p.action === 'conflict') report.backups.push({ path: e.path, backup: writer.backup(e.path) });
    if (e.kind === 'dir') writer.ensureDir(e.path, parseInt(e.mode!, 8), owner);
    else if (e.kind === 'file') state[e.path] = writer.writeFile(e.path, entryBytes(e), parseInt(e.mode!, 8), owner);
    else state[e.path] = writer.symlink(e.path, e.target!);
    report.written.push(e.path);
  });
  writer.writeFile(STATE_FILE, JSON.stringify(state, null, 1) + '\n', 0o644);
  syncDirs(rootAbs, report.written);
  return report;
}

/** One fsync per directory written into, after all renames (instead of one per file). */
function syncDirs(rootAbs: string, written: string[]): void {
  const dirs = new Set(written.map((p) => path.dirname(path.join(rootAbs, p))));
  dirs.add(rootAbs);
  for (const d of dirs) {
    let fd: number | undefined;
    try {
      fd = fs.openSync(d, fs.constants.O_RDONLY | fs.constants.O_DIRECTORY);
      fs.fsyncSync(fd);
    } catch {
      /* best effort: some file systems refuse fsync on directories */
    } finally {
      if (fd !== undefined) fs.closeSync(fd);
    }
  }
}
