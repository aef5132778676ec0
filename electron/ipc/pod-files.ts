// Read-only helpers for looking at a pod root on disk the way an inspector does: never
// following symlinks out of the root, never failing on a missing file.
import { lstatSync, readdirSync, readlinkSync, realpathSync, type Stats } from 'node:fs';
import { readRegularFile } from '../pod/regular-file.js';
import { join } from 'node:path';
import type { DiskFile } from '../../shared/ipc/contract.js';
import { MAX_MANIFEST_TEXT } from '../../shared/ipc/limits.js';
import { checkRelative, isInside } from './confine.js';

/**
 * Largest unit, env or other non-manifest file whose text a snapshot carries (generated files
 * are small; this only bounds what a damaged pod can make the UI load). Manifests have their
 * own, larger limit, the one edits have: see readManifest.
 */
export const MAX_TEXT_BYTES = 2 * 1024 * 1024;

export function kindOf(st: Stats): DiskFile['kind'] {
  if (st.isSymbolicLink()) return 'symlink';
  if (st.isDirectory()) return 'dir';
  if (st.isFile()) return 'file';
  return 'other';
}

export function modeString(st: Stats): string {
  return (st.mode & 0o7777).toString(8).padStart(4, '0');
}

/**
 * A view of one pod root. Paths are '/'-separated and relative to it. An instance serves one
 * request (a snapshot, a summary): it remembers where each directory really is, so listing a
 * tree resolves every directory once instead of once per entry.
 */
export class PodDir {
  readonly root: string;
  /** Directory (absolute, as joined) → its real path inside the root, null outside, undefined when missing. */
  private readonly realDirs = new Map<string, string | null | undefined>();

  constructor(root: string) {
    this.root = realpathSync(root);
  }

  /** Absolute path of `rel`, or null when an intermediate symlink leads outside the root. */
  private abs(rel: string): string | null {
    const clean = checkRelative(rel);
    const full = join(this.root, clean);
    const parent = join(full, '..');
    const realParent = this.realDir(parent);
    if (realParent === undefined) return full; // parent missing: lstat will say ENOENT
    if (realParent === null) return null;
    return join(realParent, full.slice(parent.length + 1));
  }

  private realDir(dir: string): string | null | undefined {
    if (this.realDirs.has(dir)) return this.realDirs.get(dir);
    let real: string | null | undefined;
    try {
      const resolved = realpathSync.native(dir);
      real = isInside(this.root, resolved) ? resolved : null;
    } catch {
      real = undefined;
    }
    this.realDirs.set(dir, real);
    return real;
  }

  lstat(rel: string): Stats | null {
    const p = this.abs(rel);
    if (p === null) return null;
    try { return lstatSync(p); } catch { return null; }
  }

  isDir(rel: string): boolean {
    return this.lstat(rel)?.isDirectory() ?? false;
  }

  exists(rel: string): boolean {
    return this.lstat(rel) !== null;
  }

  /** Text of a regular file (no symlink following), or an error message. */
  readText(rel: string, limit = MAX_TEXT_BYTES): { text: string | null; error: string | null } {
    const st = this.lstat(rel);
    if (!st) return { text: null, error: `${rel}: no such file` };
    if (!st.isFile()) return { text: null, error: `${rel}: not a regular file` };
    if (st.size > limit) return { text: null, error: `${rel}: larger than ${limit} bytes` };
    try {
      const text = decodeUtf8(readRegularFile(this.abs(rel)!, true));
      return text === null ? { text: null, error: `${rel}: not UTF-8 text` } : { text, error: null };
    } catch (err) {
      return { text: null, error: `${rel}: ${(err as Error).message}` };
    }
  }

  /** Text of a manifest, up to the size the UI can show and send back edited. */
  readManifest(rel: string): { text: string | null; error: string | null } {
    return this.readText(rel, MAX_MANIFEST_TEXT);
  }

  readlink(rel: string): string | null {
    const st = this.lstat(rel);
    if (!st?.isSymbolicLink()) return null;
    try { return readlinkSync(this.abs(rel)!); } catch { return null; }
  }

  /** Entry names of a real directory (a symlinked directory is not listed), sorted. */
  list(rel: string): string[] {
    const p = rel === '' ? this.root : this.abs(rel);
    if (p === null) return [];
    if (rel !== '' && !this.isDir(rel)) return [];
    try { return readdirSync(p).sort(); } catch { return []; }
  }

  describe(rel: string): DiskFile | null {
    const st = this.lstat(rel);
    if (!st) return null;
    const kind = kindOf(st);
    let content: string | null = null;
    if (kind === 'file' && st.size <= MAX_TEXT_BYTES) {
      try { content = decodeUtf8(readRegularFile(this.abs(rel)!, true)); } catch { content = null; }
    }
    return {
      path: rel, kind, mode: modeString(st), size: st.size, content,
      target: kind === 'symlink' ? this.readlink(rel) : null,
    };
  }

  /** Every entry under a directory, depth first in name order, directories included. */
  walk(rel: string, limit = 5000): DiskFile[] {
    const out: DiskFile[] = [];
    const visit = (dir: string) => {
      for (const name of this.list(dir)) {
        if (out.length >= limit) return;
        const child = `${dir}/${name}`;
        const file = this.describe(child);
        if (!file) continue;
        out.push(file);
        if (file.kind === 'dir') visit(child);
      }
    };
    visit(rel);
    return out;
  }
}

/** UTF-8 text, or null for bytes that are not valid UTF-8 (binary). */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
