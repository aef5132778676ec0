// Serving the built renderer (dist/renderer) by URL path: the file, its MIME type, or nothing.
// Used by the browser-mode host and by Electron's app:// protocol handler.
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { isInside } from '../ipc/confine.js';

export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticFile { path: string; mime: string; body: Buffer }

/**
 * The file of `dist` a URL path names ('/' is index.html), or null when there is none or the
 * path tries to leave `dist` (`..`, encoded slashes, symlinks pointing out).
 */
export function resolveStatic(dist: string, urlPath: string): StaticFile | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return null;
  const rel = decoded === '/' ? 'index.html' : decoded.slice(1);
  if (rel.split('/').some((p) => p === '..' || p === '.' || p === '')) return null;
  const mime = MIME_TYPES[extname(rel).toLowerCase()];
  if (!mime) return null;
  let real: string;
  let realDist: string;
  try {
    realDist = realpathSync(dist);
    real = realpathSync(join(realDist, rel));
    if (!isInside(realDist, real) || !statSync(real).isFile()) return null;
    return { path: real, mime, body: readFileSync(real) };
  } catch {
    return null;
  }
}
