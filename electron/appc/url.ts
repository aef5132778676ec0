// net/url.Parse as Go 1.19 runs it, reduced to what appc's URL check needs: Go's error text for
// a text it refuses, and the lower-cased scheme otherwise. Works on UTF-8 byte strings.

import { goQuoteBytes, toByteString } from './gotext.js';

class UrlError {
  constructor(readonly message: string) {}
}

type Mode = 'path' | 'host' | 'zone' | 'userPassword' | 'fragment';

function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
}

function unhex(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return c - 0x37;
}

function isAlnum(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
}

/** url.shouldEscape for the modes used here. */
function shouldEscape(c: number, mode: Mode): boolean {
  if (isAlnum(c)) return false;
  const ch = String.fromCharCode(c);
  if ((mode === 'host' || mode === 'zone') && `!$&'()*+,;=:[]<>"`.includes(ch)) return false;
  if ('-_.~'.includes(ch)) return false;
  if ('$&+,/:;=?@'.includes(ch)) {
    switch (mode) {
      case 'path': return c === 0x3f;
      case 'userPassword': return c === 0x40 || c === 0x2f || c === 0x3f || c === 0x3a;
      case 'fragment': return false;
      default: break;
    }
  }
  if (mode === 'fragment' && '!()*'.includes(ch)) return false;
  return true;
}

/** url.unescape, only for its errors. */
function checkUnescape(s: string, mode: Mode): void {
  for (let i = 0; i < s.length; ) {
    const c = s.charCodeAt(i);
    if (c === 0x25) {
      if (i + 2 >= s.length || !isHex(s.charCodeAt(i + 1)) || !isHex(s.charCodeAt(i + 2))) {
        throw new UrlError(`invalid URL escape ${goQuoteBytes(s.slice(i, i + 3))}`);
      }
      const escape = s.slice(i, i + 3);
      if (mode === 'host' && unhex(s.charCodeAt(i + 1)) < 8 && escape !== '%25') {
        throw new UrlError(`invalid URL escape ${goQuoteBytes(escape)}`);
      }
      if (mode === 'zone') {
        const v = (unhex(s.charCodeAt(i + 1)) << 4) | unhex(s.charCodeAt(i + 2));
        if (escape !== '%25' && v !== 0x20 && shouldEscape(v, 'host')) {
          throw new UrlError(`invalid URL escape ${goQuoteBytes(escape)}`);
        }
      }
      i += 3;
      continue;
    }
    if ((mode === 'host' || mode === 'zone') && c < 0x80 && c !== 0x2b && shouldEscape(c, mode)) {
      throw new UrlError(`invalid character ${goQuoteBytes(s[i])} in host name`);
    }
    i++;
  }
}

function validOptionalPort(port: string): boolean {
  if (port === '') return true;
  if (port[0] !== ':') return false;
  for (let i = 1; i < port.length; i++) {
    const c = port.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

function parseHost(host: string): void {
  if (host.startsWith('[')) {
    const i = host.lastIndexOf(']');
    if (i < 0) throw new UrlError("missing ']' in host");
    const colonPort = host.slice(i + 1);
    if (!validOptionalPort(colonPort)) throw new UrlError(`invalid port ${goQuoteBytes(colonPort)} after host`);
    const zone = host.slice(0, i).indexOf('%25');
    if (zone >= 0) {
      checkUnescape(host.slice(0, zone), 'host');
      checkUnescape(host.slice(zone, i), 'zone');
      checkUnescape(host.slice(i), 'host');
      return;
    }
  } else {
    const i = host.lastIndexOf(':');
    if (i !== -1) {
      const colonPort = host.slice(i);
      if (!validOptionalPort(colonPort)) throw new UrlError(`invalid port ${goQuoteBytes(colonPort)} after host`);
    }
  }
  checkUnescape(host, 'host');
}

function validUserinfo(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isAlnum(c)) continue;
    if ("-._:~!$&'()*+,;=%@".includes(s[i])) continue;
    return false;
  }
  return true;
}

function parseAuthority(authority: string): void {
  const i = authority.lastIndexOf('@');
  parseHost(i < 0 ? authority : authority.slice(i + 1));
  if (i < 0) return;
  const userinfo = authority.slice(0, i);
  if (!validUserinfo(userinfo)) throw new UrlError('net/url: invalid userinfo');
  const colon = userinfo.indexOf(':');
  if (colon < 0) {
    checkUnescape(userinfo, 'userPassword');
  } else {
    checkUnescape(userinfo.slice(0, colon), 'userPassword');
    checkUnescape(userinfo.slice(colon + 1), 'userPassword');
  }
}

/** Splits off the scheme; throws for a leading colon. */
function getScheme(raw: string): [string, string] {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) continue;
    if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e) {
      if (i === 0) return ['', raw];
      continue;
    }
    if (c === 0x3a) {
      if (i === 0) throw new UrlError('missing protocol scheme');
      return [raw.slice(0, i), raw.slice(i + 1)];
    }
    return ['', raw];
  }
  return ['', raw];
}

/** url.parse(rawURL, viaRequest=false); returns the lower-cased scheme. */
function parseWithoutFragment(raw: string): string {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) throw new UrlError('net/url: invalid control character in URL');
  }
  if (raw === '*') return '';
  let [scheme, rest] = getScheme(raw);
  scheme = scheme.toLowerCase();
  const q = rest.indexOf('?');
  if (rest.endsWith('?') && q === rest.length - 1) rest = rest.slice(0, -1);
  else if (q >= 0) rest = rest.slice(0, q);
  if (!rest.startsWith('/')) {
    if (scheme !== '') return scheme;
    const slash = rest.indexOf('/');
    const segment = slash < 0 ? rest : rest.slice(0, slash);
    if (segment.includes(':')) throw new UrlError('first path segment in URL cannot contain colon');
  }
  if ((scheme !== '' || !rest.startsWith('///')) && rest.startsWith('//')) {
    let authority = rest.slice(2);
    rest = '';
    const slash = authority.indexOf('/');
    if (slash >= 0) {
      rest = authority.slice(slash);
      authority = authority.slice(0, slash);
    }
    parseAuthority(authority);
  }
  checkUnescape(rest, 'path');
  return scheme;
}

export type UrlParse = { ok: true; scheme: string } | { ok: false; error: string };

/** url.Parse */
export function parseGoUrl(s: string): UrlParse {
  const raw = toByteString(s);
  const hash = raw.indexOf('#');
  const withoutFragment = hash < 0 ? raw : raw.slice(0, hash);
  let scheme: string;
  try {
    scheme = parseWithoutFragment(withoutFragment);
  } catch (e) {
    if (e instanceof UrlError) return { ok: false, error: `parse ${goQuoteBytes(withoutFragment)}: ${e.message}` };
    throw e;
  }
  if (hash >= 0) {
    try {
      checkUnescape(raw.slice(hash + 1), 'fragment');
    } catch (e) {
      if (e instanceof UrlError) return { ok: false, error: `parse ${goQuoteBytes(raw)}: ${e.message}` };
      throw e;
    }
  }
  return { ok: true, scheme };
}

/** appc's URL check (homepage, documentation annotations). */
export function checkHttpUrl(s: string): string | null {
  const parsed = parseGoUrl(s);
  if (!parsed.ok) return `bad URL: ${parsed.error}`;
  if (parsed.scheme !== 'http' && parsed.scheme !== 'https') return 'bad URL scheme, must be http/https';
  return null;
}
