// The loaded pod (rkt's stage1commontypes.Pod) and the context one generation runs in.
import type { ImageManifest, PodManifest, RuntimeApp } from '../appc/types.js';
import type { HostFacts, RuntimePod } from '../../shared/runtime.js';
import type { LinesOnDemand } from './lazy-provenance.js';
import type { LineProvenance, Provenance } from '../../shared/plan.js';
import type { PlanFs } from './plan-fs.js';
import type { Profile } from './profile.js';
import { join } from './gopath.js';

export interface UidRange {
  shift: number;
  count: number;
}

export interface Pod {
  /** Pod root as rkt names it in messages: '' (stage1 init runs in '.') or the absolute root (app add). */
  root: string;
  absRoot: string;
  uuid: string;
  manifest: PodManifest;
  images: Map<string, ImageManifest>;
  runtime: RuntimePod;
  metadataURL: string;
  uidRange: UidRange;
}

export interface GenContext {
  fs: PlanFs;
  pod: Pod;
  host: HostFacts;
  profile: Profile;
  /** Lines rkt prints on stderr, as printed (logger lines carry the 'stage1: ' prefix). */
  log: string[];
  /** Line provenance of generated files, by pod-relative path. */
  provenance: Record<string, LineProvenance[]>;
  /** Records a file's line provenance to be computed when first read. */
  provenanceLater: (path: string, unit: LinesOnDemand) => void;
  /** Env files: how many leading default lines rkt writes in an unspecified order. */
  envPrefixLines: Record<string, number>;
}

export const S1 = 'stage1/rootfs';
export const UNIT_DIR = 'stage1/rootfs/usr/lib/systemd/system';

/** The app rootfs as seen from inside stage1 (the text in unit files). */
export function relAppRootfs(app: string): string {
  return `/opt/stage2/${app}/rootfs`;
}

/** The app rootfs relative to the pod root. */
export function appRootfs(app: string): string {
  return `${S1}/opt/stage2/${app}/rootfs`;
}

/** How rkt prints a pod path in messages. */
export function shown(pod: Pod, rel: string): string {
  return pod.root === '' ? rel : join(pod.root, rel);
}

export function runtimeSource(option: string): Provenance {
  return { kind: 'runtime', option };
}

export function appName(ra: RuntimeApp): string {
  return ra.name;
}
