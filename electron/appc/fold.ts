// How encoding/json matches an object key to a struct field: the field whose name equals the key
// exactly, otherwise the first field (in declaration order) whose name equals it under Unicode
// simple case folding. Go's folding also takes U+212A KELVIN SIGN for 'k' and U+017F LATIN
// SMALL LETTER LONG S for 's'; those are the only non-ASCII characters that fold onto ASCII
// letters, so for the (all ASCII) appc field names folding is one character for one.

const KELVIN = 0x212a;
const LONG_S = 0x17f;

/** The character code a key character folds to, for comparison with an ASCII field name. */
function foldCode(c: number): number {
  if (c >= 0x41 && c <= 0x5a) return c + 0x20;
  if (c === KELVIN) return 0x6b;
  if (c === LONG_S) return 0x73;
  return c;
}

/** The key with every character replaced by its ASCII lower-case fold partner, when it has one. */
export function foldKey(key: string): string {
  let out = '';
  for (let i = 0; i < key.length; i++) out += String.fromCharCode(foldCode(key.charCodeAt(i)));
  return out;
}

/** Go's key-to-field comparison for an ASCII field name. */
export function equalFold(fieldName: string, key: string): boolean {
  return foldKey(fieldName) === foldKey(key);
}

interface Entry<F> {
  name: string;
  folded: string;
  field: F;
}

/** The fields of one struct type, looked up the way encoding/json does. */
export class FieldTable<F> {
  private readonly exact = new Map<string, F>();
  /** Entries by name length, in declaration order. */
  private readonly byLength: Entry<F>[][] = [];

  /** `fields` in declaration order; `nameOf` gives each field's JSON name (all ASCII). */
  constructor(fields: readonly F[], nameOf: (field: F) => string) {
    for (const field of fields) {
      const name = nameOf(field);
      if (!this.exact.has(name)) this.exact.set(name, field);
      (this.byLength[name.length] ??= []).push({ name, folded: foldKey(name), field });
    }
  }

  find(key: string): F | undefined {
    return this.exact.get(key) ?? this.findIn(key, 0, key.length);
  }

  /** Whether the last findAt match needed no folding (the field name is then the key's spelling). */
  lastMatchExact = false;

  /** Looks up the key written (without escapes) at text[from, to). */
  findAt(text: string, from: number, to: number): F | undefined {
    const candidates = this.byLength[to - from];
    if (candidates === undefined) return undefined;
    for (const entry of candidates) {
      if (text.startsWith(entry.name, from)) {
        this.lastMatchExact = true;
        return entry.field;
      }
    }
    this.lastMatchExact = false;
    return this.findIn(text, from, to);
  }

  private findIn(text: string, from: number, to: number): F | undefined {
    const candidates = this.byLength[to - from];
    if (candidates === undefined) return undefined;
    for (const entry of candidates) {
      let k = 0;
      while (k < entry.folded.length && foldCode(text.charCodeAt(from + k)) === entry.folded.charCodeAt(k)) k++;
      if (k === entry.folded.length) return entry.field;
    }
    return undefined;
  }
}
