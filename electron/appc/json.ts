// A JSON reader that behaves like Go's encoding/json scanner: the whole text is checked first
// (syntax errors win over everything else), error texts are Go's, repeated keys are kept in
// order and numbers keep their raw text. Iterative, so deep nesting cannot exhaust the stack.
// The result is a JsonDoc tape (see jsondoc.ts).

import { hexValue, JsonDoc, K_ARRAY, K_FALSE, K_KEY, K_NULL, K_NUMBER, K_OBJECT, K_STRING, K_TRUE } from './jsondoc.js';

/** Go's encoding/json nesting limit. */
export const MAX_DEPTH = 10000;

export const UNEXPECTED_END = 'unexpected end of JSON input';

export type ParseResult =
  | { ok: true; doc: JsonDoc }
  | { ok: false; error: string; offset: number };

class SyntaxFailure {
  constructor(readonly message: string, readonly offset: number) {}
}

export function parseJson(text: string): ParseResult {
  try {
    return { ok: true, doc: new Reader(text).document() };
  } catch (e) {
    if (e instanceof SyntaxFailure) return { ok: false, error: e.message, offset: e.offset };
    throw e;
  } finally {
    if (scratch.kind.length > MAX_KEPT_SCRATCH_NODES) scratch = columnsIn(SCRATCH_NODES);
  }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}


/** The eight tape columns, laid out in one buffer. */
interface Columns {
  start: Int32Array;
  end: Int32Array;
  next: Int32Array;
  parent: Int32Array;
  slot: Int32Array;
  size: Int32Array;
  kind: Uint8Array;
  escaped: Uint8Array;
}

const BYTES_PER_NODE = 6 * 4 + 2;

function columnsIn(capacity: number): Columns {
  const buffer = new ArrayBuffer(capacity * BYTES_PER_NODE);
  const ints = (i: number) => new Int32Array(buffer, i * capacity * 4, capacity);
  return {
    start: ints(0), end: ints(1), next: ints(2), parent: ints(3), slot: ints(4), size: ints(5),
    kind: new Uint8Array(buffer, 6 * capacity * 4, capacity),
    escaped: new Uint8Array(buffer, 6 * capacity * 4 + capacity, capacity),
  };
}

function copyColumns(from: Columns, to: Columns, count: number): void {
  to.start.set(from.start.subarray(0, count));
  to.end.set(from.end.subarray(0, count));
  to.next.set(from.next.subarray(0, count));
  to.parent.set(from.parent.subarray(0, count));
  to.slot.set(from.slot.subarray(0, count));
  to.size.set(from.size.subarray(0, count));
  to.kind.set(from.kind.subarray(0, count));
  to.escaped.set(from.escaped.subarray(0, count));
}

const SCRATCH_NODES = 4096;
/** A scratch grown past this (a huge document) is let go after the parse instead of kept. */
const MAX_KEPT_SCRATCH_NODES = 1 << 18;
/**
 * Every parse writes its tape into this one reused scratch (grown as needed), and the finished
 * document gets an exact-size copy: a pod of 1000 apps would otherwise allocate and zero
 * megabytes of guessed capacity on every generation.
 */
let scratch: Columns = columnsIn(SCRATCH_NODES);

class Reader {
  private i = 0;
  private readonly n: number;
  private count = 0;
  private kind = scratch.kind;
  private escaped = scratch.escaped;
  private start = scratch.start;
  private end = scratch.end;
  private next = scratch.next;
  private parent = scratch.parent;
  private slot = scratch.slot;
  private size = scratch.size;

  constructor(private readonly s: string) {
    this.n = s.length;
  }

  private grow(): void {
    const bigger = columnsIn(this.kind.length * 2);
    copyColumns(scratch, bigger, this.count);
    scratch = bigger;
    ({ kind: this.kind, escaped: this.escaped, start: this.start, end: this.end } = bigger);
    ({ next: this.next, parent: this.parent, slot: this.slot, size: this.size } = bigger);
  }

  /** Appends a node inside `container` (-1 at top level) and returns its index. */
  private add(kind: number, start: number, container: number, slot: number): number {
    if (this.count === this.kind.length) this.grow();
    const node = this.count++;
    this.kind[node] = kind;
    this.start[node] = start;
    this.parent[node] = container;
    this.slot[node] = slot;
    // The scratch holds the previous document's nodes: clear what is not always written.
    this.escaped[node] = 0;
    this.size[node] = 0;
    return node;
  }

  /** Records the end of a finished scalar node. */
  private finish(node: number, end: number): void {
    this.end[node] = end;
    this.next[node] = node + 1;
  }

  document(): JsonDoc {
    const s = this.s;
    const n = this.n;
    // Open containers, innermost last, with the slot the next child gets.
    const open: number[] = [];
    let container = -1;
    let slot = 0;
    for (;;) {
      // Go's stateBeginValue
      this.skipSpace();
      if (this.i >= n) throw this.endOfInput();
      const c = s.charCodeAt(this.i);
      let closed = false;
      if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        if (open.length >= MAX_DEPTH) throw this.invalid('exceeded max depth');
        const isObject = c === OPEN_BRACE;
        const node = this.add(isObject ? K_OBJECT : K_ARRAY, this.i, container, slot);
        this.i++;
        open.push(node);
        container = node;
        this.skipSpace();
        if (this.i >= n) throw this.endOfInput();
        const d = s.charCodeAt(this.i);
        if (isObject) {
          if (d === CLOSE_BRACE) {
            closed = true;
          } else if (d === QUOTE) {
            slot = this.memberKey(node);
            continue;
          } else {
            throw this.invalid('looking for beginning of object key string');
          }
        } else if (d === CLOSE_BRACKET) {
          closed = true;
        } else {
          slot = 0;
          continue;
        }
      } else {
        this.scalar(c, container, slot);
      }
      // Go's stateEndValue: close containers or move to the next element.
      for (;;) {
        if (closed) {
          const done = open.pop()!;
          this.i++;
          this.end[done] = this.i;
          this.next[done] = this.count;
          container = open.length === 0 ? -1 : open[open.length - 1];
          closed = false;
        }
        if (container < 0) {
          this.skipSpace();
          if (this.i < n) throw this.invalid('after top-level value');
          return this.result();
        }
        this.size[container]++;
        this.skipSpace();
        if (this.i >= n) throw this.endOfInput();
        const d = s.charCodeAt(this.i);
        if (this.kind[container] === K_OBJECT) {
          if (d === COMMA) {
            this.i++;
            this.skipSpace();
            if (this.i >= n) throw this.endOfInput();
            if (s.charCodeAt(this.i) !== QUOTE) throw this.invalid('looking for beginning of object key string');
            slot = this.memberKey(container);
            break;
          }
          if (d !== CLOSE_BRACE) throw this.invalid('after object key:value pair');
        } else {
          if (d === COMMA) {
            this.i++;
            slot = this.size[container];
            break;
          }
          if (d !== CLOSE_BRACKET) throw this.invalid('after array element');
        }
        closed = true;
      }
    }
  }

  private result(): JsonDoc {
    const c = this.count;
    const t = columnsIn(c);
    copyColumns(scratch, t, c);
    return new JsonDoc(this.s, t.kind, t.escaped, t.start, t.end, t.next, t.parent, t.slot, t.size);
  }

  /** Reads a member key and its colon; returns the key's node (the slot of the value). */
  private memberKey(object: number): number {
    const key = this.add(K_KEY, this.i, object, 0);
    this.slot[key] = key;
    this.string(key);
    this.skipSpace();
    if (this.i >= this.n) throw this.endOfInput();
    if (this.s.charCodeAt(this.i) !== COLON) throw this.invalid('after object key');
    this.i++;
    return key;
  }

  private skipSpace(): void {
    const s = this.s;
    let i = this.i;
    while (i < this.n) {
      const c = s.charCodeAt(i);
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
      i++;
    }
    this.i = i;
  }

  private scalar(c: number, container: number, slot: number): void {
    if (c === QUOTE) {
      this.string(this.add(K_STRING, this.i, container, slot));
    } else if (c === 0x2d || isDigit(c)) {
      this.number(this.add(K_NUMBER, this.i, container, slot));
    } else if (c === 0x74) {
      this.literal('true', this.add(K_TRUE, this.i, container, slot));
    } else if (c === 0x66) {
      this.literal('false', this.add(K_FALSE, this.i, container, slot));
    } else if (c === 0x6e) {
      this.literal('null', this.add(K_NULL, this.i, container, slot));
    } else {
      throw this.invalid('looking for beginning of value');
    }
  }

  private literal(word: string, node: number): void {
    const start = this.i;
    for (let k = 1; k < word.length; k++) {
      const at = start + k;
      if (at >= this.n || this.s.charCodeAt(at) !== word.charCodeAt(k)) {
        this.i = at;
        throw this.invalid(`in literal ${word} (expecting '${word[k]}')`);
      }
    }
    this.i = start + word.length;
    this.finish(node, this.i);
  }

  private number(node: number): void {
    const s = this.s;
    const n = this.n;
    let i = this.i;
    if (s.charCodeAt(i) === 0x2d) {
      i++;
      if (i >= n || !isDigit(s.charCodeAt(i))) {
        this.i = i;
        throw this.invalid('in numeric literal');
      }
    }
    if (s.charCodeAt(i) === 0x30) {
      i++;
    } else {
      while (i < n && isDigit(s.charCodeAt(i))) i++;
    }
    if (i < n && s.charCodeAt(i) === 0x2e) {
      i++;
      if (i >= n || !isDigit(s.charCodeAt(i))) {
        this.i = i;
        throw this.invalid('after decimal point in numeric literal');
      }
      while (i < n && isDigit(s.charCodeAt(i))) i++;
    }
    if (i < n && (s.charCodeAt(i) | 0x20) === 0x65) {
      i++;
      if (i < n && (s.charCodeAt(i) === 0x2b || s.charCodeAt(i) === 0x2d)) i++;
      if (i >= n || !isDigit(s.charCodeAt(i))) {
        this.i = i;
        throw this.invalid('in exponent of numeric literal');
      }
      while (i < n && isDigit(s.charCodeAt(i))) i++;
    }
    this.i = i;
    this.finish(node, i);
  }

  /** Checks the string starting at the current quote and records its end. */
  private string(node: number): void {
    const s = this.s;
    const n = this.n;
    let i = this.i + 1;
    for (;;) {
      if (i >= n) {
        this.i = n;
        throw this.endOfInput();
      }
      const c = s.charCodeAt(i);
      if (c === QUOTE) break;
      if (c === BACKSLASH) {
        this.escaped[node] = 1;
        i = this.checkEscape(i);
        continue;
      }
      if (c < 0x20) {
        this.i = i;
        throw this.invalid('in string literal');
      }
      if (c >= 0xd800 && c <= 0xdfff) this.escaped[node] = 1;
      i++;
    }
    this.i = i + 1;
    this.finish(node, this.i);
  }

  /** Validates the escape at `at` (a backslash) and returns the offset after it. */
  private checkEscape(at: number): number {
    if (at + 1 >= this.n) {
      this.i = this.n;
      throw this.invalid('in string escape code');
    }
    switch (this.s.charCodeAt(at + 1)) {
      case QUOTE: case BACKSLASH: case 0x2f: case 0x62: case 0x66: case 0x6e: case 0x72: case 0x74:
        return at + 2;
      case 0x75:
        for (let k = 2; k < 6; k++) {
          const p = at + k;
          if (p >= this.n || hexValue(this.s.charCodeAt(p)) < 0) {
            this.i = Math.min(p, this.n);
            throw this.invalid('in \\u hexadecimal character escape');
          }
        }
        return at + 6;
      default:
        this.i = at + 1;
        throw this.invalid('in string escape code');
    }
  }

  private endOfInput(): SyntaxFailure {
    return new SyntaxFailure(UNEXPECTED_END, this.n);
  }

  /** Go's `invalid character 'c' <context>`, for the character at the current offset (a space at the end). */
  private invalid(context: string): SyntaxFailure {
    const at = this.i;
    const c = at < this.n ? firstUtf8Byte(this.s, at) : 0x20;
    return new SyntaxFailure(`invalid character ${quoteChar(c)} ${context}`, at);
  }
}

/** Go's scanner reports bytes; for a non-ASCII character that is the first byte of its UTF-8 form. */
function firstUtf8Byte(s: string, at: number): number {
  const c = s.charCodeAt(at);
  if (c < 0x80) return c;
  let cp = c;
  if (c >= 0xd800 && c <= 0xdbff && at + 1 < s.length) {
    const low = s.charCodeAt(at + 1);
    if (low >= 0xdc00 && low <= 0xdfff) cp = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
  }
  if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
  if (cp < 0x800) return 0xc0 | (cp >> 6);
  if (cp < 0x10000) return 0xe0 | (cp >> 12);
  return 0xf0 | (cp >> 18);
}

/** Go's quoteChar: a byte shown as a Go rune literal. */
function quoteChar(b: number): string {
  switch (b) {
    case 0x27: return `'\\''`;
    case 0x22: return `'"'`;
    case 0x07: return `'\\a'`;
    case 0x08: return `'\\b'`;
    case 0x0c: return `'\\f'`;
    case 0x0a: return `'\\n'`;
    case 0x0d: return `'\\r'`;
    case 0x09: return `'\\t'`;
    case 0x0b: return `'\\v'`;
    case 0x5c: return `'\\\\'`;
  }
  if (b < 0x20 || b === 0x7f) return `'\\x${b.toString(16).padStart(2, '0')}'`;
  // A byte >= 0x80 is shown as the Latin-1 rune of that value.
  if ((b >= 0x80 && b <= 0xa0) || b === 0xad) return `'\\u${b.toString(16).padStart(4, '0')}'`;
  return `'${String.fromCharCode(b)}'`;
}
