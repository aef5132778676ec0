// Gathering a PodSnapshot from a pod root on disk: the read-only view, the runtime options
// (runtime-config in the pod, a given file, then explicit overrides) and the host facts.
import fs from 'node:fs';
import path from 'node:path';
import { defaultRuntimePod, type HostFacts, type RuntimePod } from '../../shared/runtime.js';
import type { PodSnapshot } from '../generator/snapshot.js';
import { RealPodFs } from './realfs.js';
import { ERRNO_TEXT, FsError, type PodFs } from '../generator/podfs.js';
import { utf8Text } from '../generator/utf8-text.js';
import { probeDevices, probeHostFacts } from './host-facts.js';
import { appNames, hostVolumeSources } from './host-volumes.js';
import { PristineFs } from './pristine-fs.js';
import { parseRuntimeConfig } from './runtime-config.js';

export class PodRootError extends Error {}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const PLACEHOLDER_UUID = '00000000-0000-0000-0000-000000000000';

export interface ReadOptions {
  uuid?: string;
  /** A RuntimePod JSON file to use instead of <pod-root>/runtime-config. */
  runtimeConfigFile?: string;
  /** Fields that override the runtime configuration. */
  runtime?: Partial<Omit<RuntimePod, 'InsecureOptions'>> & { InsecureOptions?: Partial<RuntimePod['InsecureOptions']> };
  metadataURL?: string;
  appAdd?: string[];
  host?: Partial<HostFacts>;
  overrides?: PodSnapshot['overrides'];
  /**
   * Generate as if stage1 had not run yet: hide the files stage1's generation writes (units,
   * env and sysusers files, runtime-config …). For inspecting pods rkt has already started.
   */
  asPrepared?: boolean;
}

/** Checks the directory and returns its absolute real path. */
export function openPodRoot(root: string): string {
  const abs = path.resolve(root);
  let st: fs.Stats;
  try {
    st = fs.statSync(abs);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new PodRootError(`pod root ${abs}: no such directory`);
    if (code === 'EACCES') throw new PodRootError(`pod root ${abs}: permission denied`);
    throw new PodRootError(`pod root ${abs}: ${(e as Error).message}`);
  }
  if (!st.isDirectory()) throw new PodRootError(`pod root ${abs}: not a directory`);
  try {
    fs.accessSync(abs, fs.constants.R_OK | fs.constants.X_OK);
  } catch {
    throw new PodRootError(`pod root ${abs}: permission denied`);
  }
  return fs.realpathSync(abs);
}

/**
 * The runtime options: the given file, else the pod's own runtime-config (read inside the pod
 * root, so a symlink there cannot lead out of it), else rkt's defaults; then the overrides.
 */
export function readRuntime(rootAbs: string, opts: ReadOptions, podFs: PodFs = new RealPodFs(rootAbs)): { runtime: RuntimePod; source: string } {
  let runtime = defaultRuntimePod();
  let source = 'rkt defaults';
  const given = opts.runtimeConfigFile;
  const file = given ?? path.join(rootAbs, 'runtime-config');
  let text: string | null = null;
  try {
    if (given) text = fs.readFileSync(given, 'utf8');
    else text = utf8Text(podFs.readFile('runtime-config'));
  } catch (e) {
    const absent = e instanceof FsError ? e.code === 'ENOENT' : false;
    if (given || !absent) throw new PodRootError(`${file}: ${e instanceof FsError ? ERRNO_TEXT[e.code] : (e as Error).message}`);
  }
  if (text !== null) {
    runtime = parseRuntimeConfig(text, file);
    source = file;
  }
  const { InsecureOptions, ...rest } = opts.runtime ?? {};
  runtime = { ...runtime, ...stripUndefined(rest), InsecureOptions: { ...runtime.InsecureOptions, ...stripUndefined(InsecureOptions ?? {}) } };
  return { runtime, source };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function defaultUuid(rootAbs: string): string | null {
  const name = path.basename(rootAbs);
  return UUID_PATTERN.test(name) ? name : null;
}

export function readPodSnapshot(root: string, opts: ReadOptions = {}): PodSnapshot {
  const rootAbs = openPodRoot(root);
  const realFs = new RealPodFs(rootAbs);
  const { runtime } = readRuntime(rootAbs, opts, realFs);
  let podText = opts.overrides?.pod;
  if (podText === undefined) {
    try {
      podText = utf8Text(realFs.readFile('pod'));
    } catch {
      podText = '';
    }
  }
  const sources = hostVolumeSources(podText);
  const podFs = opts.asPrepared ? new PristineFs(realFs, appNames(podText)) : realFs;
  const probed = probeHostFacts([]);
  const host: HostFacts = { ...probed, ...stripUndefined(opts.host ?? {}) };
  if (!opts.host?.devices) host.devices = probeDevices(sources);
  return {
    root: rootAbs,
    uuid: opts.uuid ?? defaultUuid(rootAbs) ?? PLACEHOLDER_UUID,
    fs: podFs,
    evidenceFs: opts.asPrepared ? realFs : undefined,
    runtime,
    metadataURL: opts.metadataURL ?? '',
    appAdd: opts.appAdd ?? [],
    host,
    overrides: opts.overrides,
  };
}
