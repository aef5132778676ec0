// Public entry points: decode a pod or image manifest text exactly as rkt v1.30.0 does
// (appc v0.8.11 under Go's encoding/json), never throwing.

import { DecodeFailure, resetErrorContext } from './failure.js';
import { decodeImage, toImageManifest } from './image.js';
import { parseJson } from './json.js';
import type { JsonDoc } from './jsondoc.js';
import { decodePod, toPodManifest } from './pod.js';
import type { DecodeResult, ImageManifest, ManifestDoc, PodManifest } from './types.js';

function guarded<T>(text: unknown, doc: ManifestDoc, decode: (json: JsonDoc) => T): DecodeResult<T> {
  if (typeof text !== 'string') return { ok: false, error: 'manifest text must be a string', pointer: null };
  let json: JsonDoc | null = null;
  try {
    const parsed = parseJson(text);
    if (!parsed.ok) return { ok: false, error: parsed.error, pointer: null, offset: parsed.offset };
    json = parsed.doc;
    resetErrorContext();
    return { ok: true, value: decode(json) };
  } catch (e) {
    if (e instanceof DecodeFailure) {
      return { ok: false, error: e.error, pointer: e.node < 0 || json === null ? null : json.pointerOf(e.node) };
    }
    return { ok: false, error: `internal error while decoding: ${e instanceof Error ? e.message : String(e)}`, pointer: null };
  }
}

/** Decodes the pod manifest (the pod's `pod` file). */
export function decodePodManifest(text: string): DecodeResult<PodManifest> {
  const doc: ManifestDoc = { kind: 'pod' };
  return guarded(text, doc, (json) => toPodManifest(decodePod(json), { json, doc }));
}

/** Decodes an image manifest; `app` names the pod app it belongs to (kept in every `src.doc`). */
export function decodeImageManifest(text: string, app = ''): DecodeResult<ImageManifest> {
  const doc: ManifestDoc = { kind: 'image', app };
  return guarded(text, doc, (json) => toImageManifest(decodeImage(json), { json, doc }));
}
