// time.Parse(time.RFC3339, s) as Go 1.19 runs it, reduced to what appc needs: whether the text
// is accepted, and Go's error message when it is not.

import { toByteString } from './gotext.js';

const LAYOUT = '2006-01-02T15:04:05Z07:00';

/** time's own quoting: bytes outside printable ASCII become \xNN. */
function timeQuote(bs: string): string {
  let out = '"';
  for (let i = 0; i < bs.length; i++) {
    const b = bs.charCodeAt(i);
    if (b >= 0x80 || b < 0x20) out += '\\x' + b.toString(16).padStart(2, '0');
    else if (b === 0x22 || b === 0x5c) out += '\\' + bs[i];
    else out += bs[i];
  }
  return out + '"';
}

function isDigitAt(s: string, i: number): boolean {
  if (i >= s.length) return false;
  const c = s.charCodeAt(i);
  return c >= 0x30 && c <= 0x39;
}

class ParseError {
  constructor(readonly message: string) {}
}

/** Go's getnum: one or two digits (exactly two when `fixed`). */
function getnum(s: string, fixed: boolean): [number, string] | null {
  if (!isDigitAt(s, 0)) return null;
  if (!isDigitAt(s, 1)) {
    if (fixed) return null;
    return [s.charCodeAt(0) - 0x30, s.slice(1)];
  }
  return [(s.charCodeAt(0) - 0x30) * 10 + (s.charCodeAt(1) - 0x30), s.slice(2)];
}

function daysIn(month: number, year: number): number {
  if (month === 2) {
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    return leap ? 29 : 28;
  }
  return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** Returns null when `s` is a valid RFC 3339 time for Go, else Go's ParseError text. */
export function rfc3339Error(s: string): string | null {
  try {
    parseRFC3339(toByteString(s));
    return null;
  } catch (e) {
    if (e instanceof ParseError) return e.message;
    throw e;
  }
}

function parseRFC3339(input: string): void {
  const cannotParse = (valueElem: string, layoutElem: string): ParseError =>
    new ParseError(`parsing time ${timeQuote(input)} as ${timeQuote(LAYOUT)}: cannot parse ${timeQuote(valueElem)} as ${timeQuote(layoutElem)}`);
  const outOfRange = (what: string): ParseError => new ParseError(`parsing time ${timeQuote(input)}: ${what} out of range`);

  let value = input;
  const skip = (prefix: string): void => {
    if (value.length === 0 || value[0] !== prefix) throw cannotParse(value, prefix);
    value = value.slice(1);
  };
  const number = (layoutElem: string, fixed: boolean): number => {
    const got = getnum(value, fixed);
    if (got === null) throw cannotParse(value, layoutElem);
    value = got[1];
    return got[0];
  };

  // 2006: four bytes are taken as soon as the first is a digit, so a bad year quotes what follows.
  if (value.length < 4 || !isDigitAt(value, 0)) throw cannotParse(value, '2006');
  const yearText = value.slice(0, 4);
  value = value.slice(4);
  if (!/^[0-9]{4}$/.test(yearText)) throw cannotParse(value, '2006');
  const year = Number(yearText);
  skip('-');
  const month = number('01', true);
  if (month < 1 || month > 12) throw outOfRange('month');
  skip('-');
  const day = number('02', true);
  skip('T');
  const hour = number('15', false);
  if (hour >= 24) throw outOfRange('hour');
  skip(':');
  const minute = number('04', true);
  if (minute >= 60) throw outOfRange('minute');
  skip(':');
  const seconds = getnum(value, true);
  if (seconds !== null) value = seconds[1];
  if (seconds !== null && seconds[0] >= 60) throw outOfRange('second');
  // A fraction the layout does not mention is still accepted after the seconds, and parsing it
  // clears the error of seconds that were not there (Go 1.19 overwrites it).
  let secondsMissing = seconds === null;
  if (value.length >= 2 && (value[0] === '.' || value[0] === ',') && isDigitAt(value, 1)) {
    let n = 2;
    while (n < value.length && isDigitAt(value, n)) n++;
    value = value.slice(n);
    secondsMissing = false;
  }
  if (secondsMissing) throw cannotParse(value, '05');
  // Z07:00
  if (value.length >= 1 && value[0] === 'Z') {
    value = value.slice(1);
  } else {
    if (value.length < 6 || value[3] !== ':') throw cannotParse(value, 'Z07:00');
    // The six bytes are taken before they are checked, so a bad offset quotes what follows them.
    const sign = value[0];
    const hh = value.slice(1, 3);
    const mm = value.slice(4, 6);
    value = value.slice(6);
    if (!isTimeAtoi(hh) || !isTimeAtoi(mm) || (sign !== '+' && sign !== '-')) throw cannotParse(value, 'Z07:00');
  }
  if (value.length !== 0) throw new ParseError(`parsing time ${timeQuote(input)}: extra text: ${timeQuote(value)}`);
  if (day < 1 || day > daysIn(month, year)) throw new ParseError(`parsing time ${timeQuote(input)}: day out of range`);
}

/** Whether the time package's atoi takes `s`: an optional sign, then digits only (none at all is 0). */
function isTimeAtoi(s: string): boolean {
  return /^[+-]?[0-9]*$/.test(s);
}
