// GenerateMounts as rkt v0.8.0 – v1.15.0 wrote it: the app's mounts from the pod manifest, then
// a mount for every mount point without one, on the pod volume of the same name or else on
// an implicit empty volume (named after the mount point, from v1.1.0 after app and mount point).
import type { Provenance } from '../../../shared/plan.js';
import type { MountPoint, RuntimeApp, Volume } from '../../appc/types.js';
import { convertedFromDocker } from '../mounts.js';
import { goQuote } from '../goquote.js';
import type { GenContext } from '../pod.js';
import { fieldSource } from '../sources.js';

export interface AppMount {
  volume: string;
  path: string;
  /** An implicit volume of a docker-converted image (rkt copies the image's files into it). */
  dockerImplicit: boolean;
  sources: Provenance[];
}

export function podVolumes(ctx: GenContext): Map<string, Volume> {
  return new Map(ctx.pod.manifest.volumes.map((v) => [v.name, v]));
}

/** IsMountReadOnly: the volume's readOnly when set, else that of the mount point named like the volume. */
export function isMountReadOnly(vol: Volume | undefined, mountPoints: MountPoint[]): boolean {
  if (vol && vol.readOnly !== null) return vol.readOnly;
  const name = vol?.name ?? '';
  return mountPoints.find((mp) => mp.name === name)?.readOnly ?? false;
}

function fromDocker(ctx: GenContext, ra: RuntimeApp): boolean {
  if (ctx.profile.dockerVolumesFrom === 'image-annotations') return convertedFromDocker(ctx.pod.images.get(ra.name));
  return ra.annotations.some((a) => a.name === 'appc.io/docker/repository');
}

/** `vols` gains the implicit empty volumes. */
export function generateMounts(ctx: GenContext, ra: RuntimeApp, vols: Map<string, Volume>): AppMount[] {
  const app = ra.app!;
  const warn = (text: string) => ctx.log.push(`${ctx.profile.logPrefix}${text}`);
  const mounts: AppMount[] = ra.mounts.map((m) => ({ volume: m.volume, path: m.path, dockerImplicit: false, sources: [fieldSource(m)] }));
  const explicit = new Set(ra.mounts.map((m) => m.path));
  for (const mp of app.mountPoints) {
    if (explicit.has(mp.path)) continue;
    const vol = vols.get(mp.name);
    if (vol) {
      mounts.push({ volume: vol.name, path: mp.path, dockerImplicit: false, sources: [fieldSource(mp), fieldSource(vol)] });
      continue;
    }
    const name = ctx.profile.mounts === 'implicit-per-app' ? `${ra.name}-${mp.name}` : mp.name;
    vols.set(name, { name, kind: 'empty', source: '', readOnly: null, recursive: null, mode: '0755', uid: 0, gid: 0, src: mp.src });
    warn(`warning: no volume specified for mount point ${goQuote(mp.name)}, implicitly creating an "empty" volume. This volume will be removed when the pod is garbage-collected.`);
    const docker = ctx.profile.mounts === 'implicit-per-app' && fromDocker(ctx, ra);
    if (docker) warn(`Docker converted image, initializing implicit volume with data contained at the mount point ${goQuote(mp.name)}.`);
    mounts.push({ volume: name, path: mp.path, dockerImplicit: docker, sources: [fieldSource(mp)] });
  }
  return mounts;
}
