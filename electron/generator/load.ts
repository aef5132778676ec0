// LoadPod: the pod manifest, every app's image manifest and the runtime parameters, as rkt's
// stage1 loads them before generating anything.
import type { Provenance, SourceDoc } from '../../shared/plan.js';
import type { RuntimePod } from '../../shared/runtime.js';
import { decodePodManifest } from '../appc/decode.js';
import { ImageDecoder } from './decoded-copy.js';
import type { ImageManifest } from '../appc/types.js';
import { GenError, wrap } from './gen-error.js';
import { goQuote } from './goquote.js';
import { join } from './gopath.js';
import type { PlanFs } from './plan-fs.js';
import { S1, type Pod } from './pod.js';
import type { Profile } from './profile.js';
import type { PodSnapshot } from './snapshot.js';
import { parseUidRange } from './uid-range.js';
import { appcV061Failure, appcV061Text } from './app-to-systemd/appc-v0-6-1.js';
import { shortImageID } from './app-to-systemd/naming.js';

/** podunit refuses manifests larger than this (rkt would read them; an editor cannot). */
export const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;

export function imageManifestPath(app: string): string {
  return join(S1, 'opt/stage2', app, 'manifest');
}

/** What changed in LoadPod over rkt's releases; the default is the current one. */
export type LoadRules = Pick<Profile, 'naming' | 'imageManifestWord' | 'appcSpec' | 'generator'>;
const CURRENT_RULES: LoadRules = { naming: 'app-name', imageManifestWord: 'image', appcSpec: 'current', generator: 'unit-writer' };

function readManifest(fs: PlanFs, path: string, override: string | undefined): string {
  const text = override ?? fs.readText(path);
  if (Buffer.byteLength(text) > MAX_MANIFEST_BYTES) {
    throw new GenError(`${fs.display(path)}: manifest is larger than 16 MiB`);
  }
  return text;
}

/** `root` is how rkt names the pod root in messages ('' for stage1 init's '.'). */
export function loadPod(snapshot: PodSnapshot, fs: PlanFs, root: string, runtime: RuntimePod, rules: LoadRules = CURRENT_RULES): Pod {
  const oldSpec = rules.appcSpec === 'v0.6.1';
  let podText: string;
  try {
    podText = readManifest(fs, 'pod', snapshot.overrides?.pod);
  } catch (e) {
    throw wrap('failed reading pod manifest', e);
  }
  const decoded = decodePodManifest(podText);
  if (!decoded.ok) throw unmarshalError('failed unmarshalling pod manifest', decoded, { kind: 'pod' }, oldSpec);
  const manifest = decoded.value;
  const oldPodFailure = oldSpec ? appcV061Failure(manifest.apps.map((a) => a.app)) : null;
  if (oldPodFailure) throw unmarshalError('failed unmarshalling pod manifest', oldPodFailure, { kind: 'pod' }, oldSpec);
  if (rules.generator === 'unit-writer') {
    const seen = new Set<string>();
    for (const v of manifest.volumes) {
      if (seen.has(v.name)) throw new GenError(`duplicate volume name ${goQuote(v.name)}`);
      seen.add(v.name);
    }
  }
  const word = rules.imageManifestWord;
  const images = new Map<string, ImageManifest>();
  const imageNames = new Set<string>();
  const decoder = new ImageDecoder();
  for (const ra of manifest.apps) {
    const dir = rules.naming === 'image-id' ? shortImageID(ra.image?.id ?? '') : ra.name;
    const path = imageManifestPath(dir);
    const shownPath = root === '' ? path : join(root, path);
    let text: string;
    try {
      text = readManifest(fs, path, snapshot.overrides?.images?.[ra.name]);
    } catch (e) {
      throw wrap(`failed reading ${word} manifest ${goQuote(shownPath)}`, e);
    }
    const im = decoder.decode(text, ra.name);
    const unmarshalling = `failed unmarshalling ${word} manifest ${goQuote(shownPath)}`;
    if (!im.ok) throw unmarshalError(unmarshalling, im, { kind: 'image', app: ra.name }, oldSpec);
    const image = im.value;
    const oldImageFailure = oldSpec ? appcV061Failure([image.app]) : null;
    if (oldImageFailure) throw unmarshalError(unmarshalling, oldImageFailure, { kind: 'image', app: ra.name }, oldSpec);
    // v0.7.0 keyed the images by their image name, later releases by app name.
    const key = rules.naming === 'image-id' ? image.name : ra.name;
    if (rules.naming === 'image-id' ? imageNames.has(key) : images.has(key)) throw new GenError(`got multiple definitions for app: ${key}`);
    imageNames.add(image.name);
    if (!ra.app) ra.app = image.app;
    images.set(ra.name, image);
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

function unmarshalError(outer: string, f: { error: string; pointer: string | null }, doc: SourceDoc, oldSpec: boolean): GenError {
  return wrap(outer, new GenError(oldSpec ? appcV061Text(f.error) : f.error, null, false, pointerSource(doc, f.pointer)));
}

function pointerSource(doc: SourceDoc, pointer: string | null): Provenance | undefined {
  return pointer === null ? undefined : { kind: 'manifest', doc, pointer };
}
