// Pods often run many apps from the same image: their image manifests are the same text.
// Decoding each once and copying the result for the next app (with provenance pointing at
// that app's own manifest) gives the same values as decoding again, for a fraction of the cost.
import type { DecodeResult, ImageManifest, ManifestDoc, Src } from '../appc/types.js';
import { DocSrc } from '../appc/godecode.js';
import { decodeImageManifest } from '../appc/decode.js';

function srcFor(src: Src, doc: ManifestDoc): Src {
  return src instanceof DocSrc ? src.forDoc(doc) : { doc, ptr: src.ptr, keys: src.keys };
}

function copyFor(value: unknown, doc: ManifestDoc): unknown {
  if (Array.isArray(value)) return value.map((v) => copyFor(v, doc));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = k === 'src' && v && typeof v === 'object' ? srcFor(v as Src, doc) : copyFor(v, doc);
  }
  return out;
}

export class ImageDecoder {
  private readonly decoded = new Map<string, DecodeResult<ImageManifest>>();

  decode(text: string, app: string): DecodeResult<ImageManifest> {
    const first = this.decoded.get(text);
    if (!first) {
      const r = decodeImageManifest(text, app);
      this.decoded.set(text, r);
      return r;
    }
    if (!first.ok) return first;
    return { ok: true, value: copyFor(first.value, { kind: 'image', app }) as ImageManifest };
  }
}
