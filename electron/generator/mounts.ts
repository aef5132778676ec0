// GenerateMounts: the app's bind mounts, pairing runtime mounts, app mount points and pod
// volumes (implicit empty volumes for unmatched mount points).
import type { Provenance } from '../../shared/plan.js';
import type { ImageManifest, RuntimeApp, Volume } from '../appc/types.js';
import { fail } from './gen-error.js';
import type { GenContext } from './pod.js';
import { fieldSource } from './sources.js';
import { goQuote } from './goquote.js';

export interface Mount {
  volumeName: string;
  path: string;
  volume: Volume;
  readOnly: boolean;
  dockerImplicit: boolean;
  sources: Provenance[];
}

export function convertedFromDocker(im: ImageManifest | undefined): boolean {
  return !!im && im.annotations.some((a) => a.name === 'appc.io/docker/repository');
}

export function generateMounts(ctx: GenContext, ra: RuntimeApp, podVolumes: Volume[], fromDocker: boolean): Mount[] {
  const app = ra.app!;
  const vols = new Map<string, Volume>();
  for (const v of podVolumes) vols.set(v.name, v);
  const mounts: Mount[] = [];
  const explicitPaths = new Set<string>();

  for (const m of ra.mounts) {
    explicitPaths.add(m.path);
    const vol = m.appVolume ?? vols.get(m.volume);
    if (!vol) throw fail(`could not find volume ${m.volume}`, fieldSource(m, 'volume'));
    let ro = false;
    const mp = app.mountPoints.find((p) => p.name === m.volume);
    if (mp) ro = mp.readOnly;
    if (vol.readOnly !== null) ro = vol.readOnly;
    if (vol.kind !== 'host' && vol.kind !== 'empty') {
      throw fail(`Volume ${vol.name} has invalid kind ${vol.kind}`, fieldSource(vol, 'kind'));
    }
    mounts.push({ volumeName: m.volume, path: m.path, volume: vol, readOnly: ro, dockerImplicit: false, sources: [fieldSource(m), fieldSource(vol)] });
  }

  for (const mp of app.mountPoints) {
    if (explicitPaths.has(mp.path)) continue;
    const vol = vols.get(mp.name);
    if (vol) {
      const ro = vol.readOnly !== null ? vol.readOnly : mp.readOnly;
      mounts.push({ volumeName: vol.name, path: mp.path, volume: vol, readOnly: ro, dockerImplicit: false, sources: [fieldSource(mp), fieldSource(vol)] });
      continue;
    }
    const name = `${ra.name}-${mp.name}`;
    const implicit: Volume = {
      name, kind: 'empty', source: '', readOnly: null, recursive: null, mode: '0755', uid: 0, gid: 0, src: mp.src,
    };
    ctx.log.push(`stage1: warning: no volume specified for mount point ${goQuote(mp.name)}, implicitly creating an "empty" volume. This volume will be removed when the pod is garbage-collected.`);
    if (fromDocker) {
      ctx.log.push(`stage1: Docker converted image, initializing implicit volume with data contained at the mount point ${goQuote(mp.name)}.`);
    }
    vols.set(name, implicit);
    mounts.push({ volumeName: name, path: mp.path, volume: implicit, readOnly: mp.readOnly, dockerImplicit: fromDocker, sources: [fieldSource(mp)] });
  }
  return mounts;
}
