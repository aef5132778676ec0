// `podunit status`: what rkt status shows, plus what an inspector wants next to it.
import fs from 'node:fs';
import path from 'node:path';
import type { RuntimePod } from '../../shared/runtime.js';
import { decodeExitStatus, parseStatusFile, type DecodedExit } from './exit-status.js';
import { podLayout, type OverlayInfo, type PodLayout } from './overlay.js';
import { createdTime, startedTime, summarizePod } from './discovery.js';
import { probeLock } from './locks.js';
import { isStateDir } from './pod-states.js';
import { peekImageManifest, peekPodManifest, type PeekPod } from './manifest-peek.js';
import { readRuntimeConfig } from './runtime-config.js';
import { readStage1Facts, type Stage1Facts } from './stage1-facts.js';

export interface AppStatus {
  name: string;
  /** name:version of the app's image. */
  image: string | null;
  /** The number in rkt/status/<app> (systemd's ExecMainStatus); null when the app has not stopped. */
  exitCode: number | null;
  exit: DecodedExit | null;
  /** Host path the status was read from. */
  statusFile: string | null;
  /** rkt/status/<app>-created and -started (mutable pods), and the status file's mtime. */
  created: string | null;
  started: string | null;
  finished: string | null;
  problem: string | null;
}

export interface PodStatus {
  root: string;
  uuid: string | null;
  stateDir: string | null;
  state: string | null;
  locked: boolean | null;
  created: string | null;
  started: string | null;
  /** From the pid file (kvm) and the ppid file (other flavors). */
  pid: number | null;
  ppid: number | null;
  /** PID 1 of the pod, when the ppid process is alive and has exactly one child. */
  podPid1: number | null;
  supervisor: { ready: boolean; target: string | null };
  runtimeConfig: RuntimePod | null;
  runtimeConfigError: string | null;
  debugNote: string | null;
  stage1: Stage1Facts;
  overlay: OverlayInfo;
  apps: AppStatus[];
  manifestError: string | null;
  warnings: string[];
}

function readInt(p: string): number | null {
  try {
    const t = fs.readFileSync(p, 'utf8').trim();
    return /^\d+$/.test(t) ? Number(t) : null;
  } catch {
    return null;
  }
}

function onlyChild(ppid: number): number | null {
  try {
    const kids = fs.readFileSync(`/proc/${ppid}/task/${ppid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
    return kids.length === 1 ? Number(kids[0]) : null;
  } catch {
    return null;
  }
}

export function readPodManifestLenient(root: string): { pod: PeekPod | null; error: string | null } {
  const p = path.join(root, 'pod');
  try {
    return { pod: peekPodManifest(fs.readFileSync(p, 'utf8')), error: null };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { pod: null, error: code ? `cannot read ${p}: ${code}` : `${p}: ${(e as Error).message}` };
  }
}

export function appImageLabel(layout: PodLayout, app: string, fallback: string | null): string | null {
  const candidates = [path.join(layout.root, 'appsinfo', app, 'manifest')];
  const inStage1 = layout.stage1.hostPath(`${layout.appDir(app)}/manifest`);
  if (inStage1) candidates.push(inStage1);
  for (const c of candidates) {
    try {
      const m = peekImageManifest(fs.readFileSync(c, 'utf8'));
      if (m.name) return m.version ? `${m.name}:${m.version}` : m.name;
    } catch {
      // try the next copy
    }
  }
  return fallback;
}

export function readAppStatus(layout: PodLayout, app: string, image: string | null): AppStatus {
  const v = layout.stage1;
  const statusPath = `/rkt/status/${app}`;
  const st = v.lstat(statusPath);
  let exitCode: number | null = null;
  let problem: string | null = null;
  if (st) {
    const text = v.readText(statusPath);
    exitCode = text === null ? null : parseStatusFile(text);
    if (exitCode === null) problem = `${st.hostPath}: expected a decimal exit status, got ${JSON.stringify(text ?? '')}`;
  }
  const time = (p: string) => {
    const s = v.lstat(p);
    return s ? new Date(s.mtimeMs).toISOString() : null;
  };
  return {
    name: app,
    image,
    exitCode,
    exit: exitCode === null ? null : decodeExitStatus(exitCode),
    statusFile: st?.hostPath ?? null,
    created: time(`/rkt/status/${app}-created`),
    started: time(`/rkt/status/${app}-started`),
    finished: st ? new Date(st.mtimeMs).toISOString() : null,
    problem,
  };
}

export async function podStatus(podRoot: string, opts: { dataDir?: string; layout?: PodLayout } = {}): Promise<PodStatus> {
  const layout = opts.layout ?? podLayout(podRoot, opts);
  const root = layout.root;
  if (!fs.existsSync(root)) throw new Error(`${root}: no such directory`);
  const warnings = [...layout.overlay.notes];

  let state: string | null = null;
  let locked: boolean | null = null;
  if (layout.stateDir && isStateDir(layout.stateDir) && layout.uuid) {
    const s = await summarizePod(root, layout.stateDir, layout.uuid);
    state = s.stateText;
    locked = s.locked;
  } else {
    const probe = await probeLock(root);
    locked = probe.locked;
    if (locked) warnings.push('the pod directory is locked: rkt is preparing, running or deleting it');
  }

  const { pod, error: manifestError } = readPodManifestLenient(root);
  const names = pod ? pod.apps.map((a) => a.name) : (layout.stage1.readdir('/rkt/status') ?? []).filter((n) => !/-(created|started)$/.test(n)).sort();
  const apps = names.map((n) => {
    const rt = pod?.apps.find((a) => a.name === n);
    return readAppStatus(layout, n, appImageLabel(layout, n, rt?.imageName ?? null));
  });
  for (const a of apps) if (a.problem) warnings.push(a.problem);

  const rc = readRuntimeConfig(root);
  if (rc.error) warnings.push(rc.error);
  const ppid = readInt(path.join(root, 'ppid'));
  const supTarget = layout.stage1.readlink('/rkt/supervisor-status');

  return {
    root,
    uuid: layout.uuid,
    stateDir: layout.stateDir,
    state,
    locked,
    created: createdTime(root),
    started: startedTime(root),
    pid: readInt(path.join(root, 'pid')),
    ppid,
    podPid1: ppid !== null && locked ? onlyChild(ppid) : null,
    supervisor: { ready: supTarget === 'ready', target: supTarget },
    runtimeConfig: rc.config,
    runtimeConfigError: rc.error,
    debugNote: rc.debugNote,
    stage1: readStage1Facts(root, layout.stage1),
    overlay: layout.overlay,
    apps,
    manifestError,
    warnings,
  };
}
