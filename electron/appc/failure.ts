// Errors while decoding, and Go's rules for when they surface.
//
// Every appc type with its own UnmarshalJSON runs a separate json.Unmarshal, which is a "scope":
// inside it, a plain type mismatch (a number where a string belongs, …) is remembered and
// decoding goes on; it is reported when the scope ends, before that type's own checks run.
// Errors raised by nested typed values (ACName, Volume, isolators, …) abort at once.

import type { JsonDoc } from './jsondoc.js';

/** An error with Go's text and the node (of the parsed document) that caused it; -1 when unknown. */
export class DecodeFailure {
  constructor(readonly error: string, readonly node: number) {}
}

export function fail(error: string, node: number): never {
  throw new DecodeFailure(error, node);
}

/** One json.Unmarshal call: holds the first type mismatch seen in it. */
export class Scope {
  private saved: DecodeFailure | null = null;

  save(failure: DecodeFailure): void {
    if (this.saved === null) this.saved = failure;
  }

  /** Ends the scope: a remembered mismatch is now reported. */
  settle(): void {
    if (this.saved !== null) throw this.saved;
  }
}

/** A value of the wrong JSON kind (Go: `json: cannot unmarshal …`), described as `<pointer>: expected …, got …`. */
export function typeMismatch(doc: JsonDoc, node: number, expected: string): DecodeFailure {
  const kind = doc.kindName(node);
  const got = kind === 'number' ? `number ${doc.source(node)}` : kind;
  const ptr = doc.pointerOf(node);
  return new DecodeFailure(`${ptr === '' ? '(root)' : ptr}: expected ${expected}, got ${got}`, node);
}
