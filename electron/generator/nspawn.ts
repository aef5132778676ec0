// PodToNspawnArgs: the part of systemd-nspawn's command line stage1 derives from the pod
// (--uuid, --machine, --directory, per-app bind mounts and capabilities), and the shared
// volume directories that step creates.
import type { RuntimeApp, Volume } from '../appc/types.js';
import { GenError, wrap } from './gen-error.js';
import { getAppCapabilities } from './capabilities.js';
import { convertedFromDocker, generateMounts, type Mount } from './mounts.js';
import { evaluateSymlinksInside } from './symlinks.js';
import { join } from './gopath.js';
import { goQuote } from './goquote.js';
import { copyImageFiles } from './copy-tree.js';
import { chmodBitsOf, parseUint } from './goparse.js';
import { appRootfs, relAppRootfs, type GenContext } from './pod.js';

const SHARED_VOLUMES = 'sharedVolumes';

export function podToNspawnArgs(ctx: GenContext, apps: RuntimeApp[]): string[] {
  const uuid = ctx.pod.uuid;
  const args = [`--uuid=${uuid}`, `--machine=rkt-${uuid}`, `--directory=${join(ctx.pod.root, 'stage1/rootfs')}`];
  for (const ra of apps) args.push(...appToNspawnArgs(ctx, ra));
  if (ctx.pod.runtime.InsecureOptions.DisableCapabilities) args.push('--capability=all');
  return args;
}

/** CreateSharedVolumesPath: sharedVolumes/ in the pod root, mode 0755 even if it existed. */
export function createSharedVolumesPath(ctx: GenContext): void {
  try {
    ctx.fs.mkdirAll(SHARED_VOLUMES, 0o755);
  } catch (e) {
    throw wrap('could not create shared volumes directory', e);
  }
  try {
    ctx.fs.chmod(SHARED_VOLUMES, 0o755);
  } catch (e) {
    throw wrap(`could not change permissions of ${goQuote(join(ctx.pod.root, SHARED_VOLUMES))}`, e);
  }
}

function appToNspawnArgs(ctx: GenContext, ra: RuntimeApp): string[] {
  const fs = ctx.fs;
  createSharedVolumesPath(ctx);
  let mounts: Mount[];
  try {
    mounts = generateMounts(ctx, ra, ctx.pod.manifest.volumes, convertedFromDocker(ctx.pod.images.get(ra.name)));
  } catch (e) {
    throw wrap(`could not generate app ${goQuote(ra.name)} mounts`, e);
  }
  const args: string[] = [];
  const rootRel = appRootfs(ra.name);
  const rootAbs = join(ctx.pod.absRoot, rootRel);
  for (const m of mounts) {
    let mntPath: string;
    try {
      mntPath = evaluateSymlinksInside(fs, rootRel, rootAbs, m.path);
    } catch (e) {
      throw wrap(`could not evaluate path ${m.path}`, e);
    }
    prepareMountpoint(ctx, join(SHARED_VOLUMES, m.volume.name), join(rootRel, mntPath), m.volume, m.dockerImplicit);
    const source = m.volume.kind === 'host' ? m.volume.source : join(ctx.pod.absRoot, SHARED_VOLUMES, m.volume.name);
    const recursive = m.volume.recursive ?? true;
    args.push(`${m.readOnly ? '--bind-ro=' : '--bind='}${source}:${join(relAppRootfs(ra.name), mntPath)}:${recursive ? 'rbind' : 'norbind'}`);
  }
  if (!ctx.pod.runtime.InsecureOptions.DisableCapabilities) {
    args.push('--capability=' + getAppCapabilities(ra.app!.isolators).caps.join(','));
  }
  return args;
}

/** PrepareMountpoints: the backing directory of an empty volume, with the volume's mode and owner. */
function prepareMountpoint(ctx: GenContext, volPath: string, targetPath: string, vol: Volume, dockerImplicit: boolean): void {
  if (vol.kind !== 'empty') return;
  if (ctx.pod.runtime.Debug) ctx.log.push(`stage1: creating an empty volume folder for sharing: ${goQuote(join(ctx.pod.root, volPath))}`);
  const modeText = vol.mode ?? '';
  const parsed = parseUint(modeText, 8, 32);
  if (!parsed.ok) throw wrap(`invalid mode ${goQuote(modeText)} for volume ${goQuote(vol.name)}`, new GenError(parsed.text));
  let mode = chmodBitsOf(parsed.value);
  let uid = vol.uid ?? 0;
  let gid = vol.gid ?? 0;
  const fs = ctx.fs;
  const image = dockerImplicit ? copyImageFiles(ctx, volPath, targetPath) : null;
  if (image) [mode, uid, gid] = [image.mode, image.uid, image.gid];
  try {
    fs.mkdirAll(volPath, 0o770);
  } catch (e) {
    throw wrap(`error creating ${goQuote(join(ctx.pod.root, volPath))}`, e);
  }
  try {
    fs.chown(volPath, uid, gid);
  } catch (e) {
    throw wrap(`could not change owner of ${goQuote(join(ctx.pod.root, volPath))}`, e);
  }
  try {
    fs.chmod(volPath, mode);
  } catch (e) {
    throw wrap(`could not change permissions of ${goQuote(join(ctx.pod.root, volPath))}`, e);
  }
}

