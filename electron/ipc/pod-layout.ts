// Where things are in a pod root (see the pod-root spec): the stage1 tree, app manifests,
// units, env and sysusers files, exit statuses.
import type { PodDir } from './pod-files.js';

export const POD_STATES = ['embryo', 'prepare', 'prepared', 'run', 'exited-garbage', 'garbage'] as const;
export type PodState = (typeof POD_STATES)[number];

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The stage1 tree as the pod root holds it: `stage1/rootfs`, or, for an overlay pod whose
 * mounts are gone, the overlay's upper directory (where stage1's own writes physically live).
 */
export function stage1Base(pod: PodDir): string {
  if (pod.isDir('stage1/rootfs')) return 'stage1/rootfs';
  if (pod.exists('overlay-prepared')) {
    const id = pod.readText('stage1TreeStoreID', 4096).text?.trim();
    if (id && !id.includes('/') && id !== '..' && pod.isDir(`overlay/${id}/upper`)) return `overlay/${id}/upper`;
  }
  return 'stage1/rootfs';
}

export const unitsDir = (base: string) => `${base}/usr/lib/systemd/system`;
export const envDir = (base: string) => `${base}/rkt/env`;
export const sysusersDir = (base: string) => `${base}/usr/lib/sysusers.d`;
export const statusFile = (base: string, app: string) => `${base}/rkt/status/${app}`;

/** The image manifest rkt reads for an app, else the image store's copy (prepared overlay pods). */
export function imageManifestPath(pod: PodDir, base: string, app: string): string {
  const stage2 = `${base}/opt/stage2/${app}/manifest`;
  if (pod.exists(stage2)) return stage2;
  const info = `appsinfo/${app}/manifest`;
  return pod.exists(info) ? info : stage2;
}

/** App names of a pod manifest text, tolerating anything malformed. */
export function appNamesOf(podText: string | null): string[] {
  if (podText === null) return [];
  try {
    const doc = JSON.parse(podText) as { apps?: Array<{ name?: unknown }> };
    if (!Array.isArray(doc.apps)) return [];
    return doc.apps
      .map((a) => (a && typeof a.name === 'string' ? a.name : ''))
      .filter((n) => n !== '' && !n.includes('/') && n !== '..' && n !== '.');
  } catch {
    return [];
  }
}

export function isMutablePod(podText: string | null): boolean {
  if (podText === null) return false;
  try {
    const doc = JSON.parse(podText) as { annotations?: Array<{ name?: unknown; value?: unknown }> };
    return Array.isArray(doc.annotations)
      && doc.annotations.some((a) => a?.name === 'coreos.com/rkt/stage1/mutable' && a?.value === 'true');
  } catch {
    return false;
  }
}

export function imageNameOf(text: string | null): string | null {
  if (text === null) return null;
  try {
    const doc = JSON.parse(text) as { name?: unknown };
    return typeof doc.name === 'string' ? doc.name : null;
  } catch {
    return null;
  }
}
