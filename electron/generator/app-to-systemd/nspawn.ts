// PodToNspawnArgs up to rkt v1.15.0: --uuid, --machine, --directory, then per app its bind
// mounts (no :rbind suffix yet) and capabilities; empty volumes get their sharedVolumes/ dir.
import type { RuntimeApp, Volume } from '../../appc/types.js';
import { GenError, wrap } from '../gen-error.js';
import { join } from '../gopath.js';
import { goQuote } from '../goquote.js';
import { chmodBitsOf, parseUint } from '../goparse.js';
import { copyImageFiles } from '../copy-tree.js';
import type { GenContext } from '../pod.js';
import { nspawnCapabilityArgs } from './capabilities.js';
import { generateMounts, isMountReadOnly, podVolumes, type AppMount } from './mounts.js';
import { appNames } from './naming.js';
import { evaluateAppPath } from './symlinks.js';
import { createSharedVolumesPath } from '../nspawn.js';

const SHARED_VOLUMES = 'sharedVolumes';

export function podToNspawnArgs(ctx: GenContext): string[] {
  const uuid = ctx.pod.uuid;
  const args = [`--uuid=${uuid}`, `--machine=rkt-${uuid}`, '--directory=stage1/rootfs'];
  for (const ra of ctx.pod.manifest.apps) {
    args.push(...(ctx.profile.mounts === 'mountpoints-by-name' ? mountPointBinds(ctx, ra) : mountBinds(ctx, ra)));
    args.push(...nspawnCapabilityArgs(ctx.profile, ra.app!));
  }
  return args;
}

/** rkt v0.7.0: every mount point needs a pod volume of its name; nothing is created. */
function mountPointBinds(ctx: GenContext, ra: RuntimeApp): string[] {
  const app = ra.app!;
  const vols = podVolumes(ctx);
  const id = ra.image?.id ?? '';
  const rootfs = appNames(ctx.profile, ra).rootfs;
  return app.mountPoints.map((mp) => {
    const vol = vols.get(mp.name);
    if (!vol) {
      const volumeFlags = app.mountPoints.map((m) => `--volume ${m.name},kind=host,source=/some/path `).join('');
      throw new GenError(
        `no volume for mountpoint ${goQuote(mp.name)} in app ${goQuote(ra.name)}.\n` +
          `You can inspect the volumes with:\n\tsudo rkt image cat-manifest --pretty-print ${id}\n` +
          `App ${goQuote(ra.name)} requires the following volumes:\n\t${volumeFlags}`,
      );
    }
    const readOnly = vol.readOnly ?? mp.readOnly;
    return `${readOnly ? '--bind-ro=' : '--bind='}${vol.source}:${join(rootfs, mp.path)}`;
  });
}

function mountBinds(ctx: GenContext, ra: RuntimeApp): string[] {
  const fs = ctx.fs;
  createSharedVolumesPath(ctx);
  const vols = podVolumes(ctx);
  const names = appNames(ctx.profile, ra);
  const rootAbs = join(ctx.pod.absRoot, names.podRootfs);
  return generateMounts(ctx, ra, vols).map((m) => {
    const vol = vols.get(m.volume);
    let target = m.path;
    if (ctx.profile.mounts === 'implicit-per-app') {
      try {
        target = evaluateAppPath(fs, names.podRootfs, rootAbs, m.path);
      } catch (e) {
        throw wrap(`could not evaluate path ${m.path}`, e);
      }
      prepareMountpoint(ctx, join(SHARED_VOLUMES, vol?.name ?? ''), join(names.podRootfs, target), vol, m);
    } else if (vol?.kind === 'empty') {
      createSharedVolume(ctx, join(SHARED_VOLUMES, vol.name), vol);
    }
    let source: string;
    if (vol?.kind === 'host') source = vol.source;
    else if (vol?.kind === 'empty') source = join(ctx.pod.absRoot, SHARED_VOLUMES, vol.name);
    else throw new GenError(`invalid volume kind ${goQuote(vol?.kind ?? '')}. Must be one of "host" or "empty"`);
    const flag = isMountReadOnly(vol, ra.app!.mountPoints) ? '--bind-ro=' : '--bind=';
    return `${flag}${source}:${join(names.rootfs, target)}`;
  });
}

function parseMode(vol: Volume): number {
  const text = vol.mode ?? '';
  const parsed = parseUint(text, 8, 32);
  if (!parsed.ok) throw wrap(`invalid mode ${goQuote(text)} for volume ${goQuote(vol.name)}`, new GenError(parsed.text));
  return chmodBitsOf(parsed.value);
}

/** rkt v0.16.0 – v1.0.0: the empty volume's directory, owner and mode. */
function createSharedVolume(ctx: GenContext, path: string, vol: Volume): void {
  try {
    ctx.fs.mkdirAll(path, 0o755);
  } catch (e) {
    throw wrap(`could not create shared volume ${goQuote(vol.name)}`, e);
  }
  try {
    ctx.fs.chown(path, vol.uid ?? 0, vol.gid ?? 0);
  } catch (e) {
    throw wrap(`could not change owner of ${goQuote(path)}`, e);
  }
  const mode = parseMode(vol);
  try {
    ctx.fs.chmod(path, mode);
  } catch (e) {
    throw wrap(`could not change permissions of ${goQuote(path)}`, e);
  }
}

/** PrepareMountpoints (v1.1.0 on): as above; a docker image's implicit volume takes the owner and mode of the image's directory. */
export function prepareMountpoint(ctx: GenContext, path: string, target: string, vol: Volume | undefined, m: AppMount): void {
  if (vol?.kind !== 'empty') return;
  let mode = parseMode(vol);
  let uid = vol.uid ?? 0;
  let gid = vol.gid ?? 0;
  const image = m.dockerImplicit ? copyImageFiles(ctx, path, target) : null;
  if (image) [mode, uid, gid] = [image.mode, image.uid, image.gid];
  const copied = image !== null;
  // v1.3.0 created the directory only for volumes it did not copy an image directory into.
  if (copied || !m.dockerImplicit || ctx.profile.dockerVolumesFrom === 'image-annotations') {
    try {
      ctx.fs.mkdirAll(path, 0o770);
    } catch (e) {
      throw wrap(`error creating ${goQuote(path)}`, e);
    }
  }
  try {
    ctx.fs.chown(path, uid, gid);
  } catch (e) {
    throw wrap(`could not change owner of ${goQuote(path)}`, e);
  }
  try {
    ctx.fs.chmod(path, mode);
  } catch (e) {
    throw wrap(`could not change permissions of ${goQuote(path)}`, e);
  }
}
