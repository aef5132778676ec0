// appc Annotations: unique names; `created` must be an RFC 3339 time and `homepage` /
// `documentation` http(s) URLs. The same rules hold for image, pod and app annotations.

import { fail } from './failure.js';
import { fieldNode } from './godecode.js';
import { goQuote } from './gotext.js';
import type { JsonDoc } from './jsondoc.js';
import { decodeAnnotationList, type GoNameValue } from './namevalue.js';
import { rfc3339Error } from './rfc3339.js';
import { checkHttpUrl } from './url.js';

/** Annotations.assertValid */
export function checkAnnotations(doc: JsonDoc, annotations: readonly GoNameValue[]): void {
  const seen = new Map<string, GoNameValue>();
  for (const a of annotations) {
    if (seen.has(a.name)) fail(`duplicate annotations of name ${goQuote(a.name)}`, fieldNode(doc, a, 'name'));
    seen.set(a.name, a);
  }
  const created = seen.get('created');
  if (created !== undefined) {
    const error = rfc3339Error(created.value);
    if (error !== null) fail(`bad Date: ${error}`, fieldNode(doc, created, 'value'));
  }
  for (const name of ['homepage', 'documentation']) {
    const url = seen.get(name);
    if (url === undefined) continue;
    const error = checkHttpUrl(url.value);
    if (error !== null) fail(error, fieldNode(doc, url, 'value'));
  }
}

/** Annotations.UnmarshalJSON */
export function decodeAnnotations(doc: JsonDoc, node: number): GoNameValue[] | null {
  const annotations = decodeAnnotationList(doc, node);
  checkAnnotations(doc, annotations ?? []);
  return annotations;
}
