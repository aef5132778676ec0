// A view of a pod root as it was before stage1 generated anything: the files stage1's unit
// generation writes are hidden. Regenerating through this view reproduces what rkt did on
// the fresh pod, instead of tripping over its own earlier output (rkt refuses, for example,
// to re-link an existing sockets.target.wants entry).
import { FsError, type FsStat, type PodFs } from '../generator/podfs.js';

const UNIT_DIR = 'stage1/rootfs/usr/lib/systemd/system';
const HIDDEN_TREES = ['sharedVolumes', 'stage1/rootfs/rkt/env', 'stage1/rootfs/rkt/iottymux', 'stage1/rootfs/rkt/volumes'];
const POD_OUTPUTS = [
  'runtime-config',
  'flavor',
  ...['default.target', 'halt.target', 'shutdown.service', 'prepare-app@.service'].map((u) => `${UNIT_DIR}/${u}`),
  `${UNIT_DIR}/default.target.wants/systemd-journal-flush.service`,
];

function appOutputs(app: string): string[] {
  const units = [`${app}.service`, `reaper-${app}.service`, `${app}.socket`, ...['stdin', 'stdout', 'stderr'].map((s) => `${app}-${s}.socket`)];
  return [
    ...units.map((u) => `${UNIT_DIR}/${u}`),
    `${UNIT_DIR}/default.target.wants/${app}.service`,
    `${UNIT_DIR}/sockets.target.wants/${app}.socket`,
    `stage1/rootfs/usr/lib/sysusers.d/${app}.service.conf`,
  ];
}

/** The set of paths stage1's generation writes for a pod with these apps. */
export function stage1Outputs(apps: Iterable<string>): (path: string) => boolean {
  const exact = new Set(POD_OUTPUTS);
  for (const a of apps) for (const p of appOutputs(a)) exact.add(p);
  return (path) => exact.has(path) || HIDDEN_TREES.some((t) => path === t || path.startsWith(t + '/'));
}

export class PristineFs implements PodFs {
  private readonly hidden: (path: string) => boolean;

  constructor(private readonly inner: PodFs, apps: Iterable<string>) {
    this.hidden = stage1Outputs(apps);
  }

  private check(op: string, path: string): void {
    if (this.hidden(path)) throw new FsError(op, path, 'ENOENT');
  }

  readFile(path: string): Uint8Array {
    this.check('open', path);
    return this.inner.readFile(path);
  }

  readFileNoFollow(path: string): Uint8Array | null {
    this.check('open', path);
    return this.inner.readFileNoFollow ? this.inner.readFileNoFollow(path) : null;
  }

  lstat(path: string): FsStat {
    this.check('lstat', path);
    return this.inner.lstat(path);
  }

  stat(path: string): FsStat {
    this.check('stat', path);
    return this.inner.stat(path);
  }

  readlink(path: string): string {
    this.check('readlink', path);
    return this.inner.readlink(path);
  }

  readdir(path: string): string[] {
    this.check('open', path);
    return this.inner.readdir(path).filter((n) => !this.hidden(path === '' ? n : `${path}/${n}`));
  }
}
