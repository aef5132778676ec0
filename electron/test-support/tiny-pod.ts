// A one-app pod root on disk for generator tests: the pod manifest, the app's image manifest,
// its rootfs files and links, a coreos stage1 with systemd v233, and the unit folders.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generate } from '../generator/generate.js';
import { readPodSnapshot } from '../pod/read.js';
import type { Plan } from '../../shared/plan.js';

export interface TinyPod {
  app?: Record<string, unknown>;
  /** Extra fields of the pod's app entry (mounts, annotations, …). */
  podApp?: Record<string, unknown>;
  /** Extra fields of the pod manifest (volumes, annotations, …). */
  pod?: Record<string, unknown>;
  imageAnnotations?: unknown[];
  /** Files of the app's rootfs, by path; a Buffer is written as it is. */
  files?: Record<string, string | Buffer>;
  links?: Record<string, string>;
  /** Runs on the pod root before generating (planting odd files, changing modes). */
  prepare?: (root: string) => void;
}

export const TINY_APP = 'impl';
const ROOTFS = `stage1/rootfs/opt/stage2/${TINY_APP}/rootfs`;

function makeRoot(spec: TinyPod): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'podunit-tiny-'));
  const put = (rel: string, data: string | Buffer) => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), data);
  };
  const app = spec.app ?? { exec: ['/bin/impl'], user: '0', group: '0' };
  const image = { name: 'example.com/impl', id: 'sha512-696d706c00000000000000000000000000000000000000000000000000000000' };
  put('pod', JSON.stringify({ acVersion: '0.8.11', acKind: 'PodManifest', apps: [{ name: TINY_APP, image, app, ...spec.podApp }], ...spec.pod }));
  put(`stage1/rootfs/opt/stage2/${TINY_APP}/manifest`, JSON.stringify({
    acKind: 'ImageManifest', acVersion: '0.8.11', name: image.name, app, annotations: spec.imageAnnotations ?? [],
  }));
  put(`${ROOTFS}/bin/impl`, '#!/bin/sh\n');
  fs.chmodSync(path.join(root, `${ROOTFS}/bin/impl`), 0o755);
  for (const [rel, data] of Object.entries(spec.files ?? {})) put(`${ROOTFS}/${rel}`, data);
  for (const [rel, target] of Object.entries(spec.links ?? {})) fs.symlinkSync(target, path.join(root, `${ROOTFS}/${rel}`));
  put('stage1/rootfs/systemd-version', 'v233\n');
  fs.symlinkSync('coreos', path.join(root, 'stage1/rootfs/flavor'));
  fs.mkdirSync(path.join(root, 'stage1/rootfs/usr/lib/systemd/system/default.target.wants'), { recursive: true });
  fs.mkdirSync(path.join(root, 'stage1/rootfs/usr/lib/systemd/system/sockets.target.wants'), { recursive: true });
  spec.prepare?.(root);
  return root;
}

export function planOf(root: string): Plan {
  return generate(readPodSnapshot(root, { host: { cgroupControllers: ['memory', 'cpu'] } }));
}

/** Builds the pod root, plans it, hands both to `check`, and removes the pod root. */
export function withTinyPod(spec: TinyPod, check: (plan: Plan, root: string) => void): void {
  const root = makeRoot(spec);
  try {
    check(planOf(root), root);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

export const TINY_ROOTFS = ROOTFS;
