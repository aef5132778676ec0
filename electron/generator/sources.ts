// Provenance helpers: JSON pointers to the manifest fields a unit option was computed from.
import type { Provenance } from '../../shared/plan.js';
import type { App, NameValue, Src } from '../appc/types.js';

function escapeToken(t: string): string {
  return t.includes('~') || t.includes('/') ? t.replaceAll('~', '~0').replaceAll('/', '~1') : t;
}

/** The pointer of `field` of a decoded object (using the key spelling actually written), plus sub-path. */
export function fieldSource(obj: { src: Src }, field?: string, sub?: string | number, subSub?: string | number): Provenance {
  const src = obj.src;
  let pointer = src.ptr;
  if (field !== undefined) pointer += '/' + escapeToken(src.keys[field] ?? field);
  if (sub !== undefined) pointer += '/' + escapeToken(String(sub));
  if (subSub !== undefined) pointer += '/' + escapeToken(String(subSub));
  return { kind: 'manifest', doc: src.doc, pointer };
}

export function objectSource(obj: { src: Src }): Provenance {
  return fieldSource(obj);
}

export function execSource(app: App, index?: number): Provenance {
  return index === undefined ? fieldSource(app, 'exec') : fieldSource(app, 'exec', index);
}

export function envSource(_app: App, v: NameValue): Provenance {
  return objectSource(v);
}

export const hostFact = (fact: string): Provenance => ({ kind: 'host', fact });
export const runtimeOption = (option: string): Provenance => ({ kind: 'runtime', option });
export const profileDecision = (decision: string): Provenance => ({ kind: 'profile', decision });
