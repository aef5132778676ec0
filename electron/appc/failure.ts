// Errors while decoding, and Go's rules for when they surface and how they are worded.
//
// Every appc type with its own UnmarshalJSON runs a separate json.Unmarshal, modelled as a
// `Scope`: inside it, a plain type mismatch (a number where a string belongs, …) is remembered
// and decoding goes on; it is reported when the scope ends, before that type's own checks run.
// Errors raised by nested typed values (ACName, Volume, isolators, …) abort at once.
//
// Type mismatches are Go's UnmarshalTypeError, whose text names the struct field being decoded
// (Go 1.19): each json.Unmarshal keeps an error context, the struct type it is inside and the
// JSON names of the fields it descended through from its own root (not through array elements
// or map values). A mismatch takes the context of its decoder when it is saved; every decoder
// the error is then returned through stamps it again with its own context, when that is not
// empty. So the text ends up naming the outermost decoder that was inside a field.
//
// The context is tracked here for the decoding under way (decoding is synchronous and never
// nested): one stack of field entries, and the depth at which each open Scope began. Pushing a
// field costs two array stores; the message itself is only built when an error is reported.

import { K_ARRAY, K_FALSE, K_NUMBER, K_OBJECT, K_STRING, K_TRUE, type JsonDoc } from './jsondoc.js';

/** An error with Go's text and the node (of the parsed document) that caused it; -1 when unknown. */
export class DecodeFailure {
  constructor(private readonly text: string, readonly node: number) {}

  get error(): string {
    return this.text;
  }
}

export function fail(error: string, node: number): never {
  throw new DecodeFailure(error, node);
}

/** encoding/json's UnmarshalTypeError: a JSON value that cannot be stored in the Go type. */
export class UnmarshalTypeError extends DecodeFailure {
  /** Name of the struct type in the error context ('' when there was none). */
  struct = '';
  /** Dot-joined JSON field names of the error context ('' when there was none). */
  field = '';

  constructor(
    /** How Go describes the JSON value: `string`, `number`, `number 80.5`, `bool`, `array`, `object`. */
    readonly value: string,
    /** reflect's Type.String() of the target. */
    readonly goType: string,
    node: number,
  ) {
    super('', node);
  }

  override get error(): string {
    const into = this.struct !== '' || this.field !== ''
      ? `Go struct field ${this.struct}.${this.field}`
      : 'Go value';
    return `json: cannot unmarshal ${this.value} into ${into} of type ${this.goType}`;
  }
}

// --- error context of the decoding under way

/** JSON field name per entry, outermost first. */
const fieldNames: string[] = [];
/** Name of the struct type each field entry belongs to. */
const structNames: string[] = [];
let depth = 0;
/** The depth at which each open Scope began, outermost first. */
const scopeStarts: number[] = [];
let openScopes = 0;

/** Forgets any context left behind by an earlier decoding that ended in an error. */
export function resetErrorContext(): void {
  depth = 0;
  openScopes = 0;
}

/** Whether no field and no Scope is open: true after every decoding that succeeded. */
export function errorContextIdle(): boolean {
  return depth === 0 && openScopes === 0;
}

/**
 * Notes that the decoder went into field `field` of struct type `struct` (a Go type name without
 * its package). Returns the depth to hand to leaveField once the field's value is decoded.
 */
export function enterField(struct: string, field: string): number {
  const at = depth;
  fieldNames[at] = field;
  structNames[at] = struct;
  depth = at + 1;
  return at;
}

export function leaveField(at: number): void {
  depth = at;
}

/** Stamps the error with the context entries [from, to), when there are any. */
function stamp(error: UnmarshalTypeError, from: number, to: number): boolean {
  if (to <= from) return false;
  error.struct = structNames[to - 1];
  error.field = fieldNames.slice(from, to).join('.');
  return true;
}

/**
 * Readies an error for leaving the decoders now open: each of them, from the innermost out,
 * stamps a type error with its context when that is not empty, so the outermost one with a
 * non-empty context has the last word.
 */
export function escape(error: DecodeFailure): DecodeFailure {
  if (error instanceof UnmarshalTypeError) {
    for (let s = 0; s < openScopes; s++) {
      const end = s + 1 < openScopes ? scopeStarts[s + 1] : depth;
      if (stamp(error, scopeStarts[s], end)) break;
    }
  }
  return error;
}

/** Throws a type mismatch found by a decoder that has no Scope (its root is a plain Go value). */
export function raise(error: DecodeFailure): never {
  throw escape(error);
}

/** One json.Unmarshal call: holds the first type mismatch seen in it. */
export class Scope {
  private saved: UnmarshalTypeError | null = null;
  private readonly index: number;
  private readonly start: number;

  constructor() {
    this.index = openScopes;
    this.start = depth;
    scopeStarts[openScopes++] = depth;
  }

  /** Go's saveError: keeps the first mismatch, with this decoder's context at this point. */
  save(error: UnmarshalTypeError): void {
    if (this.saved !== null) return;
    stamp(error, this.start, depth);
    this.saved = error;
  }

  /** Ends the scope: a remembered mismatch is now reported. */
  settle(): void {
    if (this.saved !== null) throw escape(this.saved);
    openScopes = this.index;
  }
}

/**
 * A JSON value that does not fit the Go type `goType` (reflect's Type.String(), e.g. `uint`,
 * `[]types.Volume`, `schema.podManifest`). `numeric` is true when the target is an integer type:
 * Go then quotes a number literal it could not store.
 */
export function typeError(doc: JsonDoc, node: number, goType: string, numeric = false): UnmarshalTypeError {
  return new UnmarshalTypeError(describeValue(doc, node, numeric), goType, node);
}

function describeValue(doc: JsonDoc, node: number, numeric: boolean): string {
  switch (doc.kind[node]) {
    case K_STRING: return 'string';
    case K_NUMBER: return numeric ? `number ${doc.source(node)}` : 'number';
    case K_TRUE:
    case K_FALSE: return 'bool';
    case K_ARRAY: return 'array';
    case K_OBJECT: return 'object';
    default: return 'null';
  }
}
