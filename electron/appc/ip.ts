// net.ParseIP (Go 1.17–1.19 rules: dotted IPv4 without leading zeros, or IPv6 with an optional
// trailing IPv4 part; no zones). Only acceptance matters here.

const BIG = 0xffffff;

function decimalPrefix(s: string): { n: number; width: number; ok: boolean } {
  let n = 0;
  let i = 0;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) break;
    n = n * 10 + (c - 0x30);
    if (n >= BIG) return { n: BIG, width: i, ok: false };
  }
  return { n, width: i, ok: i > 0 };
}

function hexPrefix(s: string): { n: number; width: number; ok: boolean } {
  let n = 0;
  let i = 0;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let d: number;
    if (c >= 0x30 && c <= 0x39) d = c - 0x30;
    else if (c >= 0x61 && c <= 0x66) d = c - 0x57;
    else if (c >= 0x41 && c <= 0x46) d = c - 0x37;
    else break;
    n = n * 16 + d;
    if (n >= BIG) return { n: 0, width: i, ok: false };
  }
  return { n, width: i, ok: i > 0 };
}

function isIPv4(s: string): boolean {
  let rest = s;
  for (let part = 0; part < 4; part++) {
    if (rest.length === 0) return false;
    if (part > 0) {
      if (rest[0] !== '.') return false;
      rest = rest.slice(1);
    }
    const { n, width, ok } = decimalPrefix(rest);
    if (!ok || n > 0xff) return false;
    if (width > 1 && rest[0] === '0') return false;
    rest = rest.slice(width);
  }
  return rest.length === 0;
}

function isIPv6(s: string): boolean {
  let rest = s;
  let ellipsis = -1;
  if (rest.length >= 2 && rest[0] === ':' && rest[1] === ':') {
    ellipsis = 0;
    rest = rest.slice(2);
    if (rest.length === 0) return true;
  }
  let i = 0;
  while (i < 16) {
    const { n, width, ok } = hexPrefix(rest);
    if (!ok || n > 0xffff) return false;
    if (width < rest.length && rest[width] === '.') {
      if (ellipsis < 0 && i !== 12) return false;
      if (i + 4 > 16) return false;
      if (!isIPv4(rest)) return false;
      rest = '';
      i += 4;
      break;
    }
    i += 2;
    rest = rest.slice(width);
    if (rest.length === 0) break;
    if (rest[0] !== ':' || rest.length === 1) return false;
    rest = rest.slice(1);
    if (rest[0] === ':') {
      if (ellipsis >= 0) return false;
      ellipsis = i;
      rest = rest.slice(1);
      if (rest.length === 0) break;
    }
  }
  if (rest.length !== 0) return false;
  if (i < 16) return ellipsis >= 0;
  return ellipsis < 0;
}

export function isValidIP(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '.') return isIPv4(s);
    if (s[i] === ':') return isIPv6(s);
  }
  return false;
}
