// Go's number parsing (strconv.Atoi, strconv.ParseUint) and the os.Chmod/os.Chown view of
// numbers, as rkt relies on them.
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

/**
 * strconv.ParseUint(s, base, bitSize) for bases up to 10: digits are read left to right, so a
 * value that overflows before a bad digit is out of range, not a syntax error.
 */
export function parseUint(s: string, base: number, bitSize: number): { ok: true; value: number } | { ok: false; text: string } {
  const max = 2n ** BigInt(bitSize) - 1n;
  const failure = (why: string) => ({ ok: false as const, text: `strconv.ParseUint: parsing ${goQuote(s)}: ${why}` });
  if (s === '') return failure('invalid syntax');
  let n = 0n;
  for (const ch of s) {
    const d = ch.charCodeAt(0) - 0x30;
    if (ch.length !== 1 || d < 0 || d >= base) return failure('invalid syntax');
    n = n * BigInt(base) + BigInt(d);
    if (n > max) return failure('value out of range');
  }
  return { ok: true, value: Number(n) };
}

// os.FileMode's setuid, setgid and sticky flags: os.Chmod turns them into the mode bits.
const GO_MODE_SETUID = 1 << 23;
const GO_MODE_SETGID = 1 << 22;
const GO_MODE_STICKY = 1 << 20;

/** The mode bits os.Chmod sets for os.FileMode(n): the permission bits plus Go's own flag bits (0o7000 are not flags). */
export function chmodBitsOf(fileMode: number): number {
  return (fileMode & 0o777)
    | (fileMode & GO_MODE_SETUID ? 0o4000 : 0)
    | (fileMode & GO_MODE_SETGID ? 0o2000 : 0)
    | (fileMode & GO_MODE_STICKY ? 0o1000 : 0);
}

/** The id os.Chown gives the kernel (a uid_t), or null for -1 cut to 32 bits: "leave unchanged". */
export function chownId(id: number): number | null {
  if (Number.isInteger(id) && id >= 0 && id < 0xffffffff) return id;
  const v = Number(BigInt.asUintN(32, BigInt(Math.trunc(id))));
  return v === 0xffffffff ? null : v;
}
