// pod.snapshot's answer: everything the UI shows about the pod as it is on disk.
import type { PodSnapshotView } from '../../shared/ipc/contract.js';
import type { HostFacts, RuntimePod } from '../../shared/runtime.js';
import type { PodDir } from './pod-files.js';
import { appNamesOf, envDir, imageManifestPath, stage1Base, sysusersDir, unitsDir } from './pod-layout.js';
import { summarizePod } from './pod-summary.js';

export function podView(pod: PodDir, runtime: RuntimePod, host: HostFacts, samplesDir: string | null): PodSnapshotView {
  const base = stage1Base(pod);
  const podDoc = pod.readManifest('pod');
  const images = appNamesOf(podDoc.text).map((app) => {
    const path = imageManifestPath(pod, base, app);
    return { app, path, ...pod.readManifest(path) };
  });
  const stage1 = pod.exists('stage1/manifest') ? { path: 'stage1/manifest', ...pod.readManifest('stage1/manifest') } : null;
  return {
    summary: summarizePod(pod, samplesDir),
    manifests: { pod: { path: 'pod', ...podDoc }, images, stage1 },
    runtime,
    runtimeConfigText: pod.readText('runtime-config').text,
    host,
    units: pod.walk(unitsDir(base)),
    env: pod.walk(envDir(base)),
    sysusers: pod.walk(sysusersDir(base)),
  };
}
