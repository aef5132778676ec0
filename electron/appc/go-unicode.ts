// Go's character classes, by the Unicode version of the Go that made rkt's recorded texts
// (strconv.IsPrint decides what %q escapes; unicode.IsUpper and IsNumber judge a seccomp errno).
import { GO_NUMBER_RANGES, GO_PRINT_RANGES, GO_UPPER_RANGES } from './go-unicode-tables.js';

function inRanges(ranges: readonly number[], cp: number): boolean {
  let lo = 0;
  let hi = ranges.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < ranges[2 * mid]) hi = mid - 1;
    else if (cp > ranges[2 * mid + 1]) lo = mid + 1;
    else return true;
  }
  return false;
}

/** strconv.IsPrint (the same set as unicode.IsPrint). */
export function goIsPrint(cp: number): boolean {
  if (cp >= 0x20 && cp <= 0x7e) return true;
  return cp > 0x7e && inRanges(GO_PRINT_RANGES, cp);
}

export function goIsUpper(cp: number): boolean {
  return inRanges(GO_UPPER_RANGES, cp);
}

export function goIsNumber(cp: number): boolean {
  return inRanges(GO_NUMBER_RANGES, cp);
}

/** unicode.IsSpace: what strings.TrimSpace removes, and what fmt's scanning skips. */
export function goIsSpace(c: number): boolean {
  if (c <= 0xff) return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0x85 || c === 0xa0;
  return c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}
