// An in-memory PodFs: files and symlinks given as maps of pod-relative paths. Used for
// generating from edited text without a pod on disk, and in tests.
import { FsError, type FsStat, type PodFs } from './podfs.js';

const encoder = new TextEncoder();

export class MemoryPodFs implements PodFs {
  private readonly files = new Map<string, Uint8Array>();
  private readonly links = new Map<string, string>();
  private readonly dirs = new Set<string>(['']);

  constructor(files: Record<string, string | Uint8Array>, links: Record<string, string> = {}, private readonly modes: Record<string, number> = {}) {
    for (const [p, c] of Object.entries(files)) {
      this.files.set(p, typeof c === 'string' ? encoder.encode(c) : c);
      this.addParents(p);
    }
    for (const [p, t] of Object.entries(links)) {
      this.links.set(p, t);
      this.addParents(p);
    }
  }

  private addParents(p: string): void {
    const parts = p.split('/');
    for (let i = 1; i < parts.length; i++) this.dirs.add(parts.slice(0, i).join('/'));
  }

  private resolve(p: string, follow: boolean, depth = 0): string {
    if (depth > 40) throw new FsError('stat', p, 'ELOOP');
    const parts = p.split('/').filter((x) => x !== '' && x !== '.');
    const out: string[] = [];
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      if (part === '..') {
        out.pop();
        continue;
      }
      out.push(part);
      const cur = out.join('/');
      const last = i === parts.length - 1;
      const target = this.links.get(cur);
      if (target !== undefined && (!last || follow)) {
        const base = target.startsWith('/') ? '' : out.slice(0, -1).join('/');
        return this.resolve([base, target, ...parts.slice(i + 1)].filter(Boolean).join('/'), follow, depth + 1);
      }
      if (!last && this.files.has(cur)) throw new FsError('stat', p, 'ENOTDIR');
    }
    return out.join('/');
  }

  private statOf(p: string, op: string): FsStat {
    if (this.links.has(p)) return { kind: 'symlink', mode: 0o777, uid: 0, gid: 0, size: this.links.get(p)!.length };
    const f = this.files.get(p);
    if (f) return { kind: 'file', mode: this.modes[p] ?? (p.includes('/bin/') ? 0o755 : 0o644), uid: 0, gid: 0, size: f.length };
    if (this.dirs.has(p)) return { kind: 'dir', mode: 0o755, uid: 0, gid: 0, size: 0 };
    throw new FsError(op, p, 'ENOENT');
  }

  readFile(p: string): Uint8Array {
    const r = this.resolve(p, true);
    const f = this.files.get(r);
    if (!f) throw new FsError('open', p, this.dirs.has(r) ? 'EISDIR' : 'ENOENT');
    return f;
  }

  lstat(p: string): FsStat {
    return this.statOf(this.resolve(p, false), 'lstat');
  }

  stat(p: string): FsStat {
    return this.statOf(this.resolve(p, true), 'stat');
  }

  readlink(p: string): string {
    const r = this.resolve(p, false);
    const t = this.links.get(r);
    if (t === undefined) throw new FsError('readlink', p, this.files.has(r) || this.dirs.has(r) ? 'EINVAL' : 'ENOENT');
    return t;
  }

  readdir(p: string): string[] {
    const r = this.resolve(p, true);
    if (!this.dirs.has(r)) throw new FsError('open', p, 'ENOENT');
    const prefix = r === '' ? '' : r + '/';
    const names = new Set<string>();
    for (const k of [...this.files.keys(), ...this.links.keys(), ...this.dirs]) {
      if (k.startsWith(prefix) && k !== r) names.add(k.slice(prefix.length).split('/')[0]);
    }
    return [...names];
  }
}
