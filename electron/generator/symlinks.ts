// rkt's EvaluateSymlinksInsideApp: filepath.EvalSymlinks as seen after chroot(base), except
// that missing components are kept (like `readlink -m`). Emulated on paths: every lookup is
// made inside `base` the way the kernel resolves it after chroot (absolute link targets start
// again at `base`, '..' never climbs above it).
import { ERRNO_TEXT, FsError, type FsStat } from './podfs.js';
import { GenError, wrapf } from './gen-error.js';
import { clean, isAbs, join } from './gopath.js';
import { goQuote } from './goquote.js';
import type { PlanFs } from './plan-fs.js';

/** filepath.EvalSymlinks gives up after this many links. */
const MAX_LINKS = 255;
/** The kernel's limit on links followed while resolving one path (MAXSYMLINKS). */
const KERNEL_MAX_LINKS = 40;

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
    throw wrapf(`chroot to ${goQuote(shownBase)} failed`, wrapf(`chroot to ${shownBase} failed`, new GenError(ERRNO_TEXT[code])));
  }
  let target: string;
  try {
    target = walkSymlinks(fs, base, path);
  } catch (e) {
    throw wrapf(`evaluating symlinks of ${goQuote(path)} failed`, e);
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
  let found: { at: string; st: FsStat };
  try {
    found = lstatInside(fs, base, path);
  } catch (e) {
    if (e instanceof FsError && e.code === 'ENOENT') return { path, isLink: false };
    throw new GenError(e instanceof FsError ? `lstat ${path}: ${ERRNO_TEXT[e.code]}` : String(e));
  }
  if (found.st.kind !== 'symlink') return { path, isLink: false };
  const target = fs.readlink(found.at);
  counter.n++;
  return { path: target, isLink: true };
}

/**
 * lstat(path) after chroot(base): the directories on the way are resolved here, one component
 * at a time, so a link among them is followed inside `base` (the pod's own view would resolve
 * an absolute target from the pod root). Returns where the last component is in the pod.
 */
function lstatInside(fs: PlanFs, base: string, path: string): { at: string; st: FsStat } {
  // Components still to resolve; link targets are spliced in front.
  const queue = clean('/' + path).split('/').filter((p) => p !== '');
  const last = queue.pop();
  const dir: string[] = [];
  let links = 0;
  while (queue.length > 0) {
    const part = queue.shift()!;
    if (part === '' || part === '.') continue;
    if (part === '..') {
      dir.pop();
      continue;
    }
    const at = podPath(base, [...dir, part]);
    const st = fs.lstat(at);
    if (st.kind === 'symlink') {
      if (++links > KERNEL_MAX_LINKS) throw new FsError('lstat', path, 'ELOOP');
      const target = fs.readlink(at);
      if (target.startsWith('/')) dir.length = 0;
      queue.unshift(...target.split('/'));
      continue;
    }
    if (st.kind !== 'dir') throw new FsError('lstat', path, 'ENOTDIR');
    dir.push(part);
  }
  const at = last === undefined ? podPath(base, dir) : podPath(base, [...dir, last]);
  return { at, st: fs.lstat(at) };
}

function podPath(base: string, parts: string[]): string {
  const p = join(base, ...parts);
  return p === '' ? '.' : p;
}
