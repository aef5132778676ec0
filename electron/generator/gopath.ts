// Go's path/filepath semantics on '/'-separated paths (Clean, Join, IsAbs, SplitList),
// which differ from node:path in edge cases the generator's output depends on.

/** Paths Clean would change (with `s`, a trailing slash after a line break counts too). */
const NEEDS_CLEANING = /\/\/|(^|\/)\.\.?(\/|$)|.\/$/s;

/** filepath.Clean: lexical cleanup; '' becomes '.'. */
export function clean(p: string): string {
  if (p === '') return '.';
  if (!NEEDS_CLEANING.test(p)) return p;
  const rooted = p.charCodeAt(0) === 47;
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(part);
  }
  const body = out.join('/');
  if (rooted) return '/' + body;
  return body === '' ? '.' : body;
}

/** filepath.Join: empty elements are ignored; all-empty gives ''. */
export function join(...elems: string[]): string {
  let joined = '';
  for (const e of elems) {
    if (e === '') continue;
    joined = joined === '' ? e : joined + '/' + e;
  }
  return joined === '' ? '' : clean(joined);
}

export function isAbs(p: string): boolean {
  return p.charCodeAt(0) === 47;
}

/** filepath.SplitList: '' gives an empty list; other empty entries are kept. */
export function splitList(p: string): string[] {
  return p === '' ? [] : p.split(':');
}

/** filepath.Dir */
export function dir(p: string): string {
  const i = p.lastIndexOf('/');
  return clean(i < 0 ? '.' : p.slice(0, i + 1) || '/');
}

/** filepath.Base */
export function base(p: string): string {
  if (p === '') return '.';
  const trimmed = p.replace(/\/+$/, '');
  if (trimmed === '') return '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}
