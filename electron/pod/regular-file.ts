// Reading files from a directory the user chose (a pod root): only regular files are read.
// Opening a FIFO there would block the process (and the window) for good, and a device node
// could be endless; both are refused as EINVAL ("invalid argument"), like other odd entries.
import fs from 'node:fs';

function notRegular(path: string, dir: boolean): NodeJS.ErrnoException {
  // A directory fails as reading one does (EISDIR); anything else as an invalid argument.
  return Object.assign(new Error(`${path}: ${dir ? 'is a directory' : 'not a regular file'}`), { code: dir ? 'EISDIR' : 'EINVAL', path });
}

/** The whole file behind an open descriptor, when it is a regular file. */
export function readOpenedRegularFile(fd: number, path: string): Buffer {
  const st = fs.fstatSync(fd);
  if (!st.isFile()) throw notRegular(path, st.isDirectory());
  // Read to the size just checked (as readFileSync does, which would fstat again); a size of 0
  // may not be the truth (virtual files), so those are read to the end.
  if (st.size === 0) return fs.readFileSync(fd);
  const data = Buffer.allocUnsafeSlow(st.size);
  let n = 0;
  while (n < data.length) {
    const got = fs.readSync(fd, data, n, data.length - n, null);
    if (got === 0) break;
    n += got;
  }
  return n < data.length ? data.subarray(0, n) : data;
}

/** The whole regular file at `path` (symlinks followed unless `noFollow`, then ELOOP). */
export function readRegularFile(path: string, noFollow = false): Buffer {
  const flags = fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | (noFollow ? fs.constants.O_NOFOLLOW : 0);
  const fd = fs.openSync(path, flags);
  try {
    return readOpenedRegularFile(fd, path);
  } finally {
    fs.closeSync(fd);
  }
}
