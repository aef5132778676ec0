// Bytes read from a pod as text, the way Go's string conversion sees them after decoding:
// a byte order mark stays part of the text, and each byte that does not start a valid UTF-8
// sequence becomes one U+FFFD (utf8.DecodeRune), where a WHATWG decoder would replace a whole
// broken sequence with one.
import { isAscii, isUtf8 } from 'node:buffer';

const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** UTF-8 text of a file; ASCII (the usual manifest) without the cost of a full decoder. */
export function utf8Text(bytes: Uint8Array): string {
  if (isAscii(bytes)) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return isUtf8(bytes) ? decoder.decode(bytes) : decodeLikeGo(bytes);
}

/** The length of the valid UTF-8 sequence at `i`, or 0 (Go's utf8.DecodeRune rules). */
function sequenceLength(b: Uint8Array, i: number): number {
  const c = b[i];
  const cont = (k: number, lo = 0x80, hi = 0xbf) => i + k < b.length && b[i + k] >= lo && b[i + k] <= hi;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    const lo = c === 0xe0 ? 0xa0 : 0x80;
    const hi = c === 0xed ? 0x9f : 0xbf;
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    const lo = c === 0xf0 ? 0x90 : 0x80;
    const hi = c === 0xf4 ? 0x8f : 0xbf;
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

function decodeLikeGo(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    if (bytes[i] < 0x80) {
      out += String.fromCharCode(bytes[i++]);
      continue;
    }
    const n = sequenceLength(bytes, i);
    if (n === 0) {
      out += '\ufffd';
      i++;
    } else {
      out += decoder.decode(bytes.subarray(i, i + n));
      i += n;
    }
  }
  return out;
}
