// A small, reproducible tar writer (POSIX ustar, with pax headers only for names or link
// targets too long for ustar). Every header field that could vary between runs is fixed by
// the caller: mtime, uid, gid, owner names.
export interface TarEntry {
  /** '/'-separated, relative, no '..'; directories without a trailing slash. */
  path: string;
  kind: 'file' | 'dir' | 'symlink';
  mode: number;
  data?: Uint8Array;
  target?: string;
}

export interface TarOptions {
  mtime?: number;
  uid?: number;
  gid?: number;
  uname?: string;
  gname?: string;
}

const BLOCK = 512;
const enc = new TextEncoder();

function octal(value: number, width: number): string {
  // width includes the terminating NUL
  return value.toString(8).padStart(width - 1, '0') + '\0';
}

function putString(buf: Uint8Array, offset: number, width: number, text: string): void {
  const bytes = enc.encode(text);
  if (bytes.length > width) throw new Error(`tar header field too long: ${text}`);
  buf.set(bytes, offset);
}

function header(name: string, prefix: string, type: string, size: number, mode: number, linkname: string, opts: Required<TarOptions>): Uint8Array {
  const h = new Uint8Array(BLOCK);
  putString(h, 0, 100, name);
  putString(h, 100, 8, octal(mode & 0o7777, 8));
  putString(h, 108, 8, octal(opts.uid, 8));
  putString(h, 116, 8, octal(opts.gid, 8));
  putString(h, 124, 12, octal(size, 12));
  putString(h, 136, 12, octal(opts.mtime, 12));
  putString(h, 148, 8, '        '); // checksum placeholder: spaces while summing
  putString(h, 156, 1, type);
  putString(h, 157, 100, linkname);
  putString(h, 257, 6, 'ustar\0');
  putString(h, 263, 2, '00');
  putString(h, 265, 32, opts.uname);
  putString(h, 297, 32, opts.gname);
  putString(h, 329, 8, octal(0, 8));
  putString(h, 337, 8, octal(0, 8));
  putString(h, 345, 155, prefix);
  let sum = 0;
  for (const b of h) sum += b;
  putString(h, 148, 8, sum.toString(8).padStart(6, '0') + '\0 ');
  return h;
}

/** Splits a path into ustar's prefix (≤155 bytes) and name (≤100 bytes), or null if it cannot. */
export function splitUstarPath(path: string): { prefix: string; name: string } | null {
  if (enc.encode(path).length <= 100) return { prefix: '', name: path };
  for (let i = path.indexOf('/'); i !== -1; i = path.indexOf('/', i + 1)) {
    const prefix = path.slice(0, i);
    const name = path.slice(i + 1);
    if (enc.encode(prefix).length <= 155 && enc.encode(name).length <= 100 && name.length > 0) return { prefix, name };
  }
  return null;
}

/** One pax record: "<length> <key>=<value>\n", where length counts the whole record, itself included. */
export function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  const len = enc.encode(body).length;
  let total = len + 1;
  while (len + String(total).length !== total) total = len + String(total).length;
  return `${total}${body}`;
}

/** The longest tail of `text` that fits in `max` UTF-8 bytes. */
function tailBytes(text: string, max: number): string {
  const chars = [...text];
  while (enc.encode(chars.join('')).length > max) chars.shift();
  return chars.join('');
}

function padded(data: Uint8Array): Uint8Array[] {
  const rest = data.length % BLOCK;
  return rest === 0 ? [data] : [data, new Uint8Array(BLOCK - rest)];
}

function safeName(path: string): string {
  if (path.length === 0 || path.startsWith('/') || path.split('/').includes('..') || path.includes('\0')) {
    throw new Error(`refusing unsafe tar path: ${JSON.stringify(path)}`);
  }
  return path;
}

/** The tar archive of `entries`, in the order given (sort them for reproducibility). */
export function tarArchive(entries: TarEntry[], options: TarOptions = {}): Uint8Array {
  const opts: Required<TarOptions> = { mtime: 0, uid: 0, gid: 0, uname: 'root', gname: 'root', ...options };
  const chunks: Uint8Array[] = [];
  for (const entry of entries) {
    const path = safeName(entry.path) + (entry.kind === 'dir' ? '/' : '');
    const data = entry.kind === 'file' ? entry.data ?? new Uint8Array() : new Uint8Array();
    const target = entry.kind === 'symlink' ? entry.target ?? '' : '';
    const type = entry.kind === 'file' ? '0' : entry.kind === 'dir' ? '5' : '2';
    let split = splitUstarPath(path);
    const longLink = enc.encode(target).length > 100;
    if (split === null || longLink) {
      let records = '';
      if (split === null) records += paxRecord('path', path);
      if (longLink) records += paxRecord('linkpath', target);
      const body = enc.encode(records);
      const paxName = `PaxHeaders/${path.replace(/\/$/, '').split('/').pop()!.slice(0, 80)}`;
      chunks.push(header(paxName, '', 'x', body.length, 0o644, '', opts), ...padded(body));
      split ??= { prefix: '', name: tailBytes(path, 100) };
    }
    chunks.push(header(split.name, split.prefix, type, data.length, entry.mode, longLink ? '' : target, opts));
    if (data.length > 0) chunks.push(...padded(data));
  }
  chunks.push(new Uint8Array(BLOCK * 2));
  const total = chunks.reduce((n, c) => n + c.length, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) { out.set(c, offset); offset += c.length; }
  return out;
}
