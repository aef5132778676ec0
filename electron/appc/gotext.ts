// Go's ways of printing and trimming strings, for error texts that must match Go's byte for byte.
// Go works on UTF-8 bytes; a "byte string" here is a JS string holding one byte per character.

import { goIsPrint, goIsSpace } from './go-unicode.js';

const encoder = new TextEncoder();

/** The UTF-8 bytes of `s`, one per character (lone surrogates become U+FFFD, as Go would see them). */
export function toByteString(s: string): string {
  let ascii = true;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return s;
  const bytes = encoder.encode(s);
  let out = '';
  for (let i = 0; i < bytes.length; i += 4096) {
    out += String.fromCharCode(...bytes.subarray(i, i + 4096));
  }
  return out;
}

/** Decodes one UTF-8 rune from a byte string; width 1 with rune -1 for an invalid byte. */
function decodeRune(bs: string, i: number): { rune: number; width: number } {
  const b0 = bs.charCodeAt(i);
  if (b0 < 0x80) return { rune: b0, width: 1 };
  const cont = (k: number): number => {
    const b = i + k < bs.length ? bs.charCodeAt(i + k) : -1;
    return b >= 0x80 && b <= 0xbf ? b & 0x3f : -1;
  };
  if (b0 >= 0xc2 && b0 <= 0xdf) {
    const c1 = cont(1);
    if (c1 >= 0) return { rune: ((b0 & 0x1f) << 6) | c1, width: 2 };
  } else if (b0 >= 0xe0 && b0 <= 0xef) {
    const c1 = cont(1);
    const c2 = cont(2);
    if (c1 >= 0 && c2 >= 0) {
      const r = ((b0 & 0x0f) << 12) | (c1 << 6) | c2;
      if (r >= 0x800 && (r < 0xd800 || r > 0xdfff)) return { rune: r, width: 3 };
    }
  } else if (b0 >= 0xf0 && b0 <= 0xf4) {
    const c1 = cont(1);
    const c2 = cont(2);
    const c3 = cont(3);
    if (c1 >= 0 && c2 >= 0 && c3 >= 0) {
      const r = ((b0 & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3;
      if (r >= 0x10000 && r <= 0x10ffff) return { rune: r, width: 4 };
    }
  }
  return { rune: -1, width: 1 };
}

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

/** strconv.Quote of a byte string. */
export function goQuoteBytes(bs: string): string {
  let out = '"';
  for (let i = 0; i < bs.length; ) {
    const { rune, width } = decodeRune(bs, i);
    if (rune < 0) {
      out += '\\x' + hex(bs.charCodeAt(i), 2);
      i += 1;
      continue;
    }
    i += width;
    if (rune === 0x22 || rune === 0x5c) {
      out += '\\' + String.fromCharCode(rune);
    } else if (goIsPrint(rune)) {
      out += String.fromCodePoint(rune);
    } else {
      switch (rune) {
        case 0x07: out += '\\a'; break;
        case 0x08: out += '\\b'; break;
        case 0x0c: out += '\\f'; break;
        case 0x0a: out += '\\n'; break;
        case 0x0d: out += '\\r'; break;
        case 0x09: out += '\\t'; break;
        case 0x0b: out += '\\v'; break;
        default:
          if (rune < 0x20 || rune === 0x7f) out += '\\x' + hex(rune, 2);
          else if (rune < 0x10000) out += '\\u' + hex(rune, 4);
          else out += '\\U' + hex(rune, 8);
      }
    }
  }
  return out + '"';
}

/** strconv.Quote, i.e. fmt's %q and %#v for strings. */
export function goQuote(s: string): string {
  return goQuoteBytes(toByteString(s));
}

/** strings.TrimSpace */
export function trimGoSpace(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && goIsSpace(s.charCodeAt(a))) a++;
  while (b > a && goIsSpace(s.charCodeAt(b - 1))) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}
