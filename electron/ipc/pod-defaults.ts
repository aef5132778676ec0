// Generation inputs that a pod rkt has already started implies, when the client does not set
// them: a mutable pod's apps were all added with `rkt app add`, and the metadata service URL
// stage1 computed survives only in the apps' env files.
import type { PodDir } from './pod-files.js';
import { appNamesOf, envDir, stage1Base } from './pod-layout.js';

export function appsOfPod(pod: PodDir, editedPod: string | undefined): string[] {
  return appNamesOf(editedPod ?? pod.readManifest('pod').text);
}

export function metadataURLFromEnvFiles(pod: PodDir, apps: string[]): string {
  const dir = envDir(stage1Base(pod));
  for (const app of apps) {
    const text = pod.readText(`${dir}/${app}`, 1024 * 1024).text;
    const line = text?.split('\n').find((l) => l.startsWith('AC_METADATA_URL='));
    if (line) return line.slice('AC_METADATA_URL='.length);
  }
  return '';
}
