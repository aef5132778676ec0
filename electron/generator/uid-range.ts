// UidRange.Deserialize: "<shift>:<count>" scanned like Go's fmt.Sscanf("%d:%d") into uint32s.
import { GenError, wrap } from './gen-error.js';
import type { UidRange } from './pod.js';
import { goQuote } from './goquote.js';
import { goIsSpace } from '../appc/go-unicode.js';

/** fmt's scanUint for %d: spaces skipped (a newline is an error instead), no sign, digits parsed by strconv.ParseUint(tok, 10, 64), then the 32-bit check. */
function scanUint(s: string, at: number): { value: number; end: number } | string {
  let i = at;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x0d && s[i + 1] === '\n') continue;
    if (c === 0x0a) return 'unexpected newline';
    if (!goIsSpace(c)) break;
  }
  if (i >= s.length) return 'unexpected EOF';
  let j = i;
  while (j < s.length && s[j] >= '0' && s[j] <= '9') j++;
  if (j === i) return 'expected integer';
  const tok = s.slice(i, j);
  const v = BigInt(tok);
  if (v > 0xffffffffffffffffn) return `strconv.ParseUint: parsing ${goQuote(tok)}: value out of range`;
  if (v > 0xffffffffn) return `unsigned integer overflow on token ${tok}`;
  return { value: Number(v), end: j };
}

export function parseUidRange(text: string): UidRange {
  if (text === '') return { shift: 0, count: 0 };
  const fail = (msg: string) => wrap('error deserializing uid range', new GenError(msg));
  const a = scanUint(text, 0);
  if (typeof a === 'string') throw fail(a);
  if (a.end >= text.length) throw fail('unexpected EOF');
  if (text[a.end] !== ':') throw fail('input does not match format');
  const b = scanUint(text, a.end + 1);
  if (typeof b === 'string') throw fail(b);
  return { shift: a.value, count: b.value };
}
