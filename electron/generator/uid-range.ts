// UidRange.Deserialize: "<shift>:<count>" scanned like Go's fmt.Sscanf("%d:%d") into uint32s.
import { GenError, wrap } from './gen-error.js';
import type { UidRange } from './pod.js';

function scanUint(s: string, at: number): { value: number; end: number } | string {
  let i = at;
  while (i < s.length && (s[i] === ' ' || s[i] === '\t' || s[i] === '\r')) i++;
  if (i >= s.length) return 'unexpected EOF';
  let j = i;
  if (s[j] === '+') j++;
  const start = j;
  while (j < s.length && s[j] >= '0' && s[j] <= '9') j++;
  if (j === start) return 'expected integer';
  const v = BigInt(s.slice(start, j));
  if (v > 0xffffffffn) return `unsigned integer overflow on token ${s.slice(i, j)}`;
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
