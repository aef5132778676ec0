// Probes rkt's pod directory lock the way rkt does: try a shared, non-blocking flock(2) and
// release it at once. Node has no flock, so flock(1) from util-linux does it; without it,
// /proc/locks tells whether an exclusive flock is held on the directory.
import fs from 'node:fs';
import { runTool } from './run-tool.js';
import { devMajorMinor, exclusiveFlockHeld, parseProcLocks } from './proc-locks.js';

export type LockMethod = 'flock' | 'proc-locks' | 'none';

export interface LockProbe {
  /** true: a shared lock was refused (someone holds it exclusively); null: could not tell. */
  locked: boolean | null;
  method: LockMethod;
  /** Why the answer is null, when it is. */
  note?: string;
}

// flock(1) exits 1 for a conflict by default, which is also its code for other errors.
const CONFLICT = 75;

export async function probeLock(dir: string, opts: { flockBinary?: string; procLocks?: string } = {}): Promise<LockProbe> {
  const r = await runTool(opts.flockBinary ?? 'flock', ['--shared', '--nonblock', '--conflict-exit-code', String(CONFLICT), dir, 'true'], {
    timeoutMs: 5000,
  });
  if (!r.missing && r.code === 0) return { locked: false, method: 'flock' };
  if (!r.missing && r.code === CONFLICT) return { locked: true, method: 'flock' };
  const held = exclusiveFlockHeld(dir, opts.procLocks);
  if (held !== null) return { locked: held, method: 'proc-locks' };
  const why = r.missing
    ? 'flock(1) is not installed (Debian package util-linux) and /proc/locks is not readable'
    : `flock(1) failed: ${r.stderr.trim() || `exit ${r.code}`}`;
  return { locked: null, method: 'none', note: why };
}

/** The inode of the initial PID namespace (the kernel's PROC_PID_INIT_INO). */
const INIT_PID_NS = 'pid:[4026531836]';

/**
 * /proc/locks hides locks held by processes outside the reader's PID namespace; read from
 * the initial namespace it lists every lock on the machine.
 */
export function procLocksComplete(procSelf = '/proc/self'): boolean {
  try {
    return fs.readlinkSync(`${procSelf}/ns/pid`) === INIT_PID_NS;
  } catch {
    return false;
  }
}

/**
 * Probes many directories at once (listing a data directory). One read of /proc/locks
 * answers for all of them when it is complete; otherwise each gets a flock(1) probe.
 */
export async function probeLocks(dirs: string[], opts: { flockBinary?: string; procLocks?: string; procSelf?: string } = {}): Promise<LockProbe[]> {
  if (procLocksComplete(opts.procSelf)) {
    let locks: ReturnType<typeof parseProcLocks> | null = null;
    try {
      locks = parseProcLocks(fs.readFileSync(opts.procLocks ?? '/proc/locks', 'utf8')).filter((l) => l.kind === 'FLOCK' && l.access === 'WRITE');
    } catch {
      locks = null;
    }
    if (locks) {
      const held = locks;
      return dirs.map((d): LockProbe => {
        try {
          const st = fs.statSync(d, { bigint: true });
          const { major, minor } = devMajorMinor(st.dev);
          return { locked: held.some((l) => l.inode === st.ino && l.major === major && l.minor === minor), method: 'proc-locks' };
        } catch (e) {
          return { locked: null, method: 'none', note: `cannot stat ${d}: ${(e as NodeJS.ErrnoException).code}` };
        }
      });
    }
  }
  const out: LockProbe[] = new Array(dirs.length);
  let next = 0;
  const worker = async () => {
    while (next < dirs.length) {
      const i = next++;
      out[i] = await probeLock(dirs[i], opts);
    }
  };
  await Promise.all(Array.from({ length: Math.min(4, dirs.length) }, worker));
  return out;
}
