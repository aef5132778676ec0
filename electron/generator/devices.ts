// generateDeviceAllows: DeviceAllow= for host volumes whose source is a device node, with the
// stage1/rootfs/rkt/volumes/<volume> symlinks prepare-app copies to /dev/.rkt/.
import { FsError } from './podfs.js';
import { join } from './gopath.js';
import { S1, relAppRootfs, type GenContext } from './pod.js';
import type { Mount } from './mounts.js';
import { shiftFiles } from './unit-writer.js';
import type { Provenance } from '../../shared/plan.js';

export interface DeviceAllow {
  value: string;
  sources: Provenance[];
}

export const VOLUME_LINKS_DIR = `${S1}/rkt/volumes`;

export function generateDeviceAllows(ctx: GenContext, app: string, mounts: Mount[]): DeviceAllow[] {
  // rkt works on the absolute pod root here, so its errors name absolute paths.
  const shown = ctx.fs.display;
  ctx.fs.display = (p) => join(ctx.pod.absRoot, p);
  try {
    return deviceAllows(ctx, app, mounts);
  } finally {
    ctx.fs.display = shown;
  }
}

function deviceAllows(ctx: GenContext, app: string, mounts: Mount[]): DeviceAllow[] {
  ctx.fs.mkdirAll(VOLUME_LINKS_DIR, 0o600);
  shiftFiles(ctx, [VOLUME_LINKS_DIR]);
  const out: DeviceAllow[] = [];
  for (const m of mounts) {
    if (m.volume.kind !== 'host') continue;
    if (!ctx.host.devices[m.volume.source]) continue;
    const mode = m.readOnly ? 'r' : 'rw';
    const target = join(relAppRootfs(app), m.path);
    try {
      ctx.fs.symlink(target, `${VOLUME_LINKS_DIR}/${m.volume.name}`);
    } catch (e) {
      if (!(e instanceof FsError && e.code === 'EEXIST')) throw e;
    }
    out.push({ value: `${join('/dev/.rkt', m.volume.name)} ${mode}`, sources: [...m.sources, { kind: 'host', fact: `device node ${m.volume.source}` }] });
  }
  return out;
}
