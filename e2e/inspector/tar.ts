// Reads a .tar.gz back (ustar with pax extensions), for checking exported bundles.
import { gunzipSync } from 'node:zlib';

export interface TarFile { path: string; type: 'file' | 'dir' | 'symlink' | 'other'; content: Buffer; target: string }

function field(block: Buffer, offset: number, length: number): string {
  const raw = block.subarray(offset, offset + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end < 0 ? length : end).toString('utf8');
}

export function readTarGz(data: Buffer): TarFile[] {
  const tar = gunzipSync(data);
  const out: TarFile[] = [];
  let pax: Record<string, string> = {};
  for (let pos = 0; pos + 512 <= tar.length;) {
    const header = tar.subarray(pos, pos + 512);
    if (header.every((b) => b === 0)) break;
    const size = Number.parseInt(field(header, 124, 12).trim() || '0', 8);
    const flag = String.fromCharCode(header[156] || 48);
    const body = tar.subarray(pos + 512, pos + 512 + size);
    pos += 512 + Math.ceil(size / 512) * 512;
    if (flag === 'x') {
      pax = {};
      for (const rec of body.toString('utf8').split('\n')) {
        const m = /^\d+ ([^=]+)=(.*)$/.exec(rec);
        if (m) pax[m[1]] = m[2];
      }
      continue;
    }
    const prefix = field(header, 345, 155);
    const name = pax.path ?? (prefix ? `${prefix}/${field(header, 0, 100)}` : field(header, 0, 100));
    const target = pax.linkpath ?? field(header, 157, 100);
    pax = {};
    const type = flag === '0' || flag === '\0' ? 'file' : flag === '5' ? 'dir' : flag === '2' ? 'symlink' : 'other';
    out.push({ path: name.replace(/\/$/, ''), type, content: Buffer.from(body), target });
  }
  return out;
}
