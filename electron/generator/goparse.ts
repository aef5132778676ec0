// Go's strconv.Atoi and fmt.Sscanf("%d") number parsing, as rkt relies on them.
import { goQuote } from './goquote.js';

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

export type AtoiResult = { ok: true; value: bigint } | { ok: false; error: 'syntax' | 'range'; text: string };

/** strconv.Atoi on a 64-bit platform: optional sign, decimal digits only. */
const SMALL = /^[+-]?[0-9]{1,15}$/;

export function atoi(s: string): AtoiResult {
  if (SMALL.test(s)) return { ok: true, value: BigInt(parseInt(s, 10)) };
  const m = /^[+-]?[0-9]+$/.exec(s);
  if (!m) return { ok: false, error: 'syntax', text: `strconv.Atoi: parsing ${goQuote(s)}: invalid syntax` };
  const v = BigInt(s);
  if (v < INT64_MIN || v > INT64_MAX) {
    return { ok: false, error: 'range', text: `strconv.Atoi: parsing ${goQuote(s)}: value out of range` };
  }
  return { ok: true, value: v };
}

/** Two's-complement wrap of a signed 64-bit value into uint64 (Go's uint64(x) conversion). */
export function toUint64(v: bigint): bigint {
  return BigInt.asUintN(64, v);
}

/** Go's int -> uint32 conversion (User=/Group= are printed from uint32 in rkt). */
export function toUint32(v: bigint): bigint {
  return BigInt.asUintN(32, v);
}
