// EvaluateSymlinksInsideApp as rkt v1.3.0 – v1.15.0 wrote it: walk the path component by
// component from the app rootfs, replacing each symlink by its target (absolute targets taken
// inside the rootfs), and stop at the first component that does not exist. Prefix checks are
// on the text of host paths, as in rkt.
import { fail, GenError } from '../gen-error.js';
import { isAbs, join } from '../gopath.js';
import type { PlanFs } from '../plan-fs.js';
import { ERRNO_TEXT, FsError } from '../podfs.js';
import { goQuote } from '../goquote.js';

/**
 * @param base the app rootfs relative to the pod root
 * @param rootAbs the same directory as an absolute host path (what rkt's checks and messages use)
 * @returns the path inside the app rootfs ('' for the rootfs itself)
 */
export function evaluateAppPath(fs: PlanFs, base: string, rootAbs: string, path: string): string {
  const podPath = (abs: string) => base + abs.slice(rootAbs.length);
  let link = rootAbs;
  const parts = path.split('/');
  for (let i = 0; i < parts.length; i++) {
    const next = join(link, parts[i]);
    if (!next.startsWith(rootAbs)) throw fail(`path escapes app's root: ${goQuote(path)}`);
    let kind: string;
    try {
      kind = fs.lstat(podPath(next)).kind;
    } catch (e) {
      const code = e instanceof FsError ? e.code : 'EIO';
      if (code === 'ENOENT') {
        link = join(link, ...parts.slice(i));
        break;
      }
      throw new GenError(`lstat ${next}: ${ERRNO_TEXT[code]}`);
    }
    if (kind !== 'symlink') {
      link = join(link, parts[i]);
      continue;
    }
    const target = fs.readlink(podPath(next));
    link = isAbs(target) ? join(rootAbs, target) : join(link, target);
    if (!link.startsWith(rootAbs)) throw fail(`symlink ${goQuote(next)} escapes app's root with value ${goQuote(target)}`);
  }
  return link.slice(rootAbs.length);
}
