// The only code that writes into a user-chosen directory: confined, atomic file writes.
// A path may not climb out of the directory, and no existing symlink is followed on the way.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export class UnsafePathError extends Error {}

/** Checks `rel` stays inside `rootAbs` lexically and that no existing parent component is a symlink. */
export function confinedPath(rootAbs: string, rel: string): string {
  if (rel === '' || path.isAbsolute(rel)) throw new UnsafePathError(`refusing to write ${JSON.stringify(rel)}: not a relative path`);
  const parts = rel.split('/');
  if (parts.some((p) => p === '..' || p === '.' || p === '')) {
    throw new UnsafePathError(`refusing to write ${JSON.stringify(rel)}: path must not contain '.', '..' or empty components`);
  }
  let cur = rootAbs;
  for (const part of parts.slice(0, -1)) {
    cur = path.join(cur, part);
    let st: fs.Stats;
    try {
      st = fs.lstatSync(cur);
    } catch {
      continue;
    }
    if (st.isSymbolicLink()) throw new UnsafePathError(`refusing to write ${JSON.stringify(rel)}: ${path.relative(rootAbs, cur)} is a symlink`);
    if (!st.isDirectory()) throw new UnsafePathError(`refusing to write ${JSON.stringify(rel)}: ${path.relative(rootAbs, cur)} is not a directory`);
  }
  return path.join(rootAbs, rel);
}

function tempName(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.podunit-${crypto.randomBytes(6).toString('hex')}`);
}

/**
 * Writes through a temporary file in the same directory, then renames it over `rel`: readers
 * see the old file or the new one, never a part. (Durability: apply fsyncs the directories.)
 */
export function writeFileAtomic(rootAbs: string, rel: string, data: string | Uint8Array, mode: number, owner?: { uid: number; gid: number }): void {
  const target = confinedPath(rootAbs, rel);
  const tmp = tempName(target);
  const fd = fs.openSync(tmp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_NOFOLLOW, mode & 0o777);
  try {
    fs.writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data);
    if ((mode & ~process.umask() & 0o777) !== mode) fs.fchmodSync(fd, mode);
    // A new file already belongs to the (root) writer: chown only for other owners.
    if (owner && (owner.uid !== 0 || owner.gid !== 0)) fs.fchownSync(fd, owner.uid, owner.gid);
  } catch (e) {
    fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  fs.closeSync(fd);
  try {
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/** Creates (or replaces) a symlink atomically: a temporary link renamed over `rel`. */
export function symlinkAtomic(rootAbs: string, rel: string, target: string): void {
  const linkPath = confinedPath(rootAbs, rel);
  const tmp = tempName(linkPath);
  fs.symlinkSync(target, tmp);
  try {
    fs.renameSync(tmp, linkPath);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/** Creates a directory (one level) or adjusts an existing one; never follows a symlink. */
export function ensureDir(rootAbs: string, rel: string, mode: number, owner?: { uid: number; gid: number }): void {
  const dir = confinedPath(rootAbs, rel);
  let st: fs.Stats | null = null;
  try {
    st = fs.lstatSync(dir);
  } catch {
    fs.mkdirSync(dir, { mode: 0o700 });
  }
  if (st && st.isSymbolicLink()) throw new UnsafePathError(`refusing to use ${rel}: it is a symlink`);
  if (st && !st.isDirectory()) throw new UnsafePathError(`refusing to use ${rel}: it exists and is not a directory`);
  fs.chmodSync(dir, mode);
  if (owner) fs.chownSync(dir, owner.uid, owner.gid);
}

/** Keeps a copy of an existing entry as `<name>.podunit-bak` (numbered if taken); returns its path. */
export function backup(rootAbs: string, rel: string): string {
  const src = confinedPath(rootAbs, rel);
  let bak = `${rel}.podunit-bak`;
  for (let i = 1; fs.existsSync(path.join(rootAbs, bak)); i++) bak = `${rel}.podunit-bak.${i}`;
  const dst = confinedPath(rootAbs, bak);
  const st = fs.lstatSync(src);
  if (st.isSymbolicLink()) fs.symlinkSync(fs.readlinkSync(src), dst);
  else fs.copyFileSync(src, dst, fs.constants.COPYFILE_EXCL);
  return bak;
}
