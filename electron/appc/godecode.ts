// encoding/json's rules for plain Go types: structs, slices, string maps and scalars.
// Decoding always goes *into* an existing value, as Go does: a repeated key, or a slice decoded
// again, updates what is already there instead of starting from zero.

import { FieldTable } from './fold.js';
import { enterField, leaveField, typeError, type Scope } from './failure.js';
import { K_ARRAY, K_FALSE, K_NULL, K_NUMBER, K_OBJECT, K_STRING, K_TRUE, type JsonDoc } from './jsondoc.js';
import type { Src, ManifestDoc } from './types.js';

/** Where a decoded struct value came from. */
export interface Located {
  /** The node it was last decoded from (the array slot, for list elements). */
  node: number;
  /** Object nodes decoded into it before `node` (Go merges repeated decodes). */
  earlier: number[] | null;
  /** canonical field name -> key spelling used. */
  keys: Record<string, string>;
}

/** Notes that `value` is now being decoded from `node`. */
export function relocate(value: Located, node: number): void {
  if (value.node === node) return;
  (value.earlier ??= []).push(value.node);
  value.node = node;
}

export interface Field<T> {
  /** The JSON name (the canonical spelling). */
  readonly name: string;
  decode(target: T, doc: JsonDoc, node: number, scope: Scope): void;
}

export class StructType<T extends Located> {
  readonly fields: FieldTable<Field<T>>;
  /** reflect's Type.Name(), as error contexts name the struct. */
  readonly goName: string;

  /** `goType` is reflect's Type.String() of the Go struct, e.g. `types.port`. */
  constructor(readonly goType: string, fields: readonly Field<T>[]) {
    this.fields = new FieldTable(fields, (f) => f.name);
    this.goName = goType.slice(goType.lastIndexOf('.') + 1);
  }
}

export function field<T>(name: string, decode: Field<T>['decode']): Field<T> {
  return { name, decode };
}

/**
 * Decodes an object into `target`. `null` leaves it unchanged; another kind is a mismatch.
 * Returns whether an object was decoded.
 */
export function decodeStruct<T extends Located>(
  target: T, doc: JsonDoc, node: number, scope: Scope, type: StructType<T>,
): boolean {
  const kind = doc.kind[node];
  if (kind !== K_OBJECT) {
    if (kind !== K_NULL) scope.save(typeError(doc, node, type.goType));
    return false;
  }
  relocate(target, node);
  let key = node + 1;
  for (let m = doc.size[node]; m > 0; m--) {
    const value = key + 1;
    if (doc.escaped[key] === 0) {
      // The common case, without cutting the key out of the text.
      const f = type.fields.findAt(doc.text, doc.start[key] + 1, doc.end[key] - 1);
      if (f !== undefined) {
        target.keys[f.name] = type.fields.lastMatchExact ? f.name : doc.str(key);
        const at = enterField(type.goName, f.name);
        f.decode(target, doc, value, scope);
        leaveField(at);
      }
    } else {
      const spelling = doc.str(key);
      const f = type.fields.find(spelling);
      if (f !== undefined) {
        target.keys[f.name] = spelling;
        const at = enterField(type.goName, f.name);
        f.decode(target, doc, value, scope);
        leaveField(at);
      }
    }
    key = doc.next[value];
  }
  return true;
}

/** The node of a struct field's value (its last occurrence), or the struct itself when absent. */
export function fieldNode(doc: JsonDoc, value: Located, name: string): number {
  const spelling = value.keys[name];
  if (spelling === undefined) return value.node;
  const candidates = [value.node, ...(value.earlier ?? []).slice().reverse()];
  for (const object of candidates) {
    if (object < 0 || doc.kind[object] !== K_OBJECT) continue;
    let found = -1;
    let key = object + 1;
    for (let m = doc.size[object]; m > 0; m--) {
      if (doc.str(key) === spelling) found = key + 1;
      key = doc.next[key + 1];
    }
    if (found >= 0) return found;
  }
  return value.node;
}

/** What turning decoded values into API objects needs: the parsed text and which manifest it is. */
export interface Output {
  json: JsonDoc;
  doc: ManifestDoc;
}

/** A decoded struct's place in its document; the pointer is worked out when first asked for. */
export class DocSrc implements Src {
  private pointer: string | undefined;

  constructor(readonly doc: ManifestDoc, readonly keys: Record<string, string>, private readonly json: JsonDoc, private readonly node: number) {}

  get ptr(): string {
    return (this.pointer ??= this.json.pointerOf(this.node));
  }

  /** The same place in an identical document that belongs to another app. */
  forDoc(doc: ManifestDoc): DocSrc {
    return new DocSrc(doc, this.keys, this.json, this.node);
  }

  toJSON(): Src {
    return { doc: this.doc, ptr: this.ptr, keys: this.keys };
  }
}

/** The `src` of a decoded struct for the API. */
export function srcOf(out: Output, value: Located): Src {
  return new DocSrc(out.doc, value.keys, out.json, value.node);
}


/** A string field (of Go type `goType`, a string kind): `null` keeps the current value. */
export function decodeString(current: string, doc: JsonDoc, node: number, scope: Scope, goType = 'string'): string {
  const kind = doc.kind[node];
  if (kind === K_STRING) return doc.str(node);
  if (kind !== K_NULL) scope.save(typeError(doc, node, goType));
  return current;
}

/** A bool field: `null` keeps the current value. */
export function decodeBool(current: boolean, doc: JsonDoc, node: number, scope: Scope): boolean {
  const kind = doc.kind[node];
  if (kind === K_TRUE) return true;
  if (kind === K_FALSE) return false;
  if (kind !== K_NULL) scope.save(typeError(doc, node, 'bool'));
  return current;
}

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;
const UINT64_MAX = (1n << 64n) - 1n;

/** strconv.ParseInt / ParseUint (base 10, 64 bits); null when Go rejects the text. */
export function parseGoInteger(text: string, unsigned: boolean): bigint | null {
  if (!(unsigned ? /^[0-9]+$/ : /^-?[0-9]+$/).test(text)) return null;
  if (text.length < 16) return BigInt(text);
  const v = BigInt(text);
  if (unsigned ? v > UINT64_MAX : v < INT64_MIN || v > INT64_MAX) return null;
  return v;
}

/** An int or uint field (64 bits, as rkt is built): `null` keeps the current value. */
export function decodeInteger(
  current: bigint, doc: JsonDoc, node: number, scope: Scope, unsigned: boolean,
): bigint {
  const kind = doc.kind[node];
  if (kind === K_NULL) return current;
  if (kind === K_NUMBER) {
    const v = parseGoInteger(doc.source(node), unsigned);
    if (v !== null) return v;
  }
  scope.save(typeError(doc, node, unsigned ? 'uint' : 'int', true));
  return current;
}

/** A Go slice: elements past `len` (up to `cap`) survive and are reused by a later decode. */
export class GoSlice<T> {
  backing: T[] = [];
  len = 0;
  cap = 0;

  items(): T[] {
    return this.backing.length === this.len ? this.backing : this.backing.slice(0, this.len);
  }
}

export type ElementDecoder<T> = (current: T | undefined, doc: JsonDoc, node: number, scope: Scope) => T;

/** reflect's growth rule used by encoding/json when appending to a slice. */
function grownCap(cap: number): number {
  const next = cap + Math.floor(cap / 2);
  return next < 4 ? 4 : next;
}

/**
 * Decodes an array into a slice of Go type `goType` (e.g. `[]types.Port`, `types.exec`). `null`
 * gives a nil slice; another kind is a mismatch that keeps the current slice.
 */
export function decodeSlice<T>(
  current: GoSlice<T> | null, doc: JsonDoc, node: number, scope: Scope,
  element: ElementDecoder<T>, goType: string,
): GoSlice<T> | null {
  const kind = doc.kind[node];
  if (kind === K_NULL) return null;
  if (kind !== K_ARRAY) {
    scope.save(typeError(doc, node, goType));
    return current;
  }
  const count = doc.size[node];
  const slice = new GoSlice<T>();
  if (count === 0) return slice;
  let child = node + 1;
  if (current === null || current.cap === 0) {
    // Nothing to reuse: every element starts from zero.
    const backing = new Array<T>(count);
    let cap = 0;
    while (cap < count) cap = grownCap(cap);
    for (let i = 0; i < count; i++) {
      backing[i] = element(undefined, doc, child, scope);
      child = doc.next[child];
    }
    slice.backing = backing;
    slice.len = count;
    slice.cap = cap;
    return slice;
  }
  let backing = current.backing;
  let len = current.len;
  let cap = current.cap;
  for (let i = 0; i < count; i++) {
    if (i >= cap) {
      cap = grownCap(cap);
      backing = backing.slice(0, len);
    }
    if (i >= len) len = i + 1;
    backing[i] = element(i < backing.length ? backing[i] : undefined, doc, child, scope);
    child = doc.next[child];
  }
  current.backing = backing;
  current.len = count;
  current.cap = cap;
  return current;
}

/**
 * A map[string]string field of Go type `goType`: keys kept exactly, `null` values become "".
 * Map values add nothing to the error context.
 */
export function decodeStringMap(
  current: Map<string, string> | null, doc: JsonDoc, node: number, scope: Scope, goType: string,
): Map<string, string> | null {
  const kind = doc.kind[node];
  if (kind === K_NULL) return null;
  if (kind !== K_OBJECT) {
    scope.save(typeError(doc, node, goType));
    return current;
  }
  const map = current ?? new Map<string, string>();
  let key = node + 1;
  for (let m = doc.size[node]; m > 0; m--) {
    const value = key + 1;
    const valueKind = doc.kind[value];
    if (valueKind === K_STRING) {
      map.set(doc.str(key), doc.str(value));
    } else {
      if (valueKind !== K_NULL) scope.save(typeError(doc, value, 'string'));
      map.set(doc.str(key), '');
    }
    key = doc.next[value];
  }
  return map;
}

/** A []string element: `null` keeps what the slot held. */
export function stringElement(current: string | undefined, doc: JsonDoc, node: number, scope: Scope): string {
  return decodeString(current ?? '', doc, node, scope);
}

/** Elements of a slice of the named string type `goType` (e.g. `types.LinuxCapability`). */
export function namedStringElement(goType: string): ElementDecoder<string> {
  return (current, doc, node, scope) => decodeString(current ?? '', doc, node, scope, goType);
}

export function mapToRecord(map: Map<string, string> | null): Record<string, string> {
  const out: Record<string, string> = {};
  if (map === null) return out;
  for (const [k, v] of map) {
    if (k === '__proto__') Object.defineProperty(out, k, { value: v, writable: true, enumerable: true, configurable: true });
    else out[k] = v;
  }
  return out;
}
