// Bytes read from a pod as text, the way Go's string conversion sees them after decoding.
import { isAscii } from 'node:buffer';

const decoder = new TextDecoder();

/** UTF-8 text of a file; ASCII (the usual manifest) without the cost of a full decoder. */
export function utf8Text(bytes: Uint8Array): string {
  return isAscii(bytes) ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1') : decoder.decode(bytes);
}
