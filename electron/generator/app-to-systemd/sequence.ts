// stage1's sequence up to rkt v1.15.0 (options from its command-line flags, no runtime-config):
// load the pod, determine the flavor, write default.target and the prepare-app@ template,
// (kvm) the host volume mount units, every app's units, shutdown.service, then compute the
// systemd-nspawn arguments.
import type { NspawnStep, StageFailure } from '../generate.js';
import { getFlavor, getFlavorText, NSPAWN_FLAVORS } from '../flavor.js';
import { wrap } from '../gen-error.js';
import { goQuote } from '../goquote.js';
import { loadPod } from '../load.js';
import type { GenContext } from '../pod.js';
import type { PodSnapshot } from '../snapshot.js';
import { appToSystemd, journalLinking, type Stage1Flavor } from './app-to-systemd.js';
import { asReleased } from './errors.js';
import { podHostMountUnits } from './kvm-mounts.js';
import { podToNspawnArgs } from './nspawn.js';
import { writeDefaultTarget, writePrepareAppTemplate, writeShutdownService } from './pod-units.js';

function stage1Flavor(ctx: GenContext): Stage1Flavor {
  if (ctx.profile.systemdVersion === 'text') {
    const f = getFlavorText(ctx.fs);
    return { flavor: f.flavor, systemdVersion: 0, versionText: f.systemdVersion };
  }
  const f = getFlavor(ctx.fs, ctx.host);
  return { flavor: f.flavor, systemdVersion: f.systemdVersion, versionText: '' };
}

export function appToSystemdSequence(ctx: GenContext, snapshot: PodSnapshot): StageFailure | null {
  const p = ctx.profile;
  const failed = (stage: string, e: unknown): StageFailure => ({ stage, error: asReleased(p, e) });
  // The uid range is a flag of stage1 that each app's step parses, not part of loading.
  const runtime = { ...snapshot.runtime, PrivateUsers: '' };
  try {
    ctx.pod = loadPod(snapshot, ctx.fs, '', runtime, p);
  } catch (e) {
    return failed('load', e);
  }
  ctx.pod.metadataURL = snapshot.metadataURL;
  let stage1: Stage1Flavor;
  try {
    stage1 = stage1Flavor(ctx);
  } catch (e) {
    return failed('flavor', e);
  }
  try {
    podToSystemd(ctx, stage1, snapshot.runtime.PrivateUsers);
  } catch (e) {
    return failed('generate', e);
  }
  return null;
}

function podToSystemd(ctx: GenContext, stage1: Stage1Flavor, privateUsers: string): void {
  const p = ctx.profile;
  if (p.defaultTarget) writeDefaultTarget(ctx);
  writePrepareAppTemplate(ctx, journalLinking(ctx, stage1));
  if (p.kvmMountUnits !== 'none' && stage1.flavor === 'kvm') {
    try {
      podHostMountUnits(ctx);
    } catch (e) {
      throw wrap('failed to transform pod volumes into mount units', e);
    }
  }
  for (const ra of ctx.pod.manifest.apps) {
    try {
      appToSystemd(ctx, ra, stage1, privateUsers);
    } catch (e) {
      throw wrap(`failed to transform app ${goQuote(ra.name)} into systemd service`, e);
    }
  }
  if (p.shutdownService) {
    try {
      writeShutdownService(ctx, stage1.flavor, stage1.systemdVersion);
    } catch (e) {
      throw wrap('failed to write shutdown service', e);
    }
  }
}

export function appToSystemdNspawn(ctx: GenContext): NspawnStep {
  const { flavor } = stage1Flavor(ctx);
  if (!NSPAWN_FLAVORS.has(flavor)) return { flavor, run: null };
  return {
    flavor,
    run: () => {
      try {
        return podToNspawnArgs(ctx);
      } catch (e) {
        throw asReleased(ctx.profile, e);
      }
    },
  };
}
