// LoadPod: the pod manifest, every app's image manifest and the runtime parameters, as rkt's
// stage1 loads them before generating anything.
import type { Provenance, SourceDoc } from '../../shared/plan.js';
import type { RuntimePod } from '../../shared/runtime.js';
import { decodeImageManifest, decodePodManifest } from '../appc/decode.js';
import type { ImageManifest } from '../appc/types.js';
import { GenError, wrap } from './gen-error.js';
import { goQuote } from './goquote.js';
import { join } from './gopath.js';
import type { PlanFs } from './plan-fs.js';
import { S1, type Pod } from './pod.js';
import type { PodSnapshot } from './snapshot.js';
import { parseUidRange } from './uid-range.js';

/** podunit refuses manifests larger than this (rkt would read them; an editor cannot). */
export const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;

export function imageManifestPath(app: string): string {
  return join(S1, 'opt/stage2', app, 'manifest');
}

function readManifest(fs: PlanFs, path: string, override: string | undefined): string {
  const text = override ?? fs.readText(path);
  if (Buffer.byteLength(text) > MAX_MANIFEST_BYTES) {
    throw new GenError(`${fs.display(path)}: manifest is larger than 16 MiB`);
  }
  return text;
}

/** `root` is how rkt names the pod root in messages ('' for stage1 init's '.'). */
export function loadPod(snapshot: PodSnapshot, fs: PlanFs, root: string, runtime: RuntimePod): Pod {
  let podText: string;
  try {
    podText = readManifest(fs, 'pod', snapshot.overrides?.pod);
  } catch (e) {
    throw wrap('failed reading pod manifest', e);
  }
  const decoded = decodePodManifest(podText);
  if (!decoded.ok) {
    throw wrap('failed unmarshalling pod manifest', new GenError(decoded.error, null, false, pointerSource({ kind: 'pod' }, decoded.pointer)));
  }
  const manifest = decoded.value;
  const seen = new Set<string>();
  for (const v of manifest.volumes) {
    if (seen.has(v.name)) throw new GenError(`duplicate volume name ${goQuote(v.name)}`);
    seen.add(v.name);
  }
  const images = new Map<string, ImageManifest>();
  for (const ra of manifest.apps) {
    const path = imageManifestPath(ra.name);
    const shownPath = root === '' ? path : join(root, path);
    let text: string;
    try {
      text = readManifest(fs, path, snapshot.overrides?.images?.[ra.name]);
    } catch (e) {
      throw wrap(`failed reading image manifest ${goQuote(shownPath)}`, e);
    }
    const im = decodeImageManifest(text, ra.name);
    if (!im.ok) {
      throw wrap(`failed unmarshalling image manifest ${goQuote(shownPath)}`, new GenError(im.error, null, false, pointerSource({ kind: 'image', app: ra.name }, im.pointer)));
    }
    if (images.has(ra.name)) throw new GenError(`got multiple definitions for app: ${ra.name}`);
    if (!ra.app) ra.app = im.value.app;
    images.set(ra.name, im.value);
  }
  return {
    root,
    absRoot: snapshot.root,
    uuid: snapshot.uuid,
    manifest,
    images,
    runtime,
    metadataURL: runtime.MetadataServiceURL,
    uidRange: parseUidRange(runtime.PrivateUsers),
  };
}

function pointerSource(doc: SourceDoc, pointer: string | null): Provenance | undefined {
  return pointer === null ? undefined : { kind: 'manifest', doc, pointer };
}
