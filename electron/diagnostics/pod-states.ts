// rkt's pod state directories and how a state directory plus a lock probe becomes the state
// rkt prints (see the pod-root spec, "Life cycle and states").

/** The six state directories under <data>/pods, in life-cycle order. */
export const STATE_DIRS = ['embryo', 'prepare', 'prepared', 'run', 'exited-garbage', 'garbage'] as const;
export type StateDir = (typeof STATE_DIRS)[number];

/** The state string rkt prints (`rkt list`, `rkt status`). */
export type PodState =
  | 'embryo'
  | 'preparing'
  | 'aborted prepare'
  | 'prepared'
  | 'running'
  | 'exited'
  | 'exited garbage'
  | 'exited deleting'
  | 'garbage'
  | 'deleting';

/** Directories where rkt consults the lock; for the others the lock means nothing. */
export function lockMatters(dir: StateDir): boolean {
  return dir !== 'embryo' && dir !== 'prepared';
}

/** `locked` is the answer of a shared non-blocking flock: true = refused (someone holds it exclusively). */
export function podState(dir: StateDir, locked: boolean | null): PodState | null {
  switch (dir) {
    case 'embryo':
      return 'embryo';
    case 'prepared':
      return 'prepared';
    default:
      if (locked === null) return null;
      switch (dir) {
        case 'prepare':
          return locked ? 'preparing' : 'aborted prepare';
        case 'run':
          return locked ? 'running' : 'exited';
        case 'exited-garbage':
          return locked ? 'exited deleting' : 'exited garbage';
        case 'garbage':
          return locked ? 'deleting' : 'garbage';
      }
  }
  return null;
}

/** When the lock cannot be probed, the best guess and how to say it. */
export function podStateGuess(dir: StateDir): string {
  switch (dir) {
    case 'embryo':
      return 'embryo';
    case 'prepare':
      return 'preparing or aborted prepare';
    case 'prepared':
      return 'prepared';
    case 'run':
      return 'running or exited';
    case 'exited-garbage':
      return 'exited garbage';
    case 'garbage':
      return 'garbage';
  }
}

/** rkt's UUID form: lower-case 8-4-4-4-12 hex. */
export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isStateDir(s: string): s is StateDir {
  return (STATE_DIRS as readonly string[]).includes(s);
}

/** The machine ID stage1 gives the pod: the UUID without dashes. */
export function machineIdOf(uuid: string): string {
  return uuid.replace(/-/g, '');
}
