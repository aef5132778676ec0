// A read-only PodFs over a pod root on disk. Every path is resolved inside the root:
// absolute symlink targets are taken relative to the root and '..' never climbs above it,
// so nothing outside the pod root is ever read. Lookups are cached for the life of the
// instance (one generation, or until invalidate() after the pod changed on disk).
import fs from 'node:fs';
import path from 'node:path';
import { readOpenedRegularFile, readRegularFile } from './regular-file.js';
import { FsError, type Errno, type FsKind, type FsStat, type PodFs } from '../generator/podfs.js';

const MAX_LINKS = 40;
const KNOWN: Errno[] = ['ENOENT', 'ENOTDIR', 'EACCES', 'ELOOP', 'EISDIR', 'EINVAL', 'EEXIST'];

function kindOf(st: fs.Stats): FsKind {
  if (st.isFile()) return 'file';
  if (st.isDirectory()) return 'dir';
  if (st.isSymbolicLink()) return 'symlink';
  if (st.isCharacterDevice()) return 'char';
  if (st.isBlockDevice()) return 'block';
  return 'other';
}

export function toFsStat(st: fs.Stats): FsStat {
  return { kind: kindOf(st), mode: st.mode & 0o7777, uid: st.uid, gid: st.gid, size: st.size };
}

function errnoOf(e: unknown): Errno {
  const code = (e as NodeJS.ErrnoException)?.code as Errno | undefined;
  return code && KNOWN.includes(code) ? code : 'EIO';
}

type Looked = { st: FsStat } | { err: Errno };
/** A resolved directory's path, or why it could not be resolved (never a string: that would read as a path). */
type ResolvedDir = string | { err: Errno };

const ABSENT: Looked = { err: 'ENOENT' };

/** A relative path without empty, '.' or '..' components: its parent is everything before the last '/'. */
const PLAIN_PATH = /^(?!\.\.?(\/|$))[^/]+(\/(?!\.\.?(\/|$))[^/]+)*$/;

export class RealPodFs implements PodFs {
  private readonly dirs = new Map<string, ResolvedDir>();
  private readonly lstats = new Map<string, Looked>();
  private readonly links = new Map<string, string>();
  private readonly contents = new Map<string, Uint8Array>();
  /** Names in directories where lookups missed: later misses there need no system call. */
  private readonly listings = new Map<string, Set<string> | null>();
  private readonly typedListings = new Map<string, Map<string, 'dir' | 'other'> | null>();
  private readonly resolutions = new Map<string, number>();

  constructor(readonly root: string) {}

  /** Forgets cached lookups (call when the pod root changed on disk). */
  invalidate(): void {
    this.dirs.clear();
    this.lstats.clear();
    this.links.clear();
    this.contents.clear();
    this.listings.clear();
    this.typedListings.clear();
    this.resolutions.clear();
  }

  tryLstat(rel: string): FsStat | null {
    const abs = this.locate(rel, false);
    if (typeof abs !== 'string') return null;
    const r = this.lstatAbs(abs);
    return 'st' in r ? r.st : null;
  }

  lstat(rel: string): FsStat {
    return this.statOrThrow(rel, false, 'lstat');
  }

  stat(rel: string): FsStat {
    return this.statOrThrow(rel, true, 'stat');
  }

  readlink(rel: string): string {
    const abs = this.locateOrThrow(rel, false, 'readlink');
    const r = this.lstatAbs(abs);
    if ('err' in r) throw new FsError('readlink', rel, r.err);
    if (r.st.kind !== 'symlink') throw new FsError('readlink', rel, 'EINVAL');
    return this.linkAt(abs);
  }

  readFile(rel: string): Uint8Array {
    const abs = this.locateOrThrow(rel, true, 'open');
    return this.contents.get(abs) ?? this.readAndKeep(abs, rel, abs);
  }

  readFileNoFollow(rel: string): Uint8Array | null {
    const abs = this.locateOrThrow(rel, false, 'open');
    const cached = this.contents.get(abs);
    if (cached) return cached;
    const known = this.lstats.get(abs);
    if (known && 'st' in known && known.st.kind === 'symlink') return null;
    let fd: number;
    try {
      fd = fs.openSync(abs, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ELOOP') return null;
      throw new FsError('open', rel, errnoOf(e));
    }
    try {
      return this.readAndKeep(abs, rel, fd);
    } finally {
      fs.closeSync(fd);
    }
  }

  /** Reads `from` (the path or an open descriptor of `abs`) and keeps the bytes for the next read. */
  private readAndKeep(abs: string, rel: string, from: string | number): Uint8Array {
    try {
      const data = typeof from === 'number' ? readOpenedRegularFile(from, abs) : readRegularFile(from);
      this.contents.set(abs, data);
      return data;
    } catch (e) {
      throw new FsError('open', rel, errnoOf(e));
    }
  }

  readdir(rel: string): string[] {
    const abs = this.locateOrThrow(rel, true, 'open');
    try {
      return fs.readdirSync(abs);
    } catch (e) {
      throw new FsError('open', rel, errnoOf(e));
    }
  }

  /** The on-disk path of `rel` (symlinks resolved inside the root; the final one only if `follow`), or why not. */
  resolve(rel: string, follow: boolean): string {
    return this.locateOrThrow(rel, follow, 'stat');
  }

  private statOrThrow(rel: string, follow: boolean, op: string): FsStat {
    const abs = this.locateOrThrow(rel, follow, op);
    const r = this.lstatAbs(abs);
    if ('err' in r) throw new FsError(op, rel, r.err);
    return r.st;
  }

  private locateOrThrow(rel: string, follow: boolean, op: string): string {
    const abs = this.locate(rel, follow);
    if (typeof abs !== 'string') throw new FsError(op, rel, abs.err);
    return abs;
  }

  private lstatAbs(abs: string): Looked {
    let r = this.lstats.get(abs);
    if (r) return r;
    const slash = abs.lastIndexOf('/');
    const names = this.listings.get(abs.slice(0, slash));
    if (names && !names.has(abs.slice(slash + 1))) return ABSENT;
    try {
      const st = fs.lstatSync(abs, { throwIfNoEntry: false });
      r = st ? { st: toFsStat(st) } : ABSENT;
      if (!st && names === undefined) this.listDir(abs.slice(0, slash));
    } catch (e) {
      r = { err: errnoOf(e) };
    }
    this.lstats.set(abs, r);
    return r;
  }

  /**
   * A plain key whose parent is resolved (or resolves the same way) only needs its last
   * component checked; null when that component is a symlink (the full walk handles those).
   */
  private resolveLastDir(key: string): ResolvedDir | null {
    const slash = key.lastIndexOf('/');
    if (slash <= 0 || !PLAIN_PATH.test(key)) return null;
    const parent = this.resolveDir(key.slice(0, slash));
    if (typeof parent !== 'string') return parent;
    const name = key.slice(slash + 1);
    const next = parent + '/' + name;
    const listed = this.subdirsOf(parent);
    if (listed !== null && !this.lstats.has(next)) {
      const type = listed.get(name);
      if (type === undefined) return { err: 'ENOENT' };
      if (type === 'dir') return next;
    }
    const r = this.lstatAbs(next);
    if ('err' in r) return r;
    if (r.st.kind === 'symlink') return null;
    return r.st.kind === 'dir' ? next : { err: 'ENOTDIR' };
  }

  /**
   * Entry types of a directory many subdirectories are resolved in (each app's directory in
   * opt/stage2, say): read once, on the second resolution there, instead of an lstat per entry.
   */
  private subdirsOf(dir: string): Map<string, 'dir' | 'other'> | null {
    const known = this.typedListings.get(dir);
    if (known !== undefined) return known;
    const seen = (this.resolutions.get(dir) ?? 0) + 1;
    this.resolutions.set(dir, seen);
    if (seen < 2) return null;
    let types: Map<string, 'dir' | 'other'> | null = null;
    try {
      types = new Map();
      for (const d of fs.readdirSync(dir, { withFileTypes: true })) types.set(d.name, d.isDirectory() ? 'dir' : 'other');
    } catch {
      types = null;
    }
    this.typedListings.set(dir, types);
    return types;
  }

  /** After a miss, lists the directory once (generation looks up many absent names in a few directories). */
  private listDir(dir: string): void {
    try {
      this.listings.set(dir, new Set(fs.readdirSync(dir)));
    } catch {
      this.listings.set(dir, null);
    }
  }

  private linkAt(abs: string): string {
    let t = this.links.get(abs);
    if (t === undefined) {
      t = fs.readlinkSync(abs);
      this.links.set(abs, t);
    }
    return t;
  }

  private locate(rel: string, follow: boolean, depth = 0): string | { err: Errno } {
    let name: string;
    let parentKey: string;
    if (PLAIN_PATH.test(rel)) {
      const slash = rel.lastIndexOf('/');
      name = rel.slice(slash + 1);
      parentKey = slash < 0 ? '' : rel.slice(0, slash);
    } else {
      const parts = rel.split('/').filter((p) => p !== '' && p !== '.');
      if (parts.length === 0) return this.root;
      // A trailing '/' or '/.' makes the path name a directory: links are followed, and a
      // file there is ENOTDIR.
      if (rel.endsWith('/') || rel.endsWith('/.')) return this.resolveDir(parts.join('/'));
      name = parts.pop()!;
      parentKey = parts.join('/');
    }
    const parent = this.resolveDir(parentKey);
    if (typeof parent !== 'string') return parent;
    if (name === '..') return parent === this.root ? this.root : path.dirname(parent);
    const abs = parent + '/' + name;
    if (!follow) return abs;
    const r = this.lstatAbs(abs);
    if ('err' in r || r.st.kind !== 'symlink') return abs;
    if (depth >= MAX_LINKS) return { err: 'ELOOP' };
    const target = this.linkAt(abs);
    const inside = path.posix.relative(this.root, parent);
    return this.locate(target.startsWith('/') ? target : `${inside}/${target}`, true, depth + 1);
  }

  /** A directory path with every symlink resolved inside the root (cached). */
  private resolveDir(key: string): ResolvedDir {
    const cached = this.dirs.get(key);
    if (cached !== undefined) return cached;
    const quick = this.resolveLastDir(key);
    if (quick !== null) {
      this.dirs.set(key, quick);
      return quick;
    }
    let cur = this.root;
    let links = 0;
    const queue = key === '' ? [] : key.split('/');
    let result: ResolvedDir = this.root;
    while (queue.length > 0) {
      const part = queue.shift()!;
      if (part === '' || part === '.') continue;
      if (part === '..') {
        cur = cur === this.root ? this.root : path.dirname(cur);
        continue;
      }
      const next = cur + '/' + part;
      const r = this.lstatAbs(next);
      if ('err' in r) {
        result = r;
        break;
      }
      if (r.st.kind === 'symlink') {
        if (++links > MAX_LINKS) {
          result = { err: 'ELOOP' };
          break;
        }
        const target = this.linkAt(next);
        if (target.startsWith('/')) cur = this.root;
        queue.unshift(...target.split('/'));
        continue;
      }
      if (r.st.kind !== 'dir') {
        result = { err: 'ENOTDIR' };
        break;
      }
      cur = next;
    }
    if (typeof result === 'string') result = cur;
    this.dirs.set(key, result);
    return result;
  }
}
