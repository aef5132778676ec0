// Keeping file access inside a chosen directory: relative paths only, no `..`, and no symlink
// (anywhere along the path) that leads out of it.
import { lstatSync, realpathSync } from 'node:fs';
import { isAbsolute, join, posix, relative, sep } from 'node:path';
import { IpcError } from '../../shared/ipc/envelope.js';

/** Checks a '/'-separated path meant to be relative to some root; returns it cleaned. */
export function checkRelative(rel: string): string {
  if (typeof rel !== 'string' || rel.length === 0) throw new IpcError('outside-root', 'empty path');
  if (rel.includes('\0')) throw new IpcError('outside-root', `path contains a NUL byte: ${JSON.stringify(rel)}`);
  if (rel.startsWith('/') || isAbsolute(rel) || /^[a-zA-Z]:/.test(rel) || rel.includes('\\')) {
    throw new IpcError('outside-root', `absolute path not allowed: ${rel}`);
  }
  if (rel.split('/').includes('..')) throw new IpcError('outside-root', `path leaves its root: ${rel}`);
  const clean = posix.normalize(rel).replace(/\/+$/, '');
  if (clean === '.' || clean === '') throw new IpcError('outside-root', `path names the root itself: ${rel}`);
  return clean;
}

export function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  // A first component named '..' leaves the root; one merely starting with '..' ('..data') does not.
  return rel === '' || (!isAbsolute(rel) && rel.split(sep)[0] !== '..');
}

/**
 * The absolute path of `rel` under `root`, after checking that no existing directory along it is
 * a symlink leading outside `root`. The final component is not followed: callers replace it
 * (rename, unlink + symlink) rather than write through it.
 */
export function confinedPath(root: string, rel: string): string {
  const clean = checkRelative(rel);
  const realRoot = realpathSync(root);
  const parts = clean.split('/');
  let current = realRoot;
  for (let i = 0; i < parts.length; i++) {
    current = join(current, parts[i]);
    let st;
    try {
      st = lstatSync(current);
    } catch {
      break; // the rest does not exist yet: nothing to follow
    }
    if (st.isSymbolicLink() && i < parts.length - 1) {
      const real = realpathSafe(current);
      if (real === null || !isInside(realRoot, real)) {
        throw new IpcError('outside-root', `path leaves its root through a symlink: ${parts.slice(0, i + 1).join('/')}`);
      }
      current = real;
    }
  }
  return join(realRoot, ...parts);
}

function realpathSafe(p: string): string | null {
  try { return realpathSync(p); } catch { return null; }
}
