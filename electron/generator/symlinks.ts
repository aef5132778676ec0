// rkt's EvaluateSymlinksInsideApp: filepath.EvalSymlinks as seen after chroot(base), except
// that missing components are kept (like `readlink -m`). Emulated on paths: every lookup is
// prefixed with `base`, and '..' never climbs above it.
import { ERRNO_TEXT, FsError } from './podfs.js';
import { GenError, wrap } from './gen-error.js';
import { clean, isAbs, join } from './gopath.js';
import type { PlanFs } from './plan-fs.js';

const MAX_LINKS = 255;

/**
 * @param base pod-relative directory acting as '/' ('' for the pod root itself)
 * @param shownBase how rkt names that directory in messages (an absolute host path)
 * @returns the resolved absolute path inside `base`
 */
export function evaluateSymlinksInside(fs: PlanFs, base: string, shownBase: string, path: string): string {
  try {
    const st = fs.stat(base === '' ? '.' : base);
    if (st.kind !== 'dir') throw new FsError('chroot', shownBase, 'ENOTDIR');
  } catch (e) {
    const code = e instanceof FsError ? e.code : 'ENOENT';
    throw wrap(`chroot to ${JSON.stringify(shownBase)} failed`, wrap(`chroot to ${shownBase} failed`, new GenError(ERRNO_TEXT[code])));
  }
  let target: string;
  try {
    target = walkSymlinks(fs, base, path);
  } catch (e) {
    throw wrap(`evaluating symlinks of ${JSON.stringify(path)} failed`, e);
  }
  return isAbs(target) ? target : clean('/' + target);
}

function walkSymlinks(fs: PlanFs, base: string, path: string): string {
  if (path === '') return path;
  const counter = { n: 0 };
  for (;;) {
    const before = counter.n;
    const next = walkLinks(fs, base, path, counter);
    if (before === counter.n) return clean(next);
    path = next;
  }
}

function walkLinks(fs: PlanFs, base: string, path: string, counter: { n: number }): string {
  const slash = path.lastIndexOf('/');
  const d = path.slice(0, slash + 1);
  const file = path.slice(slash + 1);
  if (d === '') return walkLink(fs, base, file, counter).path;
  if (file === '') {
    if (d === '/') return d;
    return walkLinks(fs, base, d.slice(0, -1), counter);
  }
  const newDir = walkLinks(fs, base, d, counter);
  const r = walkLink(fs, base, join(newDir, file), counter);
  if (!r.isLink || isAbs(r.path)) return r.path;
  return join(newDir, r.path);
}

function walkLink(fs: PlanFs, base: string, path: string, counter: { n: number }): { path: string; isLink: boolean } {
  if (counter.n > MAX_LINKS) throw new GenError('EvalSymlinks: too many links');
  const inBase = join(base, clean('/' + path));
  let kind: string;
  try {
    kind = fs.lstat(inBase === '' ? '.' : inBase).kind;
  } catch (e) {
    if (e instanceof FsError && e.code === 'ENOENT') return { path, isLink: false };
    throw new GenError(e instanceof FsError ? `lstat ${path}: ${ERRNO_TEXT[e.code]}` : String(e));
  }
  if (kind !== 'symlink') return { path, isLink: false };
  const target = fs.readlink(inBase);
  counter.n++;
  return { path: target, isLink: true };
}
