// appc's string-valued types: ACName, ACIdentifier, ACKind, SemVer (acVersion) and Hash (image
// IDs). Each check returns Go's error text, or null when the value is accepted.
//
// Their UnmarshalJSON first decodes a Go string (so `null` is "", and any other JSON kind is an
// immediate error), then runs the check.

import { fail, raise, typeError } from './failure.js';
import { K_NULL, K_STRING, type JsonDoc } from './jsondoc.js';

const AC_NAME_BAD_CHAR = /[^a-z0-9-]/;
const AC_NAME_BAD_EDGE = /^-|-$/;
const AC_IDENTIFIER_BAD_CHAR = /[^a-z0-9._~/-]/;
const AC_IDENTIFIER_BAD_EDGE = /^[-._~/]|[-._~/]$/;

export function checkACName(s: string): string | null {
  if (s.length === 0) return 'ACName cannot be empty';
  if (AC_NAME_BAD_CHAR.test(s)) return 'ACName must contain only lower case alphanumeric characters plus "-"';
  if (AC_NAME_BAD_EDGE.test(s)) return 'ACName must start and end with only lower case alphanumeric characters';
  return null;
}

export function checkACIdentifier(s: string): string | null {
  if (s.length === 0) return 'ACIdentifier cannot be empty';
  if (AC_IDENTIFIER_BAD_CHAR.test(s)) {
    return 'ACIdentifier must contain only lower case alphanumeric characters plus "-._~/"';
  }
  if (AC_IDENTIFIER_BAD_EDGE.test(s)) return 'ACIdentifier must start and end with only lower case alphanumeric characters';
  return null;
}

export const POD_MANIFEST_KIND = 'PodManifest';
export const IMAGE_MANIFEST_KIND = 'ImageManifest';

export function checkACKind(s: string): string | null {
  if (s === POD_MANIFEST_KIND || s === IMAGE_MANIFEST_KIND) return null;
  if (s === '') return 'ACKind must be set';
  return `bad ACKind: ${s}`;
}

export function invalidKindError(expected: string): string {
  return `missing or bad ACKind (must be "${expected}")`;
}

export interface SemVer {
  major: bigint;
  minor: bigint;
  patch: bigint;
  preRelease: string;
  metadata: string;
}

const INT64_MAX = (1n << 63n) - 1n;

/** go-semver's NewVersion; null when the text is not a version. */
export function parseSemVer(s: string): SemVer | null {
  let rest = s;
  let metadata = '';
  const plus = rest.indexOf('+');
  if (plus >= 0) {
    metadata = rest.slice(plus + 1);
    rest = rest.slice(0, plus);
  }
  let preRelease = '';
  const dash = rest.indexOf('-');
  if (dash >= 0) {
    preRelease = rest.slice(dash + 1);
    rest = rest.slice(0, dash);
  }
  const first = rest.indexOf('.');
  const second = first < 0 ? -1 : rest.indexOf('.', first + 1);
  if (second < 0) return null;
  const parts = [rest.slice(0, first), rest.slice(first + 1, second), rest.slice(second + 1)];
  const numbers: bigint[] = [];
  for (const part of parts) {
    if (!/^[0-9]+$/.test(part)) return null;
    const v = BigInt(part);
    if (v > INT64_MAX) return null;
    numbers.push(v);
  }
  return { major: numbers[0], minor: numbers[1], patch: numbers[2], preRelease, metadata };
}

export function checkSemVer(s: string): string | null {
  const v = parseSemVer(s);
  if (v === null) return 'SemVer is bad';
  if (v.major === 0n && v.minor === 0n && v.patch === 0n && v.preRelease === '' && v.metadata === '') {
    return 'SemVer cannot be zero';
  }
  return null;
}

export function checkHash(s: string): string | null {
  const dash = s.indexOf('-');
  if (dash < 0 || s.indexOf('-', dash + 1) >= 0) return 'badly formatted hash string';
  const type = s.slice(0, dash);
  const value = s.slice(dash + 1);
  if (type === '') return 'unexpected empty hash type';
  if (type !== 'sha512') return `unrecognized hash type: ${type}`;
  if (value === '') return 'unexpected empty hash value';
  return null;
}

/**
 * `var s string; json.Unmarshal(data, &s)` as an appc type does it: other kinds fail at once,
 * with no struct context of their own.
 */
export function decodeGoString(doc: JsonDoc, node: number): string {
  const kind = doc.kind[node];
  if (kind === K_STRING) return doc.str(node);
  if (kind === K_NULL) return '';
  raise(typeError(doc, node, 'string'));
}

/** Decodes a string-valued appc type and applies its check. */
export function decodeChecked(doc: JsonDoc, node: number, check: (s: string) => string | null): string {
  const s = decodeGoString(doc, node);
  const error = check(s);
  if (error !== null) fail(error, node);
  return s;
}

export const decodeACName = (doc: JsonDoc, node: number): string => decodeChecked(doc, node, checkACName);
export const decodeACIdentifier = (doc: JsonDoc, node: number): string => decodeChecked(doc, node, checkACIdentifier);
export const decodeACKind = (doc: JsonDoc, node: number): string => decodeChecked(doc, node, checkACKind);
export const decodeSemVer = (doc: JsonDoc, node: number): string => decodeChecked(doc, node, checkSemVer);
export const decodeHash = (doc: JsonDoc, node: number): string => decodeChecked(doc, node, checkHash);
