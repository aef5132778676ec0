// kvm flavor, rkt v0.8.0 – v1.3.0: host volumes reach the VM over 9p and are mounted on
// /mnt/<volume> by a mount unit every app service requires; each app mount is then a bind
// mount unit from /mnt/<volume> into the app's rootfs, plus a remount service when read-only.
// From v1.2.0 the 9p tag, and the /mnt directory apps bind from, are the md5 of the volume name
// (while the 9p mount unit still mounts on /mnt/<volume>), and empty volumes are prepared the
// way nspawn's are.
import { createHash } from 'node:crypto';
import type { RuntimeApp, Volume } from '../../appc/types.js';
import { fail, wrap } from '../gen-error.js';
import { join } from '../gopath.js';
import { goQuote } from '../goquote.js';
import { unitNamePathEscape } from '../escape.js';
import { S1, UNIT_DIR, type GenContext } from '../pod.js';
import { FsError } from '../podfs.js';
import { unitOption, type UnitOption } from '../unit-option.js';
import { generateMounts, isMountReadOnly, podVolumes, type AppMount } from './mounts.js';
import { prepareMountpoint } from './nspawn.js';
import { appNames } from './naming.js';
import { writeUnitFile } from './unit-file.js';

const MNT = '/mnt/';

/** The 9p tag of a volume, which also names its directory under /mnt. */
function mountTag(ctx: GenContext, volume: string): string {
  return ctx.profile.kvmMountUnits === 'md5-tag' ? createHash('md5').update(volume).digest('hex') : volume;
}

/** installNewMountUnit: writes <where>.mount (truncating) and returns its name. */
function installMountUnit(ctx: GenContext, what: string, where: string, fsType: string, options: string, beforeAndRequiredBy: string): string {
  const opts: UnitOption[] = [
    unitOption('Unit', 'Description', `Mount unit for ${where}`),
    unitOption('Unit', 'DefaultDependencies', 'false'),
    unitOption('Unit', 'Before', beforeAndRequiredBy),
    unitOption('Mount', 'What', what),
    unitOption('Mount', 'Where', where),
    unitOption('Mount', 'Type', fsType),
    unitOption('Mount', 'Options', options),
    unitOption('Install', 'RequiredBy', beforeAndRequiredBy),
  ];
  const name = unitNamePathEscape(where + '.mount');
  const path = `${UNIT_DIR}/${name}`;
  writeUnitFile(ctx, path, opts, `failed to create mount unit file ${goQuote(path)}`, true);
  return name;
}

/** PodToSystemdHostMountUnits: one 9p mount unit per host volume, required by every app. */
export function podHostMountUnits(ctx: GenContext): void {
  const services = ctx.pod.manifest.apps.map((ra) => appNames(ctx.profile, ra).service).join(' ');
  for (const vol of ctx.pod.manifest.volumes) {
    if (vol.kind !== 'host') continue;
    const tag = mountTag(ctx, vol.name);
    ctx.fs.mkdirAll(join(S1, MNT, tag), 0o700);
    installMountUnit(ctx, tag, join(MNT, vol.name), '9p', 'trans=virtio', services);
  }
}

/** v1.2.0 on: /mnt itself, then an empty volume's directory as PrepareMountpoints makes it. */
function prepareMountDir(ctx: GenContext, what: string, where: string, vol: Volume | undefined, m: AppMount): void {
  const mnt = join(S1, MNT);
  try {
    ctx.fs.mkdirAll(mnt, 0o755);
  } catch (e) {
    throw wrap('could not create shared volumes directory', e);
  }
  try {
    ctx.fs.chmod(mnt, 0o755);
  } catch (e) {
    throw wrap(`could not change permissions of ${goQuote(mnt)}`, e);
  }
  try {
    prepareMountpoint(ctx, what, where, vol, m);
  } catch (e) {
    throw wrap('error preparing empty mount points', e);
  }
}

function missing(ctx: GenContext, path: string): boolean {
  try {
    ctx.fs.stat(path);
    return false;
  } catch (e) {
    return e instanceof FsError && e.code === 'ENOENT';
  }
}

/** AppToSystemdMountUnits: bind mount units from /mnt/<volume> into the app's rootfs. */
export function appMountUnits(ctx: GenContext, ra: RuntimeApp): void {
  const app = ra.app!;
  const names = appNames(ctx.profile, ra);
  const vols = podVolumes(ctx);
  for (const m of generateMounts(ctx, ra, vols)) {
    const vol = vols.get(m.volume);
    const what = join(MNT, mountTag(ctx, vol?.name ?? ''));
    const where = join(names.rootfs, m.path);
    if (ctx.profile.kvmMountUnits === 'md5-tag') prepareMountDir(ctx, join(S1, what), join(S1, where), vol, m);
    else if (vol?.kind === 'empty') ctx.fs.mkdirAll(join(S1, what), 0o700);
    if (missing(ctx, join(S1, what))) throw fail(`bug: missing source for volume ${vol?.name ?? ''}`);
    try {
      ctx.fs.mkdirAll(join(S1, where), 0o700);
    } catch (e) {
      throw wrap(`failed to prepare dir for mount ${m.volume}`, e);
    }
    let unit: string;
    try {
      unit = installMountUnit(ctx, what, where, 'bind', 'bind', names.service);
    } catch (e) {
      throw wrap(`cannot install new mount unit for app ${goQuote(ra.name)}`, e);
    }
    if (!isMountReadOnly(vol, app.mountPoints)) continue;
    const remount: UnitOption[] = [
      unitOption('Unit', 'Description', `Remount read-only unit for ${where}`),
      unitOption('Unit', 'DefaultDependencies', 'false'),
      unitOption('Unit', 'After', unit),
      unitOption('Unit', 'Wants', unit),
      unitOption('Service', 'ExecStart', `/usr/bin/mount -o remount,ro ${where}`),
      unitOption('Install', 'RequiredBy', unit),
    ];
    const path = `${UNIT_DIR}/${unitNamePathEscape(where + '-remount.service')}`;
    writeUnitFile(ctx, path, remount, `failed to create mount unit file ${goQuote(path)}`, true);
  }
}
