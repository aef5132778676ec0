// Runs podunit's generator on a pod that stage1 has already written into, to learn what the
// units should be. The generator sees the pod as stage1 saw it before writing (the pod
// reader's as-prepared view hides stage1's own output), and an exited overlay pod is read
// through its layers.
import type { Plan } from '../../shared/plan.js';
import { generate, profileNames } from '../generator/index.js';
import { readPodSnapshot } from '../pod/read.js';
import { PristineFs } from '../pod/pristine-fs.js';
import type { PodLayout } from './overlay.js';
import type { PeekRuntimeApp } from './manifest-peek.js';
import { LayoutPodFs } from './layout-podfs.js';
import { readAppEnv } from './units-on-disk.js';

export interface Regenerated {
  plan: Plan | null;
  profile: string;
  /** Why no plan could be made (unknown profile, unreadable pod). */
  unavailable: string | null;
}

export function regenerate(layout: PodLayout, apps: PeekRuntimeApp[], profile: string): Regenerated {
  if (!profileNames().includes(profile)) {
    return { plan: null, profile, unavailable: `the generator has no profile "${profile}" (it has ${profileNames().join(', ')})` };
  }
  // stage1 computes the metadata service URL at run time and keeps it only in the env files.
  let metadataURL = '';
  for (const a of apps) {
    const url = readAppEnv(layout, a.name)?.vars.AC_METADATA_URL;
    if (url) {
      metadataURL = url;
      break;
    }
  }
  try {
    const snap = readPodSnapshot(layout.root, { uuid: layout.uuid ?? undefined, metadataURL, asPrepared: true });
    // A mutable pod's apps were all added with `rkt app add` after stage1 started.
    if (snap.runtime.Mutable) snap.appAdd = apps.map((a) => a.name);
    const fs = layout.overlay.enabled && !layout.overlay.mounted ? new PristineFs(new LayoutPodFs(layout), apps.map((a) => a.name)) : snap.fs;
    return { plan: generate({ ...snap, fs }, profile), profile, unavailable: null };
  } catch (e) {
    return { plan: null, profile, unavailable: `the generator could not run on ${layout.root}: ${(e as Error).message}` };
  }
}
