// The generator's model of the pod root while it "writes": the read-only pod view with
// every change rkt would make layered on top. Operations follow POSIX/Go semantics closely
// enough that rkt's observable errors and partial results come out the same; nothing is
// written to disk here (apply does that from the resulting entries).
import type { PlanEntry } from '../../shared/plan.js';
import { FsError, type Errno, type FsStat, type PodFs } from './podfs.js';
import { isUtf8 } from 'node:buffer';
import { utf8Text } from './utf8-text.js';
import { clean } from './gopath.js';
import { chownId } from './goparse.js';

interface Node {
  kind: 'file' | 'dir' | 'symlink';
  mode: number;
  uid: number;
  gid: number;
  content?: string;
  /** 'base64' when content holds bytes that are not UTF-8 text (a file copied from an image). */
  encoding?: 'base64';
  target?: string;
  created: boolean;
  written: boolean;
  orig?: { mode: number; uid: number; gid: number };
  /** The phases that touched it, one bit each (see phaseBit). */
  phases: number;
}

const MAX_LINKS = 40;
const decoder = new TextDecoder();
const encoder = new TextEncoder();

export class PlanFs {
  private readonly nodes = new Map<string, Node>();
  private readonly createdAncestor = new Map<string, boolean>();
  /** Paths already found to be (or to lead to) a directory. */
  private readonly knownDirs = new Set<string>();
  private readonly phaseBits = new Map<string, number>();
  /** The current phase's bit. */
  private bit = this.phaseBit('main');
  /** Observations about the pod worth telling the user (each once). */
  readonly notes = new Set<string>();

  /** `display` turns a pod-relative path into the text rkt puts in error messages. */
  constructor(
    private readonly base: PodFs,
    private readonly umask: number,
    public display: (path: string) => string = (p) => p,
  ) {}

  setPhase(phase: string): void {
    this.bit = this.phaseBit(phase);
  }

  // ---- reads -------------------------------------------------------------------------

  lstat(path: string, op = 'lstat'): FsStat {
    const p = norm(path);
    const node = this.nodes.get(p);
    if (node) return statOf(node);
    if (this.insideCreated(p)) throw this.err(op, p, 'ENOENT');
    try {
      return this.base.lstat(p);
    } catch (e) {
      throw this.rethrow(e, op, p);
    }
  }

  stat(path: string, op = 'stat'): FsStat {
    const p = this.resolve(norm(path), op);
    const node = this.nodes.get(p);
    if (node) return statOf(node);
    if (this.insideCreated(p)) throw this.err(op, path, 'ENOENT');
    try {
      return this.base.stat(p);
    } catch (e) {
      throw this.rethrow(e, op, path);
    }
  }

  exists(path: string): boolean {
    try {
      this.lstat(path);
      return true;
    } catch {
      return false;
    }
  }

  readlink(path: string): string {
    const p = norm(path);
    const node = this.nodes.get(p);
    if (node) {
      if (node.kind !== 'symlink') throw this.err('readlink', p, 'EINVAL');
      return node.target!;
    }
    if (this.insideCreated(p)) throw this.err('readlink', p, 'ENOENT');
    try {
      return this.base.readlink(p);
    } catch (e) {
      throw this.rethrow(e, 'readlink', p);
    }
  }

  readFile(path: string): Uint8Array {
    const plain = norm(path);
    // Not planned and not a symlink (stage1 reads its manifests before writing anything): one open, no lookup.
    if (this.base.readFileNoFollow && !this.nodes.has(plain) && !this.insideCreated(plain)) {
      let data: Uint8Array | null;
      try {
        data = this.base.readFileNoFollow(plain);
      } catch (e) {
        throw this.rethrow(e, 'open', path);
      }
      if (data) return data;
    }
    const p = this.resolve(plain, 'open');
    const node = this.nodes.get(p);
    if (node) {
      if (node.kind === 'dir') throw this.err('read', path, 'EISDIR');
      return node.encoding === 'base64' ? Buffer.from(node.content ?? '', 'base64') : encoder.encode(node.content ?? '');
    }
    if (this.insideCreated(p)) throw this.err('open', path, 'ENOENT');
    try {
      return this.base.readFile(p);
    } catch (e) {
      throw this.rethrow(e, 'open', path);
    }
  }

  /** The names in a directory (following symlinks to it), what the plan made there included; unsorted. */
  readdir(path: string): string[] {
    const p = this.resolve(norm(path), 'open');
    const node = this.nodes.get(p);
    if (node && node.kind !== 'dir') throw this.err('open', path, 'ENOTDIR');
    const names = new Set<string>();
    if (!(node?.created ?? this.insideCreated(p))) {
      try {
        for (const name of this.base.readdir(p)) names.add(name);
      } catch (e) {
        throw this.rethrow(e, 'open', path);
      }
    }
    const prefix = p === '.' ? '' : p + '/';
    for (const key of this.nodes.keys()) {
      if (key.startsWith(prefix) && key.length > prefix.length && !key.includes('/', prefix.length)) names.add(key.slice(prefix.length));
    }
    return [...names];
  }

  readText(path: string): string {
    return utf8Text(this.readFile(path));
  }

  // ---- writes ------------------------------------------------------------------------

  /** open(path, O_WRONLY|O_CREAT[|O_TRUNC], perm) followed by one write of `data`. */
  writeFile(path: string, data: string, perm: number, truncate = true): void {
    this.writeNode(path, data, perm, truncate).encoding = undefined;
  }

  /** writeFile with the bytes of a copied file: kept as text when they are UTF-8, else as base64. */
  writeBytes(path: string, bytes: Uint8Array, perm: number): void {
    if (isUtf8(bytes)) return this.writeFile(path, utf8Text(bytes), perm);
    this.writeNode(path, base64(bytes), perm, true).encoding = 'base64';
  }

  private writeNode(path: string, data: string, perm: number, truncate: boolean): Node {
    const p0 = norm(path);
    let existing = this.lookup(p0);
    const p = existing && existing.kind === 'symlink' ? this.resolveForWrite(p0, path) : p0;
    if (p !== p0) existing = this.lookup(p);
    if (existing) {
      if (existing.kind === 'dir') throw this.err('open', path, 'EISDIR');
      const node = this.adopt(p, existing);
      let content = data;
      if (!truncate) {
        const old = encoder.encode(node.content ?? '');
        const fresh = encoder.encode(data);
        if (old.length > fresh.length) content = data + decoder.decode(old.subarray(fresh.length));
      }
      node.content = content;
      node.written = true;
      node.phases |= this.bit;
      return node;
    }
    this.requireDir(parentOf(p), 'open', path);
    const node = this.fresh('file', perm, data);
    this.put(p, node);
    return node;
  }

  /** os.Mkdir */
  mkdir(path: string, perm: number): void {
    const p = norm(path);
    if (this.lookup(p)) throw this.err('mkdir', path, 'EEXIST');
    this.requireDir(parentOf(p), 'mkdir', path);
    this.put(p, this.fresh('dir', perm));
  }

  /** os.MkdirAll */
  mkdirAll(path: string, perm: number): void {
    const p = norm(path);
    // Like os.MkdirAll, any failure to stat (not only a missing path) goes on to the parents:
    // a file on the way is then reported by the mkdir beneath it.
    let st: FsStat | null = null;
    try {
      st = this.stat(p);
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
    }
    if (st) {
      if (st.kind === 'dir') return;
      throw this.err('mkdir', path, 'ENOTDIR');
    }
    const parent = parentOf(p);
    if (parent !== p && parent !== '.' && parent !== '/') this.mkdirAll(parent, perm);
    try {
      this.mkdir(p, perm);
    } catch (e) {
      try {
        if (this.lstat(p).kind === 'dir') return;
      } catch {
        /* fall through to the mkdir error */
      }
      throw e;
    }
  }

  /** os.Symlink(target, path); errors read `symlink <target> <path>: <errno>`. */
  symlink(target: string, path: string): void {
    const p = norm(path);
    const fail = (code: Errno) => new FsError('symlink', `${target} ${this.display(p)}`, code);
    if (this.lookup(p)) throw fail('EEXIST');
    const dir = parentOf(p);
    if (!this.knownDirs.has(dir)) {
      let parent: FsStat;
      try {
        parent = this.stat(dir);
      } catch (e) {
        throw fail(e instanceof FsError ? e.code : 'ENOENT');
      }
      if (parent.kind !== 'dir') throw fail('ENOTDIR');
      this.knownDirs.add(dir);
    }
    this.put(p, this.fresh('symlink', 0o777, undefined, target));
  }

  /** os.Chown (follows symlinks): ids are cut to the kernel's 32 bits, and -1 leaves one unchanged. */
  chown(path: string, uid: number, gid: number): void {
    const p = this.resolve(norm(path), 'chown');
    const existing = this.lookup(p);
    if (!existing) throw this.err('chown', path, 'ENOENT');
    this.setOwner(this.adopt(p, existing), uid, gid);
  }

  /** os.Lchown: as chown, on a symlink itself. */
  lchown(path: string, uid: number, gid: number): void {
    const p = norm(path);
    const existing = this.lookup(p);
    if (!existing) throw this.err('lchown', path, 'ENOENT');
    this.setOwner(this.adopt(p, existing), uid, gid);
  }

  private setOwner(node: Node, uid: number, gid: number): void {
    const u = chownId(uid);
    const g = chownId(gid);
    if (u !== null) node.uid = u;
    if (g !== null) node.gid = g;
    node.phases |= this.bit;
  }

  /** os.Chmod (follows symlinks); sets the permission bits exactly. */
  chmod(path: string, mode: number): void {
    const p = this.resolve(norm(path), 'chmod');
    const existing = this.lookup(p);
    if (!existing) throw this.err('chmod', path, 'ENOENT');
    const node = this.adopt(p, existing);
    node.mode = mode & 0o7777;
    node.phases |= this.bit;
  }

  // ---- results -----------------------------------------------------------------------

  /** Everything created or changed during `phase`, sorted by path in byte order. */
  entries(phase: string): PlanEntry[] {
    const out: PlanEntry[] = [];
    for (const [path, n] of this.nodes) {
      if ((n.phases & this.phaseBit(phase)) === 0) continue;
      const changed = n.created || n.written || !n.orig || n.orig.mode !== n.mode || n.orig.uid !== n.uid || n.orig.gid !== n.gid;
      if (!changed) continue;
      const e: PlanEntry = { path, kind: n.kind, uid: n.uid, gid: n.gid };
      if (n.kind !== 'symlink') e.mode = n.mode.toString(8).padStart(4, '0');
      if (n.kind === 'file') e.content = n.content ?? '';
      if (n.encoding) e.encoding = n.encoding;
      if (n.kind === 'symlink') e.target = n.target;
      out.push(e);
    }
    return sortByPathBytes(out);
  }

  // ---- internals ---------------------------------------------------------------------

  private phaseBit(phase: string): number {
    let b = this.phaseBits.get(phase);
    if (b === undefined) {
      if (this.phaseBits.size >= 30) throw new Error('too many generation phases');
      this.phaseBits.set(phase, (b = 1 << this.phaseBits.size));
    }
    return b;
  }

  /** A node the plan creates (every field set, so all nodes share one shape). */
  private fresh(kind: Node['kind'], perm: number, content?: string, target?: string): Node {
    return {
      kind,
      mode: kind === 'symlink' ? 0o777 : perm & ~this.umask & 0o7777,
      uid: 0,
      gid: 0,
      content,
      encoding: undefined,
      target,
      created: true,
      written: kind === 'file',
      orig: undefined,
      phases: this.bit,
    };
  }

  /** An overlay node for `p`, copying the on-disk state the first time it is touched. */
  private adopt(p: string, st: FsStat | Node): Node {
    const have = this.nodes.get(p);
    if (have) return have;
    const kind = st.kind === 'dir' ? 'dir' : st.kind === 'symlink' ? 'symlink' : 'file';
    const bytes = kind === 'file' ? this.base.readFile(p) : null;
    const binary = bytes !== null && !isUtf8(bytes);
    const node: Node = {
      kind,
      mode: st.mode,
      uid: st.uid,
      gid: st.gid,
      content: bytes === null ? undefined : binary ? base64(bytes) : decoder.decode(bytes),
      encoding: binary ? 'base64' : undefined,
      target: kind === 'symlink' ? this.base.readlink(p) : undefined,
      created: false,
      written: false,
      orig: { mode: st.mode, uid: st.uid, gid: st.gid },
      phases: this.bit,
    };
    this.put(p, node);
    return node;
  }

  private lookup(p: string): FsStat | Node | null {
    const node = this.nodes.get(p);
    if (node) return node;
    if (this.insideCreated(p)) return null;
    if (this.base.tryLstat) return this.base.tryLstat(p);
    try {
      return this.base.lstat(p);
    } catch {
      return null;
    }
  }

  /** Whether the nearest ancestor the plan knows of was created by the plan (so nothing below it exists on disk). */
  private insideCreated(p: string): boolean {
    const slash = p.lastIndexOf('/');
    if (slash <= 0) return false;
    const parent = p.slice(0, slash);
    let inside = this.createdAncestor.get(parent);
    if (inside === undefined) {
      const n = this.nodes.get(parent);
      inside = n ? n.created : this.insideCreated(parent);
      this.createdAncestor.set(parent, inside);
    }
    return inside;
  }

  /**
   * Records a node; it can change which paths lie inside created ones. Only answers cached for
   * `p` and below can change, and an answer cached for a path below `p` without a node in
   * between was found by asking about `p` itself (insideCreated caches every ancestor it asks).
   */
  private put(p: string, node: Node): void {
    this.nodes.set(p, node);
    if (this.createdAncestor.has(p)) this.createdAncestor.clear();
    // Nodes are only put where nothing was, or over an entry of the same kind: a directory
    // found once stays one. Should that ever change, forget what is known.
    if (node.kind !== 'dir' && this.knownDirs.has(p)) this.knownDirs.clear();
  }

  /** Follows symlinks in the final component (targets taken relative to the pod root). */
  private resolve(p: string, op: string): string {
    let cur = p;
    for (let i = 0; i <= MAX_LINKS; i++) {
      const node = this.lookup(cur);
      if (!node || node.kind !== 'symlink') return cur;
      const target = 'target' in node && node.target !== undefined ? node.target : this.readlinkQuiet(cur);
      if (target === null) return cur;
      cur = target.startsWith('/') ? norm(target) : norm(parentOf(cur) + '/' + target);
    }
    throw this.err(op, p, 'ELOOP');
  }

  private resolveForWrite(p: string, shown: string): string {
    try {
      return this.resolve(p, 'open');
    } catch {
      throw this.err('open', shown, 'ELOOP');
    }
  }

  private readlinkQuiet(p: string): string | null {
    try {
      return this.base.readlink(p);
    } catch {
      return null;
    }
  }

  private requireDir(parent: string, op: string, shown: string): void {
    if (parent === '.' || parent === '' || this.knownDirs.has(parent)) return;
    let st: FsStat;
    try {
      st = this.stat(parent);
    } catch (e) {
      throw this.err(op, shown, e instanceof FsError && e.code === 'ENOTDIR' ? 'ENOTDIR' : 'ENOENT');
    }
    if (st.kind !== 'dir') throw this.err(op, shown, 'ENOTDIR');
    this.knownDirs.add(parent);
  }

  private err(op: string, path: string, code: Errno): FsError {
    return new FsError(op, this.display(norm(path)), code);
  }

  private rethrow(e: unknown, op: string, path: string): unknown {
    return e instanceof FsError ? this.err(op, path, e.code) : e;
  }
}

/** The parent of a normalized pod-relative path ('.' for top-level entries). */
function parentOf(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? '.' : p.slice(0, i);
}

function norm(p: string): string {
  const c = clean(p);
  return c.startsWith('/') ? c.slice(1) || '.' : c;
}

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

function statOf(n: Node): FsStat {
  return { kind: n.kind, mode: n.mode, uid: n.uid, gid: n.gid, size: n.content?.length ?? 0 };
}

const NON_ASCII = /[^\x00-\x7f]/;

/** Byte order of the UTF-8 paths (plain string order when both are ASCII). */
export function byPathBytes(a: { path: string }, b: { path: string }): number {
  const x = a.path;
  const y = b.path;
  if (x === y) return 0;
  if (!NON_ASCII.test(x) && !NON_ASCII.test(y)) return x < y ? -1 : 1;
  return Buffer.compare(Buffer.from(x), Buffer.from(y));
}

function byAsciiPath(a: { path: string }, b: { path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/** Sorts entries in place by the byte order of their UTF-8 paths. */
export function sortByPathBytes<T extends { path: string }>(entries: T[]): T[] {
  return entries.sort(entries.every((e) => !NON_ASCII.test(e.path)) ? byAsciiPath : byPathBytes);
}
