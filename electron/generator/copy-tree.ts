// fileutil.CopyTree, as stage1 runs it to fill a docker image's implicit volume with the
// image's files: filepath.Walk order (names sorted), directories made with their permission
// bits then chmod'ed exactly, regular files copied, symlinks copied as links, each entry
// lchown'ed to its source's owner.
import { GenError, wrap } from './gen-error.js';
import { join } from './gopath.js';
import { goQuote } from './goquote.js';
import { byPathBytes, type PlanFs } from './plan-fs.js';
import type { FsStat } from './podfs.js';
import type { GenContext } from './pod.js';

/** A plan holds copied files in memory: a volume larger than this is refused, not planned. */
export const MAX_COPIED_BYTES = 256 * 1024 * 1024;

/**
 * A docker image's implicit volume starts as a copy of the image's directory at the mount path.
 * Returns that directory (its mode and owner become the volume's), or null when the image has none.
 */
export function copyImageFiles(ctx: GenContext, volPath: string, imagePath: string): FsStat | null {
  let st: FsStat;
  try {
    st = ctx.fs.stat(imagePath);
  } catch {
    return null;
  }
  try {
    copyTree(ctx.fs, imagePath, volPath);
  } catch (e) {
    throw wrap(`error copying image files to empty volume ${goQuote(join(ctx.pod.root, volPath))}`, e);
  }
  return st;
}

export function copyTree(fs: PlanFs, src: string, dest: string): void {
  const budget = { bytes: MAX_COPIED_BYTES };
  copyEntry(fs, src, dest, fs.lstat(src), budget);
}

function copyEntry(fs: PlanFs, path: string, target: string, st: FsStat, budget: { bytes: number }): void {
  switch (st.kind) {
    case 'dir':
      fs.mkdir(target, st.mode & 0o777);
      fs.chmod(target, st.mode);
      break;
    case 'file': {
      const bytes = fs.readFile(path);
      budget.bytes -= bytes.length;
      if (budget.bytes < 0) throw new GenError(`podunit does not plan copying more than ${MAX_COPIED_BYTES / (1024 * 1024)} MiB of image files into a volume (at ${path})`);
      fs.writeBytes(target, bytes, 0o666);
      break;
    }
    case 'symlink':
      fs.symlink(fs.readlink(path), target);
      break;
    default:
      // rkt makes device nodes and pipes here (and fails on a socket); a plan holds only files, directories and links.
      throw new GenError(`podunit cannot plan copying ${path}: device nodes, pipes and sockets are not supported`);
  }
  fs.lchown(target, st.uid, st.gid);
  if (st.kind !== 'symlink') fs.chmod(target, st.mode);
  if (st.kind !== 'dir') return;
  const names = fs.readdir(path).map((name) => ({ path: name })).sort(byPathBytes);
  for (const { path: name } of names) {
    const child = join(path, name);
    copyEntry(fs, child, join(target, name), fs.lstat(child), budget);
  }
}
