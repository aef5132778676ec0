// Unit-name escaping and rkt's exec quoting.
import { goQuote } from './goquote.js';

const PLAIN = /[A-Za-z0-9:_.]/;

/** go-systemd's UnitNamePathEscape: systemd path escaping, hex without zero padding. */
export function unitNamePathEscape(path: string): string {
  const trimmed = path.split('/').filter((p) => p !== '').join('/');
  if (trimmed === '') return '-';
  let out = '';
  const bytes = new TextEncoder().encode(trimmed);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    const c = String.fromCharCode(b);
    if (c === '/') out += '-';
    else if ((c === '.' && out === '') || b >= 0x80 || !PLAIN.test(c)) out += '\\x' + b.toString(16);
    else out += c;
  }
  return out;
}

export interface ExecQuoting {
  /** Double '%' in arguments after the first (rkt after v1.30.0). */
  escapePercent: boolean;
  /** 'bare-first' is rkt v0.7.0's quoting; the default is Go's %q for every element. */
  style?: 'bare-first' | 'go-quoted';
}

/** rkt's execEscape for element i of an exec line. */
export function execEscape(i: number, s: string, q: ExecQuoting): string {
  let out = goQuote(s).replaceAll("'", "\\'");
  if (i > 0) {
    out = out.replaceAll('$', '$$$$');
    if (q.escapePercent) out = out.replaceAll('%', '%%');
  }
  return out;
}

/** rkt's quoteExec: each element escaped, joined by single spaces. */
export function quoteExec(exec: string[], q: ExecQuoting): string {
  if (q.style === 'bare-first') return exec.map((e, i) => (i === 0 ? e : quoteBareFirstArg(e))).join(' ');
  return exec.map((e, i) => execEscape(i, e, q)).join(' ');
}

/** rkt v0.7.0: backslash, double and single quote escaped with a backslash, '$' doubled, nothing else touched. */
function quoteBareFirstArg(s: string): string {
  return '"' + s.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll("'", "\\'").replaceAll('$', '$$$$') + '"';
}
