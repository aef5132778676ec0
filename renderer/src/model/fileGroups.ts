// Sorts generated paths into the groups of the pod tree: pod-level units, per-app units,
// env files, sysusers files and everything else.

export const S1 = 'stage1/rootfs';
export const UNIT_DIR = `${S1}/usr/lib/systemd/system`;

export type FileGroup = 'pod-units' | 'app-units' | 'env' | 'sysusers' | 'other';

export const GROUP_LABELS: Record<FileGroup, string> = {
  'pod-units': 'Pod-level units',
  'app-units': 'Per-app units',
  env: 'Env files',
  sysusers: 'sysusers',
  other: 'Other',
};

export const GROUP_ORDER: FileGroup[] = ['pod-units', 'app-units', 'env', 'sysusers', 'other'];

export interface Classified {
  group: FileGroup;
  /** The app the file belongs to, when it belongs to one. */
  app?: string;
  /** Short name shown in the tree. */
  label: string;
}

/** Finds the app a unit name belongs to; the longest app name wins ("a-b-stdin.socket" with apps a and a-b). */
function appOfUnit(name: string, apps: ReadonlySet<string>): string | undefined {
  const candidates: string[] = [];
  let m = /^(.+)\.service$/.exec(name);
  if (m) {
    candidates.push(m[1]);
    if (m[1].startsWith('reaper-')) candidates.push(m[1].slice('reaper-'.length));
  }
  m = /^(.+)\.socket$/.exec(name);
  if (m) {
    candidates.push(m[1]);
    const stream = /^(.+)-(stdin|stdout|stderr)$/.exec(m[1]);
    if (stream) candidates.push(stream[1]);
  }
  let best: string | undefined;
  for (const c of candidates) if (apps.has(c) && (!best || c.length > best.length)) best = c;
  return best;
}

const appSets = new WeakMap<readonly string[], ReadonlySet<string>>();
function appSet(apps: readonly string[]): ReadonlySet<string> {
  let set = appSets.get(apps);
  if (!set) appSets.set(apps, (set = new Set(apps)));
  return set;
}

export function classifyPath(path: string, apps: readonly string[]): Classified {
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (path.startsWith(UNIT_DIR + '/')) {
    const rest = path.slice(UNIT_DIR.length + 1);
    const unitName = rest.includes('/') ? base : rest;
    const app = appOfUnit(unitName, appSet(apps));
    const label = rest;
    return app ? { group: 'app-units', app, label } : { group: 'pod-units', label };
  }
  let m = /^stage1\/rootfs\/rkt\/env\/([^/]+)$/.exec(path);
  if (m) return { group: 'env', app: m[1], label: `rkt/env/${m[1]}` };
  m = /^stage1\/rootfs\/rkt\/iottymux\/([^/]+)\/env$/.exec(path);
  if (m) return { group: 'env', app: m[1], label: `rkt/iottymux/${m[1]}/env` };
  m = /^stage1\/rootfs\/usr\/lib\/sysusers\.d\/(.+)\.service\.conf$/.exec(path);
  if (m) return { group: 'sysusers', app: m[1], label: base };
  const label = path.startsWith(S1 + '/') ? path.slice(S1.length + 1) : path;
  return { group: 'other', label };
}

/** Whether a path is the app's main service unit (what the Unit viewer opens first). */
export function isAppService(path: string, app: string): boolean {
  return path === `${UNIT_DIR}/${app}.service`;
}
