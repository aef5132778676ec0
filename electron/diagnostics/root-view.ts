// A read-only view of one root file system (the stage1 root, or one app's root) made of one
// or more host directories stacked like overlayfs: the first layer that has an entry wins,
// and a whiteout (a character device 0:0) in an upper layer hides the entry below.
//
// Paths given to the view are absolute inside the root ('/bin/sh'). Every host file system
// call is made on a path whose parent components were checked not to be symlinks in that
// layer, so a symlink in the pod can never lead a read outside the layer.
import fs from 'node:fs';
import path from 'node:path';

export type EntryKind = 'file' | 'dir' | 'symlink' | 'char' | 'block' | 'fifo' | 'socket' | 'other';

export interface ViewStat {
  kind: EntryKind;
  mode: number;
  uid: number;
  gid: number;
  size: number;
  mtimeMs: number;
  /** The host path the entry was found at (for evidence). */
  hostPath: string;
}

export type ResolveError = 'ENOENT' | 'ENOTDIR' | 'ELOOP' | 'EACCES';

export type Resolved =
  | { ok: true; path: string; stat: ViewStat; links: string[] }
  | { ok: false; error: ResolveError; path: string; at: string; links: string[] };

/** Linux gives up after 40 symlinks in one lookup. */
const MAX_LINKS = 40;

function kindOf(st: fs.Stats): EntryKind {
  if (st.isSymbolicLink()) return 'symlink';
  if (st.isFile()) return 'file';
  if (st.isDirectory()) return 'dir';
  if (st.isCharacterDevice()) return 'char';
  if (st.isBlockDevice()) return 'block';
  if (st.isFIFO()) return 'fifo';
  if (st.isSocket()) return 'socket';
  return 'other';
}

function isWhiteout(st: fs.Stats): boolean {
  return st.isCharacterDevice() && st.rdev === 0;
}

/** Splits an absolute or relative in-root path into clean components ('..' kept). */
export function components(p: string): string[] {
  return p.split('/').filter((c) => c !== '' && c !== '.');
}

/** Lexically cleans an in-root path: '..' never climbs above '/'. */
export function cleanInRoot(p: string): string {
  const out: string[] = [];
  for (const c of components(p)) {
    if (c === '..') out.pop();
    else out.push(c);
  }
  return '/' + out.join('/');
}

export class RootView {
  private dirOk = new Map<string, boolean>();

  /** layers: host directories, upper first. Missing directories are allowed (they hold nothing). */
  constructor(readonly layers: string[], readonly label = 'root') {}

  /** True when `rel` (clean, no leading slash) is a real directory chain inside layer. */
  private chainIsDirs(layer: string, parts: string[]): boolean {
    let acc = layer;
    for (const part of parts) {
      acc = path.join(acc, part);
      let ok = this.dirOk.get(acc);
      if (ok === undefined) {
        try {
          const st = fs.lstatSync(acc);
          ok = st.isDirectory();
        } catch {
          ok = false;
        }
        // Only found directories are remembered: a running pod creates new ones.
        if (ok) this.dirOk.set(acc, ok);
      }
      if (!ok) return false;
    }
    return true;
  }

  private locate(p: string): { st: fs.Stats; host: string } | null {
    const parts = components(cleanInRoot(p));
    for (const layer of this.layers) {
      if (!this.chainIsDirs(layer, parts.slice(0, -1))) {
        // A whiteout or a non-directory on the parent chain in this layer hides lower layers.
        if (this.parentHidden(layer, parts)) return null;
        continue;
      }
      const host = path.join(layer, ...parts);
      let st: fs.Stats;
      try {
        st = fs.lstatSync(host);
      } catch {
        continue;
      }
      if (isWhiteout(st)) return null;
      return { st, host };
    }
    return null;
  }

  private parentHidden(layer: string, parts: string[]): boolean {
    let acc = layer;
    for (const part of parts.slice(0, -1)) {
      acc = path.join(acc, part);
      let st: fs.Stats;
      try {
        st = fs.lstatSync(acc);
      } catch {
        return false;
      }
      if (!st.isDirectory()) return true;
    }
    return false;
  }

  /** Does not follow a final symlink. */
  lstat(p: string): ViewStat | null {
    const hit = this.locate(p);
    if (!hit) return null;
    const { st, host } = hit;
    return { kind: kindOf(st), mode: st.mode & 0o7777, uid: st.uid, gid: st.gid, size: st.size, mtimeMs: st.mtimeMs, hostPath: host };
  }

  exists(p: string): boolean {
    return this.lstat(p) !== null;
  }

  readlink(p: string): string | null {
    const hit = this.locate(p);
    if (!hit || !hit.st.isSymbolicLink()) return null;
    return fs.readlinkSync(hit.host);
  }

  /** Reads a regular file (not through a final symlink); null when absent or not a file. */
  readFile(p: string, maxBytes = 16 * 1024 * 1024): Buffer | null {
    const hit = this.locate(p);
    if (!hit || !hit.st.isFile()) return null;
    if (hit.st.size <= maxBytes) return fs.readFileSync(hit.host);
    const fd = fs.openSync(hit.host, 'r');
    try {
      const buf = Buffer.alloc(maxBytes);
      const n = fs.readSync(fd, buf, 0, maxBytes, 0);
      return buf.subarray(0, n);
    } finally {
      fs.closeSync(fd);
    }
  }

  readText(p: string): string | null {
    return this.readFile(p)?.toString('utf8') ?? null;
  }

  /** Names in a directory, merged over the layers; whiteouts removed. */
  readdir(p: string): string[] | null {
    const parts = components(cleanInRoot(p));
    const seen = new Set<string>();
    const hidden = new Set<string>();
    let found = false;
    for (const layer of this.layers) {
      if (!this.chainIsDirs(layer, parts)) {
        if (this.parentHidden(layer, [...parts, ''])) break;
        continue;
      }
      const host = path.join(layer, ...parts);
      let names: fs.Dirent[];
      try {
        names = fs.readdirSync(host, { withFileTypes: true });
      } catch {
        continue;
      }
      found = true;
      for (const d of names) {
        if (seen.has(d.name) || hidden.has(d.name)) continue;
        if (d.isCharacterDevice()) {
          const st = fs.lstatSync(path.join(host, d.name));
          if (isWhiteout(st)) {
            hidden.add(d.name);
            continue;
          }
        }
        seen.add(d.name);
      }
    }
    return found ? [...seen] : null;
  }

  /** The host path of an entry, when it exists. */
  hostPath(p: string): string | null {
    return this.locate(p)?.host ?? null;
  }

  /**
   * Resolves a path the way the kernel does after chroot() into this root: '..' stops at '/',
   * absolute link targets start again at '/', more than 40 links is ELOOP. With followFinal
   * false, a final symlink is returned as such.
   */
  resolve(p: string, followFinal = true): Resolved {
    const links: string[] = [];
    const asked = cleanInRoot(p);
    let pending = components(p);
    let done: string[] = [];
    while (pending.length > 0) {
      const c = pending.shift()!;
      if (c === '..') {
        done.pop();
        continue;
      }
      const cur = '/' + [...done, c].join('/');
      const st = this.lstat(cur);
      if (!st) return { ok: false, error: 'ENOENT', path: asked, at: cur, links };
      if (st.kind === 'symlink' && (pending.length > 0 || followFinal)) {
        if (links.length >= MAX_LINKS) return { ok: false, error: 'ELOOP', path: asked, at: cur, links };
        const target = this.readlink(cur) ?? '';
        links.push(`${cur} -> ${target}`);
        if (target.startsWith('/')) done = [];
        pending = [...components(target), ...pending];
        continue;
      }
      if (pending.length > 0 && st.kind !== 'dir') {
        return { ok: false, error: 'ENOTDIR', path: asked, at: cur, links };
      }
      done.push(c);
    }
    const final = '/' + done.join('/');
    const st = this.lstat(final);
    if (!st) return { ok: false, error: 'ENOENT', path: asked, at: final, links };
    return { ok: true, path: final, stat: st, links };
  }
}
