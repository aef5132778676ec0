// Watching an open pod root for changes made by something else (rkt, an editor, podunit's own
// writes). Pod roots hold whole app filesystems, so instead of one recursive watch we watch the
// few directories whose content podunit shows, and re-arm as they appear or vanish.
import { existsSync, statSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';

/** Directories (relative to the pod root) whose direct entries podunit reads. */
export function watchedDirs(appDirs: string[]): string[] {
  const base = [
    '', 'stage1', 'stage1/rootfs', 'stage1/rootfs/usr/lib/systemd/system',
    'stage1/rootfs/usr/lib/systemd/system/default.target.wants',
    'stage1/rootfs/usr/lib/systemd/system/sockets.target.wants',
    'stage1/rootfs/usr/lib/sysusers.d', 'stage1/rootfs/rkt/env', 'stage1/rootfs/rkt/status',
    'stage1/rootfs/opt/stage2',
  ];
  return [...base, ...appDirs.map((d) => `stage1/rootfs/opt/stage2/${d}`), ...appDirs.map((d) => `appsinfo/${d}`)];
}

export interface PodWatcher { close(): void }

export interface WatchOptions {
  debounceMs?: number;
  /** App directory names to watch (their manifests); re-read on each flush when given as a function. */
  apps?: () => string[];
}

export function watchPodRoot(
  root: string,
  onChange: (change: { paths: string[]; gone: boolean }) => void,
  options: WatchOptions = {},
): PodWatcher {
  const debounceMs = options.debounceMs ?? 150;
  const watchers = new Map<string, FSWatcher>();
  const changed = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let closed = false;
  let reportedGone = false;

  const arm = () => {
    const wanted = new Set(watchedDirs(options.apps?.() ?? []));
    for (const [dir, w] of watchers) {
      if (!wanted.has(dir) || !isDir(join(root, dir))) { w.close(); watchers.delete(dir); }
    }
    for (const dir of wanted) {
      if (watchers.has(dir) || !isDir(join(root, dir))) continue;
      try {
        const w = watch(join(root, dir), { persistent: false }, (_event, name) => {
          changed.add(name ? (dir ? `${dir}/${name}` : String(name)) : dir);
          schedule();
        });
        w.on('error', () => { w.close(); watchers.delete(dir); schedule(); });
        watchers.set(dir, w);
      } catch {
        // vanished between the check and the watch; the next flush tries again
      }
    }
  };

  const flush = () => {
    timer = null;
    if (closed) return;
    const gone = !existsSync(root);
    const paths = [...changed].sort();
    changed.clear();
    if (gone) {
      for (const w of watchers.values()) w.close();
      watchers.clear();
      if (!reportedGone) onChange({ paths, gone: true });
      reportedGone = true;
      return;
    }
    reportedGone = false;
    arm();
    onChange({ paths, gone: false });
  };

  const schedule = () => {
    if (closed || timer) return;
    timer = setTimeout(flush, debounceMs);
  };

  arm();
  return {
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      for (const w of watchers.values()) w.close();
      watchers.clear();
    },
  };
}

function isDir(p: string): boolean {
  try { return statSync(p).isDirectory(); } catch { return false; }
}
