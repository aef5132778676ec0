// A read-only PodFs over a pod root on disk. Every path is resolved inside the root:
// absolute symlink targets are taken relative to the root and '..' never climbs above it,
// so nothing outside the pod root is ever read.
import fs from 'node:fs';
import path from 'node:path';
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

export class RealPodFs implements PodFs {
  private readonly dirs = new Map<string, string>();

  constructor(readonly root: string) {}

  readFile(rel: string): Uint8Array {
    const abs = this.resolve(rel, true, 'open');
    try {
      return fs.readFileSync(abs);
    } catch (e) {
      throw new FsError('open', rel, errnoOf(e));
    }
  }

  lstat(rel: string): FsStat {
    const abs = this.resolve(rel, false, 'lstat');
    try {
      return toFsStat(fs.lstatSync(abs));
    } catch (e) {
      throw new FsError('lstat', rel, errnoOf(e));
    }
  }

  stat(rel: string): FsStat {
    const abs = this.resolve(rel, true, 'stat');
    try {
      return toFsStat(fs.lstatSync(abs));
    } catch (e) {
      throw new FsError('stat', rel, errnoOf(e));
    }
  }

  readlink(rel: string): string {
    const abs = this.resolve(rel, false, 'readlink');
    try {
      return fs.readlinkSync(abs);
    } catch (e) {
      throw new FsError('readlink', rel, errnoOf(e));
    }
  }

  readdir(rel: string): string[] {
    const abs = this.resolve(rel, true, 'open');
    try {
      return fs.readdirSync(abs);
    } catch (e) {
      throw new FsError('open', rel, errnoOf(e));
    }
  }

  /** The on-disk path of `rel`, symlinks resolved inside the root (the final one only if `follow`). */
  resolve(rel: string, follow: boolean, op: string): string {
    const parts = rel.split('/').filter((p) => p !== '' && p !== '.');
    if (parts.length === 0) return this.root;
    const name = parts.pop()!;
    const parent = this.resolveDir(parts, op, rel);
    if (name === '..') return parent === this.root ? this.root : path.dirname(parent);
    const abs = path.join(parent, name);
    if (!follow) return abs;
    return this.follow(abs, op, rel, 0);
  }

  private resolveDir(parts: string[], op: string, rel: string): string {
    const key = parts.join('/');
    const cached = this.dirs.get(key);
    if (cached !== undefined) return cached;
    let cur = this.root;
    let links = 0;
    const queue = [...parts];
    while (queue.length > 0) {
      const part = queue.shift()!;
      if (part === '' || part === '.') continue;
      if (part === '..') {
        cur = cur === this.root ? this.root : path.dirname(cur);
        continue;
      }
      const next = path.join(cur, part);
      let st: fs.Stats;
      try {
        st = fs.lstatSync(next);
      } catch (e) {
        throw new FsError(op, rel, errnoOf(e));
      }
      if (st.isSymbolicLink()) {
        if (++links > MAX_LINKS) throw new FsError(op, rel, 'ELOOP');
        const target = fs.readlinkSync(next);
        if (target.startsWith('/')) cur = this.root;
        queue.unshift(...target.split('/'));
        continue;
      }
      if (!st.isDirectory()) throw new FsError(op, rel, 'ENOTDIR');
      cur = next;
    }
    this.dirs.set(key, cur);
    return cur;
  }

  private follow(abs: string, op: string, rel: string, depth: number): string {
    let st: fs.Stats;
    try {
      st = fs.lstatSync(abs);
    } catch {
      return abs;
    }
    if (!st.isSymbolicLink()) return abs;
    if (depth >= MAX_LINKS) throw new FsError(op, rel, 'ELOOP');
    const target = fs.readlinkSync(abs);
    const inside = path.relative(this.root, path.dirname(abs));
    const next = target.startsWith('/') ? target.slice(1) : path.posix.join(inside, target);
    const parts = next.split('/').filter((p) => p !== '' && p !== '.');
    if (parts.length === 0) return this.root;
    const name = parts.pop()!;
    const parent = this.resolveDir(parts, op, rel);
    if (name === '..') return parent === this.root ? this.root : path.dirname(parent);
    return this.follow(path.join(parent, name), op, rel, depth + 1);
  }
}
