// Where a pod's stage1 and app files physically are.
//
// Non-overlay pods keep everything under stage1/rootfs. Overlay pods (marker file
// overlay-prepared) mount stage1/rootfs and each app rootfs at run time; once the pod has
// exited the mounts are usually gone, and like rkt's own inspectors we then read what stage1
// wrote from overlay/<stage1TreeStoreID>/upper, with the image itself (the lower layer) from
// rkt's tree store <data>/cas/tree/<treeStoreID>/rootfs when that is reachable.
import fs from 'node:fs';
import path from 'node:path';
import { RootView } from './root-view.js';
import { isStateDir, UUID_RE } from './pod-states.js';

export interface OverlayInfo {
  enabled: boolean;
  /** stage1/rootfs shows the merged mount (the pod is running, or the mount outlived it). */
  mounted: boolean;
  stage1TreeStoreID: string | null;
  /** Host directories the stage1 view reads, upper first. */
  stage1Layers: string[];
  notes: string[];
}

export interface PodLayout {
  root: string;
  uuid: string | null;
  dataDir: string | null;
  stateDir: string | null;
  overlay: OverlayInfo;
  stage1: RootView;
  /** The app's root file system (RootDirectory= of its unit). */
  appRoot(app: string): RootView;
  /** Path of an app's directory inside stage1 (/opt/stage2/<app>). */
  appDir(app: string): string;
}

function readTrim(p: string): string | null {
  try {
    return fs.readFileSync(p, 'utf8').trim();
  } catch {
    return null;
  }
}

function isDir(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function nonEmptyDir(p: string): boolean {
  try {
    return fs.readdirSync(p).length > 0;
  } catch {
    return false;
  }
}

/** <data>/pods/<state>/<uuid> → {dataDir, state, uuid}. */
export function locateInDataDir(root: string): { dataDir: string; stateDir: string; uuid: string } | null {
  const uuid = path.basename(root);
  const state = path.basename(path.dirname(root));
  const pods = path.basename(path.dirname(path.dirname(root)));
  if (!UUID_RE.test(uuid) || !isStateDir(state) || pods !== 'pods') return null;
  return { dataDir: path.dirname(path.dirname(path.dirname(root))), stateDir: state, uuid };
}

export function treeStoreRootfs(dataDir: string | null, id: string | null): string | null {
  if (!dataDir || !id) return null;
  return path.join(dataDir, 'cas', 'tree', id, 'rootfs');
}

export function podLayout(podRoot: string, opts: { dataDir?: string } = {}): PodLayout {
  const root = path.resolve(podRoot);
  const where = locateInDataDir(root);
  const dataDir = opts.dataDir ? path.resolve(opts.dataDir) : where?.dataDir ?? null;
  const uuid = where?.uuid ?? (UUID_RE.test(path.basename(root)) ? path.basename(root) : null);
  const stage1Rootfs = path.join(root, 'stage1', 'rootfs');
  const enabled = fs.existsSync(path.join(root, 'overlay-prepared'));
  const s1id = readTrim(path.join(root, 'stage1TreeStoreID'));
  const notes: string[] = [];
  let mounted = false;
  let stage1Layers: string[];

  if (!enabled) {
    stage1Layers = [stage1Rootfs];
  } else {
    mounted = nonEmptyDir(stage1Rootfs);
    if (mounted) {
      stage1Layers = [stage1Rootfs];
    } else {
      stage1Layers = [];
      if (s1id) {
        const upper = path.join(root, 'overlay', s1id, 'upper');
        stage1Layers.push(upper);
        if (!isDir(upper)) notes.push(`overlay upper directory ${upper} does not exist: the pod never ran`);
        const lower = treeStoreRootfs(dataDir, s1id);
        if (lower && isDir(lower)) stage1Layers.push(lower);
        else notes.push(`the stage1 image (tree store ${s1id}) is not reachable${lower ? ` at ${lower}` : ''}: only the files stage1 wrote can be read`);
      } else {
        notes.push('overlay-prepared exists but stage1TreeStoreID is missing or empty: stage1 files cannot be located');
      }
    }
  }
  const stage1 = new RootView(stage1Layers, 'stage1');
  const appRoots = new Map<string, RootView>();

  const appRoot = (app: string): RootView => {
    let v = appRoots.get(app);
    if (v) return v;
    const inStage1 = path.join(stage1Rootfs, 'opt', 'stage2', app, 'rootfs');
    if (!enabled || mounted) {
      v = new RootView([inStage1], app);
    } else {
      const id = readTrim(path.join(root, 'appsinfo', app, 'treeStoreID'));
      const layers: string[] = [];
      if (id) {
        layers.push(path.join(root, 'overlay', id, 'upper', app));
        const lower = treeStoreRootfs(dataDir, id);
        if (lower) layers.push(lower);
      }
      v = new RootView(layers, app);
    }
    appRoots.set(app, v);
    return v;
  };

  return {
    root,
    uuid,
    dataDir,
    stateDir: where?.stateDir ?? null,
    overlay: { enabled, mounted, stage1TreeStoreID: s1id, stage1Layers, notes },
    stage1,
    appRoot,
    appDir: (app) => `/opt/stage2/${app}`,
  };
}
