// pod.open's answer: what a pod root is, in a few fields, read without the generator.
import { statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { PodSummary } from '../../shared/ipc/contract.js';
import { IpcError } from '../../shared/ipc/envelope.js';
import { isInside } from './confine.js';
import { PodDir } from './pod-files.js';
import {
  appNamesOf, imageManifestPath, imageNameOf, isMutablePod, POD_STATES, stage1Base, statusFile, UUID_RE,
  type PodState,
} from './pod-layout.js';

/** Opens a directory as a pod root, with clear errors for the usual mistakes. */
export function openPodDir(root: string): PodDir {
  const abs = resolve(root);
  let st;
  try {
    st = statSync(abs);
  } catch {
    throw new IpcError('not-found', `The pod root ${abs} does not exist (deleted or moved?).`);
  }
  if (!st.isDirectory()) throw new IpcError('not-a-pod', `${abs} is not a directory, so it is not a pod root.`);
  const pod = new PodDir(abs);
  if (!pod.exists('pod')) {
    if (pod.isDir('pods')) {
      throw new IpcError('not-a-pod', `${abs} looks like an rkt data dir (it has pods/); open one of its pods, or list them.`);
    }
    throw new IpcError('not-a-pod', `${abs} is not a pod root: it has no pod manifest (a file named "pod").`);
  }
  return pod;
}

export function podStateOf(root: string): PodState | null {
  const state = basename(dirname(root));
  const pods = basename(dirname(dirname(root)));
  return pods === 'pods' && (POD_STATES as readonly string[]).includes(state) ? (state as PodState) : null;
}

export function summarizePod(pod: PodDir, samplesDir: string | null): PodSummary {
  const warnings: string[] = [];
  const podDoc = pod.readManifest('pod');
  if (podDoc.error) warnings.push(`pod manifest: ${podDoc.error}`);
  else if (appNamesOf(podDoc.text).length === 0 && !isParsable(podDoc.text)) {
    warnings.push('pod manifest: not valid JSON');
  }
  const base = stage1Base(pod);
  const apps = appNamesOf(podDoc.text).map((name) => {
    const manifest = pod.readManifest(imageManifestPath(pod, base, name));
    if (manifest.error) warnings.push(`app ${name}: image manifest: ${manifest.error}`);
    const status = pod.readText(statusFile(base, name), 64).text;
    const code = status === null ? NaN : Number.parseInt(status.trim(), 10);
    return { name, imageName: imageNameOf(manifest.text), exitStatus: Number.isFinite(code) ? code : null };
  });
  const flavor = pod.readlink(`${base}/flavor`) ?? pod.readlink('flavor');
  const version = pod.readText(`${base}/systemd-version`, 4096).text;
  const uuid = basename(pod.root);
  return {
    root: pod.root,
    uuid: UUID_RE.test(uuid) ? uuid : '',
    state: podStateOf(pod.root),
    apps,
    flavor,
    systemdVersion: version === null ? null : version.trim(),
    mutable: isMutablePod(podDoc.text),
    overlay: pod.exists('overlay-prepared'),
    sample: samplesDir !== null && isInside(samplesDir, pod.root),
    warnings,
  };
}

function isParsable(text: string | null): boolean {
  if (text === null) return false;
  try { JSON.parse(text); return true; } catch { return false; }
}

/** What a directory the user chose looks like: a pod root, an rkt data dir, or neither. */
export function classifyDirectory(dir: string): 'pod-root' | 'data-dir' | 'unknown' {
  const abs = resolve(dir);
  const has = (name: string) => {
    try { statSync(`${abs}/${name}`); return true; } catch { return false; }
  };
  if (has('pod')) return 'pod-root';
  if (has('pods')) return 'data-dir';
  return 'unknown';
}
