// The parsed form of a JSON text: a flat "tape" of typed arrays indexed by node number, in
// document order, rather than a tree of objects. Large manifests then cost almost no
// allocation, and strings are only cut out of the text (and unescaped the way Go's unquote
// does) when a decoder asks for them.

export const K_NULL = 0;
export const K_FALSE = 1;
export const K_TRUE = 2;
export const K_NUMBER = 3;
export const K_STRING = 4;
export const K_ARRAY = 5;
export const K_OBJECT = 6;
/** An object member's key; the member's value is the next node. */
export const K_KEY = 7;

export type JsonKind = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object';
const KIND_NAMES: readonly JsonKind[] = ['null', 'boolean', 'boolean', 'number', 'string', 'array', 'object', 'string'];

/** A parsed document. A node is an index; node 0 is the top-level value. */
export class JsonDoc {
  constructor(
    readonly text: string,
    /** K_* per node. */
    readonly kind: Uint8Array,
    /** 1 for a string or key written with escapes or lone surrogates. */
    readonly escaped: Uint8Array,
    /** Offset of the node's first character. */
    readonly start: Int32Array,
    /** Offset just past the node. */
    readonly end: Int32Array,
    /** The node following this one and everything inside it. */
    readonly next: Int32Array,
    /** Containing array or object (-1 for the top-level value). */
    readonly parent: Int32Array,
    /** Array elements: their index; object members (key and value): the key's node. */
    readonly slot: Int32Array,
    /** Containers: number of elements or members. */
    readonly size: Int32Array,
  ) {}

  kindName(node: number): JsonKind {
    return KIND_NAMES[this.kind[node]];
  }

  isNull(node: number): boolean {
    return this.kind[node] === K_NULL;
  }

  /** The decoded value of a string or key. */
  str(node: number): string {
    const from = this.start[node] + 1;
    const to = this.end[node] - 1;
    return this.escaped[node] === 0 ? this.text.slice(from, to) : unquote(this.text, from, to);
  }

  /** The characters between the quotes of a string exactly as written (escapes not decoded). */
  rawStr(node: number): string {
    return this.text.slice(this.start[node] + 1, this.end[node] - 1);
  }

  /** The text of the node as written. */
  source(node: number): string {
    return this.text.slice(this.start[node], this.end[node]);
  }

  private pointers: (string | undefined)[] | null = null;

  /** RFC 6901 pointer of a node (a key stands for its value), with the document's own key spelling. */
  pointerOf(node: number): string {
    if (node < 0) return '';
    const at = this.kind[node] === K_KEY ? node + 1 : node;
    const cache = (this.pointers ??= new Array<string | undefined>(this.kind.length).fill(undefined));
    const known = cache[at];
    if (known !== undefined) return known;
    const p = this.parent[at];
    if (p < 0) return (cache[at] = '');
    const parentPtr = cache[p];
    if (parentPtr !== undefined) return (cache[at] = parentPtr + '/' + this.token(at, p));
    // Walk up to the nearest node whose pointer is known, then build downwards.
    const path: number[] = [];
    let up = at;
    while (up >= 0 && cache[up] === undefined) {
      path.push(up);
      up = this.parent[up];
    }
    let ptr = up < 0 ? '' : cache[up]!;
    for (let k = path.length - 1; k >= 0; k--) {
      const child = path[k];
      const p = this.parent[child];
      if (p >= 0) ptr += '/' + this.token(child, p);
      cache[child] = ptr;
    }
    return ptr;
  }

  /** The pointer token naming `child` inside `container`. */
  private token(child: number, container: number): string {
    return this.kind[container] === K_ARRAY ? String(this.slot[child]) : escapePointerToken(this.str(this.slot[child]));
  }
}

export function escapePointerToken(key: string): string {
  if (key.indexOf('~') < 0 && key.indexOf('/') < 0) return key;
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

const BACKSLASH = 0x5c;

/** The value of a hexadecimal digit, or -1. */
export function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  return -1;
}

/** The value of the `\uXXXX` escape at `at`, or -1 when there is none. */
function escapeUnit(s: string, at: number, to: number): number {
  if (at + 6 > to || s.charCodeAt(at) !== BACKSLASH || s.charCodeAt(at + 1) !== 0x75) return -1;
  let v = 0;
  for (let k = 2; k < 6; k++) {
    const h = hexValue(s.charCodeAt(at + k));
    if (h < 0) return -1;
    v = v * 16 + h;
  }
  return v;
}

const SIMPLE_ESCAPES: Record<number, string> = {
  0x22: '"', [BACKSLASH]: '\\', 0x2f: '/', 0x62: '\b', 0x66: '\f', 0x6e: '\n', 0x72: '\r', 0x74: '\t',
};

/**
 * Go's unquote of already validated string contents s[from, to): a surrogate escape pairs only
 * with an immediately following low-surrogate escape, anything unpaired becomes U+FFFD.
 */
function unquote(s: string, from: number, to: number): string {
  let out = '';
  let chunk = from;
  let i = from;
  while (i < to) {
    const c = s.charCodeAt(i);
    if (c === BACKSLASH) {
      out += s.slice(chunk, i);
      const e = s.charCodeAt(i + 1);
      if (e === 0x75) {
        const unit = escapeUnit(s, i, to);
        if (unit >= 0xd800 && unit <= 0xdfff) {
          const low = escapeUnit(s, i + 6, to);
          if (unit <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) {
            out += String.fromCharCode(unit, low);
            i += 12;
          } else {
            out += '\ufffd';
            i += 6;
          }
        } else {
          out += String.fromCharCode(unit);
          i += 6;
        }
      } else {
        out += SIMPLE_ESCAPES[e];
        i += 2;
      }
      chunk = i;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      out += s.slice(chunk, i);
      const low = i + 1 < to ? s.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) {
        out += s.slice(i, i + 2);
        i += 2;
      } else {
        out += '\ufffd';
        i++;
      }
      chunk = i;
    } else {
      i++;
    }
  }
  return out + s.slice(chunk, to);
}

/** Assigns a property even when the key is `__proto__`. */
export function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    target[key] = value;
  }
}

/** Plain JavaScript value of a node (like JSON.parse), built without recursion. */
export function toPlainValue(doc: JsonDoc, root: number): unknown {
  const scalar = (node: number): unknown => {
    switch (doc.kind[node]) {
      case K_NULL: return null;
      case K_FALSE: return false;
      case K_TRUE: return true;
      case K_NUMBER: return Number(doc.source(node));
      default: return doc.str(node);
    }
  };
  const make = (node: number): unknown[] | Record<string, unknown> => (doc.kind[node] === K_ARRAY ? [] : {});
  const isContainer = (node: number): boolean => doc.kind[node] === K_ARRAY || doc.kind[node] === K_OBJECT;
  if (!isContainer(root)) return scalar(root);
  const rootValue = make(root);
  const work: Array<{ node: number; into: unknown[] | Record<string, unknown> }> = [{ node: root, into: rootValue }];
  while (work.length > 0) {
    const { node, into } = work.pop()!;
    const isObject = doc.kind[node] === K_OBJECT;
    let child = node + 1;
    for (let k = doc.size[node]; k > 0; k--) {
      let key = '';
      if (isObject) {
        key = doc.str(child);
        child++;
      }
      let value: unknown;
      if (isContainer(child)) {
        const made = make(child);
        work.push({ node: child, into: made });
        value = made;
      } else {
        value = scalar(child);
      }
      if (isObject) setOwn(into as Record<string, unknown>, key, value);
      else (into as unknown[]).push(value);
      child = doc.next[child];
    }
  }
  return rootValue;
}
