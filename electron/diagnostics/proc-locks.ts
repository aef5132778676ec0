// Fallback lock probe without flock(1): /proc/locks lists every flock(2) lock held on the
// machine with the device and inode of the locked file.
import fs from 'node:fs';

export interface ProcLock {
  kind: string; // FLOCK, POSIX, OFDLCK
  access: string; // READ, WRITE
  pid: number;
  major: number;
  minor: number;
  inode: bigint;
}

/** Parses /proc/locks lines like `1: FLOCK  ADVISORY  WRITE 1234 00:2f:786503 0 EOF`. */
export function parseProcLocks(text: string): ProcLock[] {
  const out: ProcLock[] = [];
  for (const line of text.split('\n')) {
    // Blocked waiters are printed as "1: -> FLOCK ..."; they hold nothing.
    const m = /^\d+:\s+(\S+)\s+\S+\s+(\S+)\s+(-?\d+)\s+([0-9a-f]+):([0-9a-f]+):(\d+)\s/.exec(line);
    if (!m) continue;
    out.push({
      kind: m[1],
      access: m[2],
      pid: Number(m[3]),
      major: parseInt(m[4], 16),
      minor: parseInt(m[5], 16),
      inode: BigInt(m[6]),
    });
  }
  return out;
}

/** Linux's encoding of dev_t (glibc gnu_dev_major/minor). */
export function devMajorMinor(dev: bigint): { major: number; minor: number } {
  const major = Number(((dev >> 8n) & 0xfffn) | ((dev >> 32n) & ~0xfffn));
  const minor = Number((dev & 0xffn) | ((dev >> 12n) & ~0xffn));
  return { major, minor };
}

/** True when some process holds an exclusive flock on path; null when /proc/locks cannot be read. */
export function exclusiveFlockHeld(path: string, procLocks = '/proc/locks'): boolean | null {
  let text: string;
  let st: fs.BigIntStats;
  try {
    text = fs.readFileSync(procLocks, 'utf8');
    st = fs.statSync(path, { bigint: true });
  } catch {
    return null;
  }
  const { major, minor } = devMajorMinor(st.dev);
  return parseProcLocks(text).some(
    (l) => l.kind === 'FLOCK' && l.access === 'WRITE' && l.inode === st.ino && l.major === major && l.minor === minor,
  );
}
