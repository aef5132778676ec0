// The only code that writes into a user-chosen directory: confined, atomic file writes.
// A path may not climb out of the directory, and no existing symlink is followed on the way.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export class UnsafePathError extends Error {}

export interface Owner {
  uid: number;
  gid: number;
}

/** Identifies one version of a file: changes whenever it is rewritten, replaced or edited. */
export function fingerprintOf(st: { ino: number; size: number; mtimeMs: number }): string {
  return `${st.ino}:${st.size}:${st.mtimeMs}`;
}

/** A symlink's only content is its target: that identifies the link podunit left. */
export function linkFingerprint(target: string): string {
  return `symlink:${target}`;
}

function checkRelative(rel: string): string[] {
  if (rel === '' || path.isAbsolute(rel)) throw new UnsafePathError(`refusing to write ${JSON.stringify(rel)}: not a relative path`);
  const parts = rel.split('/');
  if (parts.some((p) => p === '..' || p === '.' || p === '')) {
    throw new UnsafePathError(`refusing to write ${JSON.stringify(rel)}: path must not contain '.', '..' or empty components`);
  }
  return parts;
}

/**
 * Writes into one directory tree. It remembers, for the length of one operation, which parent
 * directories it has checked and which names each directory holds, so writing thousands of
 * files costs a few system calls per file. Make a new one per operation: what it remembers
 * is only as fresh as that operation.
 */
export class ConfinedWriter {
  private readonly checkedDirs = new Set<string>();
  private readonly absentDirs = new Set<string>();
  private readonly listings = new Map<string, Set<string> | null>();
  private readonly umask = process.umask();
  private readonly tempTag = `${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
  private tempSeq = 0;

  constructor(readonly rootAbs: string) {}

  /**
   * The absolute path of `rel`, after checking it stays inside and no existing parent is a
   * symlink. Lookups (`forReading`) may trust that a directory found absent still is; writes
   * check again, so nothing planted meanwhile is followed.
   */
  path(rel: string, forReading = false): string {
    const parts = checkRelative(rel);
    let cur = this.rootAbs;
    for (let i = 0; i < parts.length - 1; i++) {
      cur = cur + '/' + parts[i];
      if (this.checkedDirs.has(cur)) continue;
      if (forReading && this.absentDirs.has(cur)) break;
      let st: fs.Stats | undefined;
      try {
        st = fs.lstatSync(cur, { throwIfNoEntry: false });
      } catch {
        st = undefined;
      }
      if (!st) {
        // Nothing below an absent directory exists either.
        this.absentDirs.add(cur);
        break;
      }
      if (st.isSymbolicLink()) throw new UnsafePathError(`refusing to write ${JSON.stringify(rel)}: ${path.relative(this.rootAbs, cur)} is a symlink`);
      if (!st.isDirectory()) throw new UnsafePathError(`refusing to write ${JSON.stringify(rel)}: ${path.relative(this.rootAbs, cur)} is not a directory`);
      this.checkedDirs.add(cur);
    }
    return path.join(this.rootAbs, rel);
  }

  /** lstat of `rel`, or null when absent; absent names are answered from one listing per directory. */
  lstat(rel: string): fs.Stats | null {
    const abs = this.path(rel, true);
    const slash = abs.lastIndexOf('/');
    const dir = abs.slice(0, slash);
    let names = this.listings.get(dir);
    if (names === undefined) {
      try {
        names = new Set(fs.readdirSync(dir));
      } catch (e) {
        names = (e as NodeJS.ErrnoException).code === 'ENOENT' ? new Set() : null;
      }
      this.listings.set(dir, names);
    }
    if (names && !names.has(abs.slice(slash + 1))) return null;
    return fs.lstatSync(abs, { throwIfNoEntry: false }) ?? null;
  }

  /**
   * Writes through a temporary file in the same directory, then renames it over `rel`: readers
   * see the old file or the new one, never a part. Returns the new file's fingerprint.
   * (Durability: callers fsync the directories once, after all renames.)
   */
  writeFile(rel: string, data: string | Uint8Array, mode: number, owner?: Owner): string {
    const target = this.path(rel);
    const { fd, tmp } = this.openTemp(target, mode);
    let st: fs.Stats;
    try {
      writeAll(fd, data);
      if ((mode & ~this.umask & 0o777) !== mode) fs.fchmodSync(fd, mode);
      // A new file already belongs to the (root) writer: chown only for other owners.
      if (owner && (owner.uid !== 0 || owner.gid !== 0)) fs.fchownSync(fd, owner.uid, owner.gid);
      st = fs.fstatSync(fd);
    } catch (e) {
      fs.closeSync(fd);
      fs.rmSync(tmp, { force: true });
      throw e;
    }
    fs.closeSync(fd);
    this.renameOver(tmp, target);
    return fingerprintOf(st);
  }

  /**
   * Creates (or replaces) a symlink atomically. Returns its fingerprint. A link is created whole
   * or not at all, so where nothing is yet it is made in place; an existing entry is replaced
   * by a temporary link renamed over it.
   */
  symlink(rel: string, target: string): string {
    const linkPath = this.path(rel);
    if (this.lstat(rel) === null) {
      try {
        fs.symlinkSync(target, linkPath);
        this.listings.get(path.dirname(linkPath))?.add(path.basename(linkPath));
        return linkFingerprint(target);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
    }
    const tmp = this.tempName(linkPath);
    fs.symlinkSync(target, tmp);
    this.renameOver(tmp, linkPath);
    return linkFingerprint(target);
  }

  /** Creates a directory (one level) or adjusts an existing one; never follows a symlink. */
  ensureDir(rel: string, mode: number, owner?: Owner): void {
    const dir = this.path(rel);
    const st = fs.lstatSync(dir, { throwIfNoEntry: false });
    if (!st) {
      fs.mkdirSync(dir, { mode: 0o700 });
      this.absentDirs.delete(dir);
      this.listings.set(dir, new Set());
      const parent = this.listings.get(path.dirname(dir));
      if (parent) parent.add(path.basename(dir));
    }
    if (st && st.isSymbolicLink()) throw new UnsafePathError(`refusing to use ${rel}: it is a symlink`);
    if (st && !st.isDirectory()) throw new UnsafePathError(`refusing to use ${rel}: it exists and is not a directory`);
    fs.chmodSync(dir, mode);
    if (owner) fs.chownSync(dir, owner.uid, owner.gid);
  }

  /** Keeps a copy of an existing entry as `<name>.podunit-bak` (numbered if taken); returns its path. */
  backup(rel: string): string {
    const src = this.path(rel);
    let bak = `${rel}.podunit-bak`;
    // lstat, not exists: a dangling link there still takes the name.
    for (let i = 1; fs.lstatSync(path.join(this.rootAbs, bak), { throwIfNoEntry: false }); i++) bak = `${rel}.podunit-bak.${i}`;
    const dst = this.path(bak);
    const st = fs.lstatSync(src);
    if (st.isSymbolicLink()) fs.symlinkSync(fs.readlinkSync(src), dst);
    else fs.copyFileSync(src, dst, fs.constants.COPYFILE_EXCL);
    this.listings.get(path.dirname(dst))?.add(path.basename(dst));
    return bak;
  }

  private tempName(target: string): string {
    const slash = target.lastIndexOf('/');
    return `${target.slice(0, slash)}/.${target.slice(slash + 1)}.podunit-${this.tempTag}-${++this.tempSeq}`;
  }

  private openTemp(target: string, mode: number): { fd: number; tmp: string } {
    const flags = fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_NOFOLLOW;
    for (let attempt = 0; ; attempt++) {
      const tmp = this.tempName(target);
      try {
        return { fd: fs.openSync(tmp, flags, mode & 0o777), tmp };
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 8) throw e;
      }
    }
  }

  private renameOver(tmp: string, target: string): void {
    try {
      fs.renameSync(tmp, target);
    } catch (e) {
      fs.rmSync(tmp, { force: true });
      throw e;
    }
    this.listings.get(path.dirname(target))?.add(path.basename(target));
  }
}

/** Writes all of `data` at the file's offset. A string is encoded straight into the write: no Buffer per file. */
function writeAll(fd: number, data: string | Uint8Array): void {
  let bytes: Uint8Array;
  if (typeof data === 'string') {
    const written = fs.writeSync(fd, data, null, 'utf8');
    if (written >= Buffer.byteLength(data, 'utf8')) return;
    bytes = Buffer.from(data, 'utf8').subarray(written);
  } else {
    bytes = data;
  }
  for (let off = 0; off < bytes.length; ) off += fs.writeSync(fd, bytes, off, bytes.length - off, null);
}

/** Checks `rel` stays inside `rootAbs` lexically and that no existing parent component is a symlink. */
export function confinedPath(rootAbs: string, rel: string): string {
  return new ConfinedWriter(rootAbs).path(rel);
}

/** One atomic file write (see ConfinedWriter.writeFile). */
export function writeFileAtomic(rootAbs: string, rel: string, data: string | Uint8Array, mode: number, owner?: Owner): void {
  new ConfinedWriter(rootAbs).writeFile(rel, data, mode, owner);
}
