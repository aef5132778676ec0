// Go's unicode.IsPrint for non-ASCII code points: letters, marks, numbers, punctuation and
// symbols are printable; every space other than U+0020 and every control/format/unassigned
// code point is not. JavaScript's Unicode property escapes give the same categories.
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

export function isGoPrintable(cp: number): boolean {
  if (cp === 0x20) return true;
  return PRINTABLE.test(String.fromCodePoint(cp));
}
