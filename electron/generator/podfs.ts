// The generator's only window on the pod root: a synchronous, read-only view.
// Paths are relative to the pod root, '/'-separated, already cleaned ('' is the root).
// Implementations must never reach outside the pod root.

export type FsKind = 'file' | 'dir' | 'symlink' | 'char' | 'block' | 'other';

export interface FsStat {
  kind: FsKind;
  /** Permission bits including setuid/setgid/sticky (mode & 0o7777). */
  mode: number;
  uid: number;
  gid: number;
  size: number;
}

/** errno names the generator distinguishes, with Go's texts. */
export const ERRNO_TEXT = {
  ENOENT: 'no such file or directory',
  ENOTDIR: 'not a directory',
  EEXIST: 'file exists',
  EACCES: 'permission denied',
  ELOOP: 'too many levels of symbolic links',
  EISDIR: 'is a directory',
  EINVAL: 'invalid argument',
  EFBIG: 'file too large',
  EIO: 'input/output error',
} as const;
export type Errno = keyof typeof ERRNO_TEXT;

/**
 * An OS error in Go's shape: `<op> <path>: <errno text>`. Generation meets thousands of these
 * as answers (a unit not written yet, a binary not found), so none records a stack trace:
 * capturing one costs far more than the lookup that failed.
 */
export class FsError extends Error {
  readonly op: string;
  readonly path: string;
  readonly code: Errno;

  constructor(op: string, path: string, code: Errno) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(`${op} ${path}: ${ERRNO_TEXT[code]}`);
    Error.stackTraceLimit = limit;
    this.op = op;
    this.path = path;
    this.code = code;
  }
}

export interface PodFs {
  /** Throws FsError('open', …). */
  readFile(path: string): Uint8Array;
  /** Does not follow a final symlink. Throws FsError('lstat', …). */
  lstat(path: string): FsStat;
  /** Follows symlinks, resolving absolute targets against the pod root. Throws FsError('stat', …). */
  stat(path: string): FsStat;
  /** Throws FsError('readlink', …); EINVAL when not a symlink. */
  readlink(path: string): string;
  /** Names in the directory, unsorted. Throws FsError('open', …). */
  readdir(path: string): string[];
  /** lstat without the cost of an exception: null when the path cannot be looked up. */
  tryLstat?(path: string): FsStat | null;
  /**
   * readFile when the last component is not a symlink, without looking it up first; null when
   * it is one (the caller resolves it). Throws FsError('open', …) like readFile.
   */
  readFileNoFollow?(path: string): Uint8Array | null;
}
