// A bounded, breadth-first listing of a pod root for the file tree pane. App root filesystems
// can hold thousands of files; the listing stops at a node budget and says so.
import type { PodSnapshotView, TreeNode } from '../../shared/ipc/contract.js';
import { kindOf, modeString, type PodDir } from './pod-files.js';

export const TREE_NODE_LIMIT = 4000;

export function podTree(pod: PodDir, limit = TREE_NODE_LIMIT): PodSnapshotView['tree'] {
  const nodes: TreeNode[] = [];
  let files = 0;
  let dirs = 0;
  let bytes = 0;
  let truncated = false;
  const queue: string[] = [''];
  while (queue.length > 0) {
    const dir = queue.shift()!;
    for (const name of pod.list(dir)) {
      if (nodes.length >= limit) { truncated = true; break; }
      const path = dir === '' ? name : `${dir}/${name}`;
      const st = pod.lstat(path);
      if (!st) continue;
      const kind = kindOf(st);
      if (kind === 'dir') { dirs++; queue.push(path); } else { files++; bytes += st.size; }
      nodes.push({ path, kind, size: st.size, mode: modeString(st), target: kind === 'symlink' ? pod.readlink(path) : null });
    }
    if (truncated) break;
  }
  return { nodes, truncated, files, dirs, bytes };
}
