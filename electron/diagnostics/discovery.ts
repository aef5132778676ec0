// Finding pods in an rkt data directory: listing every pod by state, and turning a command
// line argument (a pod root path or a UUID prefix) into a pod root.
import fs from 'node:fs';
import path from 'node:path';
import { probeLock, probeLocks, type LockMethod, type LockProbe } from './locks.js';
import { STATE_DIRS, UUID_RE, lockMatters, podState, podStateGuess, type PodState, type StateDir } from './pod-states.js';
import { locateInDataDir } from './overlay.js';
import { peekImageManifest, peekPodManifest } from './manifest-peek.js';

export const DEFAULT_DATA_DIR = '/var/lib/rkt';

export interface PodSummary {
  uuid: string;
  root: string;
  stateDir: StateDir;
  /** The state rkt would print; null when the lock could not be probed. */
  state: PodState | null;
  /** state, or a best guess with the alternatives ("running or exited"). */
  stateText: string;
  locked: boolean | null;
  lockMethod: LockMethod;
  apps: string[];
  /** name:version of each app's image, from appsinfo/<app>/manifest, in app order. */
  images: (string | null)[];
  /** ISO times: mtime of pod-created (else pod); mtime of pid (else ppid). */
  created: string | null;
  started: string | null;
  /** Why the manifest could not be read, when it could not. */
  error: string | null;
}

export interface PodListing {
  dataDir: string;
  pods: PodSummary[];
  warnings: string[];
}

export function mtimeISO(p: string): string | null {
  try {
    return fs.statSync(p).mtime.toISOString();
  } catch {
    return null;
  }
}

export function createdTime(root: string): string | null {
  return mtimeISO(path.join(root, 'pod-created')) ?? mtimeISO(path.join(root, 'pod'));
}

export function startedTime(root: string): string | null {
  return mtimeISO(path.join(root, 'pid')) ?? mtimeISO(path.join(root, 'ppid'));
}

function appsOf(root: string): { apps: string[]; images: (string | null)[]; error: string | null } {
  let text: string;
  try {
    text = fs.readFileSync(path.join(root, 'pod'), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { apps: [], images: [], error: code === 'ENOENT' ? null : `cannot read ${path.join(root, 'pod')}: ${code}` };
  }
  try {
    const pod = peekPodManifest(text);
    const images = pod.apps.map((a) => {
      try {
        const img = peekImageManifest(fs.readFileSync(path.join(root, 'appsinfo', a.name, 'manifest'), 'utf8'));
        const name = img.name ?? a.imageName;
        return name ? (img.version ? `${name}:${img.version}` : name) : null;
      } catch {
        return a.imageName;
      }
    });
    return { apps: pod.apps.map((a) => a.name), images, error: null };
  } catch (e) {
    return { apps: [], images: [], error: `${path.join(root, 'pod')}: ${(e as Error).message}` };
  }
}

const NOT_PROBED: LockProbe = { locked: null, method: 'none' };

/** `probe`: a lock probe already made for this directory (listing probes all pods at once). */
export async function summarizePod(root: string, stateDir: StateDir, uuid: string, probe?: LockProbe): Promise<PodSummary> {
  probe ??= lockMatters(stateDir) ? await probeLock(root) : NOT_PROBED;
  const state = podState(stateDir, probe.locked);
  const { apps, images, error } = appsOf(root);
  return {
    uuid,
    root,
    stateDir,
    state,
    stateText: state ?? podStateGuess(stateDir),
    locked: probe.locked,
    lockMethod: probe.method,
    apps,
    images,
    created: createdTime(root),
    started: stateDir === 'run' || stateDir === 'exited-garbage' ? startedTime(root) : null,
    error,
  };
}

/** Lists every pod under <dataDir>/pods, in state order then by creation time. */
export async function listPods(dataDir = DEFAULT_DATA_DIR): Promise<PodListing> {
  const warnings: string[] = [];
  const podsDir = path.join(dataDir, 'pods');
  if (!fs.existsSync(podsDir)) {
    throw new Error(`${podsDir} does not exist: is ${dataDir} an rkt data directory? (rkt --dir, default ${DEFAULT_DATA_DIR})`);
  }
  const found: { root: string; dir: StateDir; uuid: string }[] = [];
  for (const dir of STATE_DIRS) {
    const full = path.join(podsDir, dir);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(full, { withFileTypes: true });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') warnings.push(`cannot read ${full}: ${code}`);
      continue;
    }
    for (const e of entries) {
      if (!e.isDirectory()) {
        warnings.push(`${path.join(full, e.name)} is not a directory, ignoring`);
        continue;
      }
      if (!UUID_RE.test(e.name)) warnings.push(`${path.join(full, e.name)}: "${e.name}" is not a pod UUID`);
      found.push({ root: path.join(full, e.name), dir, uuid: e.name });
    }
  }
  const probed = found.filter((f) => lockMatters(f.dir));
  const probes = new Map((await probeLocks(probed.map((f) => f.root))).map((p, i) => [probed[i].root, p]));
  const pods = await Promise.all(found.map((f) => summarizePod(f.root, f.dir, f.uuid, probes.get(f.root) ?? NOT_PROBED)));
  pods.sort((a, b) => STATE_DIRS.indexOf(a.stateDir) - STATE_DIRS.indexOf(b.stateDir) || (a.created ?? '').localeCompare(b.created ?? ''));
  return { dataDir, pods, warnings };
}

export interface ResolvedPod {
  root: string;
  uuid: string | null;
  stateDir: StateDir | null;
  dataDir: string | null;
}

export class PodNotFoundError extends Error {}

/**
 * Accepts a pod root directory, or a UUID or unambiguous UUID prefix looked up in every state
 * directory of dataDir (rkt's own commands look in prepare, prepared, run and
 * exited-garbage; an inspector also opens embryo and garbage pods).
 */
export function resolvePod(arg: string, dataDir = DEFAULT_DATA_DIR): ResolvedPod {
  const looksLikePath = arg.includes('/') || arg === '.' || arg === '..';
  if (looksLikePath || (fs.existsSync(arg) && fs.statSync(arg).isDirectory() && !/^[0-9a-f-]+$/i.test(arg))) {
    const root = path.resolve(arg);
    let st: fs.Stats;
    try {
      st = fs.statSync(root);
    } catch {
      throw new PodNotFoundError(`${root}: no such directory`);
    }
    if (!st.isDirectory()) throw new PodNotFoundError(`${root}: not a directory`);
    if (!fs.existsSync(path.join(root, 'pod')) && !fs.existsSync(path.join(root, 'stage1'))) {
      throw new PodNotFoundError(`${root} is not a pod root: it has neither a "pod" manifest nor a "stage1" directory`);
    }
    const where = locateInDataDir(root);
    return { root, uuid: where?.uuid ?? null, stateDir: (where?.stateDir as StateDir) ?? null, dataDir: where?.dataDir ?? null };
  }
  const prefix = arg.toLowerCase();
  if (!/^[0-9a-f-]+$/.test(prefix)) throw new PodNotFoundError(`"${arg}" is neither a pod root path nor a UUID (prefix)`);
  const podsDir = path.join(dataDir, 'pods');
  if (!fs.existsSync(podsDir)) throw new PodNotFoundError(`${podsDir} does not exist (use --data-dir)`);
  const matches = new Map<string, { root: string; dir: StateDir }>();
  for (const dir of STATE_DIRS) {
    let names: string[];
    try {
      names = fs.readdirSync(path.join(podsDir, dir));
    } catch {
      continue;
    }
    for (const n of names) {
      if (n.startsWith(prefix) && !matches.has(n)) matches.set(n, { root: path.join(podsDir, dir, n), dir });
    }
  }
  if (matches.size === 0) throw new PodNotFoundError(`no pod matches "${arg}" in ${podsDir}`);
  if (matches.size > 1) {
    throw new PodNotFoundError(`"${arg}" is ambiguous: ${[...matches.keys()].sort().join(', ')}`);
  }
  const [uuid, m] = [...matches][0];
  return { root: m.root, uuid, stateDir: m.dir, dataDir };
}
