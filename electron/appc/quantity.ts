// Resource quantities: appc's vendored copy of Kubernetes resource.Quantity (ParseQuantity,
// String, Value, MilliValue), computed with exact integers.
//
// Go keeps a quantity either as an int64 scaled by a power of ten (the fast path) or as an
// inf.Dec rounded up to nanounits; the two differ in rounding of negative amounts and in which
// text String() gives back, so both forms are modelled. Go's int64 overflow is not: Value()
// and MilliValue() are exact here (an exponent beyond EXPONENT_CLAMP is treated as that bound,
// which keeps ordering and the value modulo 2^64).

import { fail } from './failure.js';
import { parseGoInteger } from './godecode.js';
import { K_ARRAY, K_OBJECT, K_STRING, type JsonDoc } from './jsondoc.js';
import { trimGoSpace } from './gotext.js';
import type { Quantity } from './types.js';

export const QUANTITY_FORMAT_ERROR =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
export const QUANTITY_NUMERIC_ERROR = 'unable to parse numeric part of quantity';
export const QUANTITY_SUFFIX_ERROR = "unable to parse quantity's suffix";

export type QuantityFormat = 'DecimalExponent' | 'BinarySI' | 'DecimalSI';

/** A parsed quantity: (negative ? -1 : 1) × mantissa × 10^exponent. */
export interface Amount {
  negative: boolean;
  mantissa: bigint;
  exponent: number;
  format: QuantityFormat;
  /** The text String() returns when Go kept the input as already canonical. */
  cached: string | null;
  /** Held as an inf.Dec (slow path) rather than a scaled int64. */
  decimalForm: boolean;
  /** A binary amount cut down to 2^63-1. */
  capped: boolean;
}

const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);
const EXPONENT_CLAMP = 1000;

const DECIMAL_SUFFIXES = new Map<string, number>([
  ['', 0], ['n', -9], ['u', -6], ['m', -3], ['k', 3], ['M', 6], ['G', 9], ['T', 12], ['P', 15], ['E', 18],
]);
const BINARY_SUFFIXES = new Map<string, number>([['Ki', 10], ['Mi', 20], ['Gi', 30], ['Ti', 40], ['Pi', 50], ['Ei', 60]]);
const DECIMAL_SUFFIX_OF = new Map<number, string>([...DECIMAL_SUFFIXES].map(([s, e]) => [e, s]));
const BINARY_SUFFIX_OF = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
const SUFFIX_LETTERS = 'eEinumkKMGTP';

function wrap32(n: number): number {
  return n | 0;
}

const powers: bigint[] = [];
function pow10(k: number): bigint {
  if (k < 64) {
    let p = powers[k];
    if (p === undefined) powers[k] = p = 10n ** BigInt(k);
    return p;
  }
  return 10n ** BigInt(k);
}

function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}

interface Parts {
  positive: boolean;
  value: string;
  num: string;
  denom: string;
  suffix: string;
}

/** parseQuantityString: splits sign, number, fraction and suffix; null when the shape is wrong. */
function splitQuantity(str: string): Parts | null {
  let positive = true;
  let pos = 0;
  const end = str.length;
  if (pos < end) {
    if (str[0] === '-') {
      positive = false;
      pos++;
    } else if (str[0] === '+') {
      pos++;
    }
  }
  for (let i = pos; ; i++) {
    if (i >= end) return { positive, value: '0', num: '0', denom: '', suffix: '' };
    if (str[i] !== '0') break;
    pos++;
  }
  let num = '';
  for (let i = pos; ; i++) {
    if (i >= end) return { positive, value: str, num: str.slice(pos), denom: '', suffix: '' };
    if (!isDigit(str[i])) {
      num = str.slice(pos, i);
      pos = i;
      break;
    }
  }
  if (num.length === 0) num = '0';
  let denom = '';
  if (pos < end && str[pos] === '.') {
    pos++;
    for (let i = pos; ; i++) {
      if (i >= end) return { positive, value: str, num, denom: str.slice(pos), suffix: '' };
      if (!isDigit(str[i])) {
        denom = str.slice(pos, i);
        pos = i;
        break;
      }
    }
  }
  const value = str.slice(0, pos);
  const suffixStart = pos;
  for (let i = pos; ; i++) {
    if (i >= end) return { positive, value, num, denom, suffix: str.slice(suffixStart) };
    if (!SUFFIX_LETTERS.includes(str[i])) {
      pos = i;
      break;
    }
  }
  if (pos < end && (str[pos] === '-' || str[pos] === '+')) pos++;
  for (let i = pos; ; i++) {
    if (i >= end) return { positive, value, num, denom, suffix: str.slice(suffixStart) };
    if (!isDigit(str[i])) return null;
  }
}

interface Suffix {
  base: 2 | 10;
  exponent: number;
  format: QuantityFormat;
}

function interpretSuffix(s: string): Suffix | null {
  const decimal = DECIMAL_SUFFIXES.get(s);
  if (decimal !== undefined) return { base: 10, exponent: decimal, format: 'DecimalSI' };
  const binary = BINARY_SUFFIXES.get(s);
  if (binary !== undefined) return { base: 2, exponent: binary, format: 'BinarySI' };
  if (s.length > 1 && (s[0] === 'E' || s[0] === 'e')) {
    // strconv.ParseInt(s[1:], 10, 64), which also takes a leading '+'.
    const body = s.slice(1);
    const v = parseGoInteger(body[0] === '+' && /^\+[0-9]+$/.test(body) ? body.slice(1) : body, false);
    if (v === null) return null;
    return { base: 10, exponent: Number(BigInt.asIntN(32, v)), format: 'DecimalExponent' };
  }
  return null;
}

/** inf.Dec SetString of the numeric part: a signed integer and its count of fraction digits. */
function parseDecimal(value: string): { unscaled: bigint; scale: number } | null {
  let i = 0;
  let sign = '';
  if (value[0] === '+' || value[0] === '-') {
    sign = value[0];
    i = 1;
  }
  let digits = '';
  let point = -1;
  for (; i < value.length; i++) {
    const ch = value[i];
    if (ch === '.') {
      if (point >= 0) return null;
      point = digits.length;
    } else if (isDigit(ch)) {
      digits += ch;
    } else {
      return null;
    }
  }
  if (digits.length === 0) return null;
  const unscaled = BigInt(digits);
  return { unscaled: sign === '-' ? -unscaled : unscaled, scale: point < 0 ? 0 : digits.length - point };
}

/** U / 10^k rounded up, for U > 0. */
function ceilDivPow10(u: bigint, k: number): bigint {
  if (k > u.toString().length) return 1n;
  const p = pow10(k);
  return (u + p - 1n) / p;
}

/** ParseQuantity; returns Go's error text on failure. */
export function parseAmount(str: string): Amount | string {
  if (str.length === 0) return QUANTITY_FORMAT_ERROR;
  if (str === '0') {
    return { negative: false, mantissa: 0n, exponent: 0, format: 'DecimalSI', cached: '0', decimalForm: false, capped: false };
  }
  const parts = splitQuantity(str);
  if (parts === null) return QUANTITY_FORMAT_ERROR;
  const suffix = interpretSuffix(parts.suffix);
  if (suffix === null) return QUANTITY_SUFFIX_ERROR;
  const { num, denom } = parts;
  let format = suffix.format;

  let precision: number;
  let scale: number;
  let multiplier = 1n;
  if (format === 'BinarySI') {
    scale = 0;
    if (suffix.exponent >= 0 && denom.length === 0) {
      multiplier = 1n << BigInt(suffix.exponent);
      precision = 15 - num.length - (suffix.exponent * 3) / 10 - 1;
    } else {
      precision = -1;
    }
  } else {
    scale = suffix.exponent;
    precision = 18 - (num.length + denom.length);
  }

  if (precision >= 0) {
    scale = wrap32(scale - denom.length);
    if (scale >= -9) {
      const shifted = num + denom;
      const parsed = parseGoInteger(shifted, false);
      if (parsed === null) return QUANTITY_NUMERIC_ERROR;
      const result = parsed * multiplier;
      if (result <= INT64_MAX) {
        let canonical: boolean;
        if (format === 'BinarySI') canonical = suffix.exponent % 10 === 0 && (parsed & 7n) !== 0n;
        else canonical = scale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0';
        return {
          negative: !parts.positive && result !== 0n,
          mantissa: result,
          exponent: scale,
          format,
          cached: canonical ? str : null,
          decimalForm: false,
          capped: false,
        };
      }
    }
  }

  const dec = parseDecimal(parts.value);
  if (dec === null) return QUANTITY_NUMERIC_ERROR;
  let unscaled = dec.unscaled;
  let decScale = dec.scale;
  if (suffix.base === 10) decScale = wrap32(decScale + wrap32(-suffix.exponent));
  else unscaled *= 1n << BigInt(suffix.exponent);
  const negative = unscaled < 0n;
  let mantissa = negative ? -unscaled : unscaled;
  let exponent = -decScale;
  if (mantissa !== 0n && exponent < -9) {
    mantissa = ceilDivPow10(mantissa, -9 - exponent);
    exponent = -9;
  }
  let capped = false;
  if (format === 'BinarySI' && compareMagnitude(mantissa, exponent, INT64_MAX) > 0) {
    mantissa = INT64_MAX;
    exponent = 0;
    capped = true;
  }
  if (format === 'BinarySI' && mantissa !== 0n && compareMagnitude(mantissa, exponent, 1n) < 0) format = 'DecimalSI';
  return { negative: negative && mantissa !== 0n, mantissa, exponent, format, cached: null, decimalForm: true, capped };
}

/** Compares mantissa × 10^exponent with the integer `n`. */
function compareMagnitude(mantissa: bigint, exponent: number, n: bigint): number {
  if (exponent >= 0) {
    if (exponent > 40) return mantissa === 0n ? (n > 0n ? -1 : 0) : 1;
    const v = mantissa * pow10(exponent);
    return v > n ? 1 : v < n ? -1 : 0;
  }
  const scaled = n * pow10(-exponent);
  return mantissa > scaled ? 1 : mantissa < scaled ? -1 : 0;
}

/** Quantity.String() */
export function canonicalString(a: Amount): string {
  if (a.cached !== null) return a.cached;
  if (a.mantissa === 0n) return '0';
  const sign = a.negative ? '-' : '';
  let format = a.format;
  if (format === 'BinarySI') {
    const small = compareMagnitude(a.mantissa, a.exponent, 1024n) < 0;
    const integral = a.exponent >= 0 || a.mantissa % pow10(-a.exponent) === 0n;
    if (small || !integral) {
      format = 'DecimalSI';
    } else {
      let n = a.exponent >= 0 ? a.mantissa * pow10(a.exponent) : a.mantissa / pow10(-a.exponent);
      let times = 0;
      while (n >= 1024n && n % 1024n === 0n) {
        n /= 1024n;
        times++;
      }
      return sign + n.toString() + (BINARY_SUFFIX_OF[times] ?? '');
    }
  }
  let m = a.mantissa;
  let times = 0;
  while (m >= 10n && m % 10n === 0n) {
    m /= 10n;
    times++;
  }
  let e = a.decimalForm ? a.exponent + times : wrap32(a.exponent + times);
  const r = e % 3;
  if (r === 1 || r === -2) {
    m *= 10n;
    e = wrap32(e - 1);
  } else if (r === 2 || r === -1) {
    m *= 100n;
    e = wrap32(e - 2);
  }
  let suffix: string;
  if (format === 'DecimalExponent') suffix = e === 0 ? '' : `e${e}`;
  else suffix = DECIMAL_SUFFIX_OF.get(e) ?? '';
  return sign + m.toString() + suffix;
}

/**
 * ScaledValue(scale) for scale 0 (Value) or -3 (MilliValue), as Go computes it: an int64Amount
 * that overflows gives 0, while an inf.Dec wraps like big.Int.Int64() and int64 arithmetic.
 */
export function scaledValue(a: Amount, scale: 0 | -3): bigint {
  if (a.mantissa === 0n) return 0n;
  if (!a.decimalForm) {
    // int64Amount: rounds away from zero; positiveScaleInt64 gives 0 when the result overflows.
    const diff = a.exponent - scale;
    const magnitude = diff >= 0
      ? a.mantissa * pow10(Math.min(diff, EXPONENT_CLAMP))
      : ceilDivPow10(a.mantissa, -diff);
    const v = a.negative ? -magnitude : magnitude;
    return v < INT64_MIN || v > INT64_MAX ? 0n : v;
  }
  // inf.Dec: Go holds unscaled/10^9 (or 2^63-1 unscaled when capped) and divides with
  // truncation plus one on a remainder, which for negative amounts is not away from zero.
  let unscaled: bigint;
  let decScale: number;
  if (a.capped) {
    unscaled = a.mantissa;
    decScale = 0;
  } else {
    unscaled = a.mantissa * pow10(Math.min(a.exponent + 9, EXPONENT_CLAMP));
    decScale = 9;
  }
  if (a.negative) unscaled = -unscaled;
  const int64 = (v: bigint) => BigInt.asIntN(64, v);
  const dif = decScale + scale;
  if (dif === 0) return int64(unscaled);
  if (dif < 0) return int64(int64(unscaled) * pow10(-dif));
  const divisor = pow10(dif);
  if (unscaled < INT64_MAX && dif < 19) {
    const u = int64(unscaled);
    const q = u / divisor;
    return u % divisor !== 0n ? q + 1n : q;
  }
  // big.Int.DivMod is Euclidean: the remainder is never negative.
  let q = unscaled / divisor;
  let r = unscaled % divisor;
  if (r < 0n) {
    q -= 1n;
    r += divisor;
  }
  return r !== 0n ? int64(int64(q) + 1n) : int64(q);
}

/** A Quantity for the API from an already trimmed text. */
export function quantityFromText(text: string): Quantity | string {
  const amount = parseAmount(text);
  if (typeof amount === 'string') return amount;
  return {
    text,
    canonical: canonicalString(amount),
    value: scaledValue(amount, 0),
    milliValue: scaledValue(amount, -3),
  };
}

/**
 * Quantity.UnmarshalJSON for a non-null JSON value: the raw bytes, minus the quotes of a
 * string (escapes are not decoded), trimmed of white space.
 */
export function decodeQuantity(doc: JsonDoc, node: number): Quantity {
  const kind = doc.kind[node];
  // An array or object can never be a quantity; its first character already fails the shape.
  const raw = kind === K_STRING ? doc.rawStr(node) : kind === K_ARRAY || kind === K_OBJECT ? '{' : doc.source(node);
  const result = quantityFromText(trimGoSpace(raw));
  if (typeof result === 'string') fail(result, node);
  return result;
}
