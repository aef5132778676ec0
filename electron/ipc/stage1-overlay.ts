// What-if for stage1: a PodFs that shows the pod with another flavor (the target of the
// `stage1/rootfs/flavor` symlink) and/or another `stage1/rootfs/systemd-version` text,
// everything else passed through. The generator reads both files itself, so overriding them
// here changes its decisions exactly as a different stage1 image would.
import type { Stage1Overrides } from '../../shared/ipc/schemas.js';
import { FsError, type FsStat, type PodFs } from '../generator/podfs.js';

export const STAGE1_DIR = 'stage1/rootfs';
export const FLAVOR_PATH = `${STAGE1_DIR}/flavor`;
export const SYSTEMD_VERSION_PATH = `${STAGE1_DIR}/systemd-version`;

const encoder = new TextEncoder();

export class Stage1OverlayFs implements PodFs {
  private readonly version: Uint8Array | null;

  constructor(private readonly inner: PodFs, private readonly overrides: Stage1Overrides) {
    this.version = overrides.systemdVersion === undefined ? null : encoder.encode(`${overrides.systemdVersion}\n`);
  }

  private get flavor(): string | undefined {
    return this.overrides.flavor;
  }

  /** A path as the inner view should see it: under the overridden link, through its target. */
  private through(path: string): string {
    if (this.flavor !== undefined && path.startsWith(`${FLAVOR_PATH}/`)) {
      return `${STAGE1_DIR}/${this.flavor}${path.slice(FLAVOR_PATH.length)}`;
    }
    if (this.version !== null && path.startsWith(`${SYSTEMD_VERSION_PATH}/`)) {
      throw new FsError('open', path, 'ENOTDIR');
    }
    return path;
  }

  private versionStat(): FsStat {
    return { kind: 'file', mode: 0o644, uid: 0, gid: 0, size: this.version!.length };
  }

  private flavorStat(): FsStat {
    return { kind: 'symlink', mode: 0o777, uid: 0, gid: 0, size: encoder.encode(this.flavor!).length };
  }

  /** Runs an inner lookup on `path` as the inner view sees it, reporting errors under the path asked for. */
  private mapped<T>(path: string, fn: (inner: string) => T): T {
    const inner = this.through(path);
    if (inner === path) return fn(inner);
    try {
      return fn(inner);
    } catch (e) {
      if (e instanceof FsError) throw new FsError(e.op, path, e.code);
      throw e;
    }
  }

  /** Runs an inner lookup on the link's target, reporting errors under the path asked for. */
  private viaTarget<T>(op: string, path: string, fn: (target: string) => T): T {
    try {
      return fn(`${STAGE1_DIR}/${this.flavor}`);
    } catch (e) {
      if (e instanceof FsError) throw new FsError(op, path, e.code);
      throw e;
    }
  }

  readFile(path: string): Uint8Array {
    if (path === SYSTEMD_VERSION_PATH && this.version !== null) return this.version;
    if (path === FLAVOR_PATH && this.flavor !== undefined) return this.viaTarget('open', path, (t) => this.inner.readFile(t));
    return this.mapped(path, (p) => this.inner.readFile(p));
  }

  lstat(path: string): FsStat {
    if (path === SYSTEMD_VERSION_PATH && this.version !== null) return this.versionStat();
    if (path === FLAVOR_PATH && this.flavor !== undefined) return this.flavorStat();
    return this.mapped(path, (p) => this.inner.lstat(p));
  }

  tryLstat(path: string): FsStat | null {
    if ((path === SYSTEMD_VERSION_PATH && this.version !== null) || (path === FLAVOR_PATH && this.flavor !== undefined)) {
      return this.lstat(path);
    }
    let inner: string;
    try {
      inner = this.through(path);
    } catch {
      return null;
    }
    if (this.inner.tryLstat) return this.inner.tryLstat(inner);
    try {
      return this.inner.lstat(inner);
    } catch {
      return null;
    }
  }

  stat(path: string): FsStat {
    if (path === SYSTEMD_VERSION_PATH && this.version !== null) return this.versionStat();
    if (path === FLAVOR_PATH && this.flavor !== undefined) return this.viaTarget('stat', path, (t) => this.inner.stat(t));
    return this.mapped(path, (p) => this.inner.stat(p));
  }

  readlink(path: string): string {
    if (path === FLAVOR_PATH && this.flavor !== undefined) return this.flavor;
    if (path === SYSTEMD_VERSION_PATH && this.version !== null) throw new FsError('readlink', path, 'EINVAL');
    return this.mapped(path, (p) => this.inner.readlink(p));
  }

  readdir(path: string): string[] {
    if (path === FLAVOR_PATH && this.flavor !== undefined) return this.viaTarget('open', path, (t) => this.inner.readdir(t));
    const names = this.mapped(path, (p) => this.inner.readdir(p));
    if (path !== STAGE1_DIR) return names;
    const extra: string[] = [];
    if (this.flavor !== undefined && !names.includes('flavor')) extra.push('flavor');
    if (this.version !== null && !names.includes('systemd-version')) extra.push('systemd-version');
    return extra.length > 0 ? [...names, ...extra] : names;
  }
}

/** The view with the overrides applied, or the view itself when there are none. */
export function withStage1Overrides(fs: PodFs, overrides: Stage1Overrides | undefined): PodFs {
  if (!overrides || (overrides.flavor === undefined && overrides.systemdVersion === undefined)) return fs;
  return new Stage1OverlayFs(fs, overrides);
}
