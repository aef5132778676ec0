// A PodFs that reads an exited overlay pod through its layers, so the generator can run on
// a pod whose stage1 and app mounts are gone.
import { FsError, type FsStat, type PodFs } from '../generator/podfs.js';
import type { PodLayout } from './overlay.js';
import { RootView, components, type ViewStat } from './root-view.js';

function toFsStat(s: ViewStat): FsStat {
  const kind = s.kind === 'fifo' || s.kind === 'socket' ? 'other' : s.kind;
  return { kind, mode: s.mode, uid: s.uid, gid: s.gid, size: s.size };
}

/** Maps pod-relative paths onto the pod root, the stage1 layers and each app's layers. */
export class LayoutPodFs implements PodFs {
  private readonly podView: RootView;

  constructor(private readonly layout: PodLayout) {
    this.podView = new RootView([layout.root], 'pod');
  }

  private route(rel: string): { view: RootView; inner: string } {
    const parts = components(rel);
    if (parts[0] === 'stage1' && parts[1] === 'rootfs') {
      if (parts[2] === 'opt' && parts[3] === 'stage2' && parts[4] && parts[5] === 'rootfs') {
        return { view: this.layout.appRoot(parts[4]), inner: '/' + parts.slice(6).join('/') };
      }
      return { view: this.layout.stage1, inner: '/' + parts.slice(2).join('/') };
    }
    return { view: this.podView, inner: '/' + parts.join('/') };
  }

  /** Resolves the parent directory inside the view (symlinks followed), keeps the last name. */
  private place(rel: string, op: string): { view: RootView; inner: string } {
    const { view, inner } = this.route(rel);
    const parts = components(inner);
    if (parts.length === 0) return { view, inner: '/' };
    const name = parts.pop()!;
    const parent = view.resolve('/' + parts.join('/'));
    if (!parent.ok) throw new FsError(op, rel, parent.error === 'ELOOP' ? 'ELOOP' : parent.error === 'ENOTDIR' ? 'ENOTDIR' : 'ENOENT');
    if (parent.stat.kind !== 'dir') throw new FsError(op, rel, 'ENOTDIR');
    return { view, inner: parent.path === '/' ? `/${name}` : `${parent.path}/${name}` };
  }

  readFile(rel: string): Uint8Array {
    const { view, inner } = this.place(rel, 'open');
    const r = view.resolve(inner);
    if (!r.ok) throw new FsError('open', rel, r.error === 'EACCES' ? 'EACCES' : r.error);
    if (r.stat.kind === 'dir') throw new FsError('read', rel, 'EISDIR');
    const b = view.readFile(r.path);
    if (!b) throw new FsError('open', rel, 'ENOENT');
    return b;
  }

  lstat(rel: string): FsStat {
    const { view, inner } = this.place(rel, 'lstat');
    const s = view.lstat(inner);
    if (!s) throw new FsError('lstat', rel, 'ENOENT');
    return toFsStat(s);
  }

  stat(rel: string): FsStat {
    const { view, inner } = this.place(rel, 'stat');
    const r = view.resolve(inner);
    if (!r.ok) throw new FsError('stat', rel, r.error === 'EACCES' ? 'EACCES' : r.error);
    return toFsStat(r.stat);
  }

  readlink(rel: string): string {
    const { view, inner } = this.place(rel, 'readlink');
    const s = view.lstat(inner);
    if (!s) throw new FsError('readlink', rel, 'ENOENT');
    const t = view.readlink(inner);
    if (t === null) throw new FsError('readlink', rel, 'EINVAL');
    return t;
  }

  readdir(rel: string): string[] {
    const { view, inner } = this.route(rel);
    const r = view.resolve(inner);
    if (!r.ok) throw new FsError('open', rel, r.error === 'EACCES' ? 'EACCES' : r.error);
    const names = view.readdir(r.path);
    if (names === null) throw new FsError('open', rel, 'ENOTDIR');
    return names;
  }
}
