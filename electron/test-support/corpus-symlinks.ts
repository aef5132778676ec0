// The shared corpus as laid out here stores its symlinks as regular files holding the link
// text. These are the entries that are symlinks in the recorded pod roots; materializing a
// case turns them back into symlinks so the tests exercise rkt's real symlink handling.
// (A corpus that keeps real symlinks is copied as is.)

const KNOWN_LINKS: Record<string, string[]> = {
  'mount-path-through-absolute-symlink': ['stage1/rootfs/opt/stage2/msym/rootfs/srv/link'],
  'port-socket-want-already-exists': ['stage1/rootfs/usr/lib/systemd/system/sockets.target.wants/sockw.socket'],
  'exec-relative-symlink-resolution': [
    'stage1/rootfs/opt/stage2/rel6/rootfs/opt/tool/current',
    'stage1/rootfs/opt/stage2/rel6/rootfs/bin/tool',
  ],
  'preexisting-units-overwritten': ['stage1/rootfs/usr/lib/systemd/system/default.target.wants/pre.service'],
  'exec-symlink-loop': [
    'stage1/rootfs/opt/stage2/loop/rootfs/loop/a',
    'stage1/rootfs/opt/stage2/loop/rootfs/loop/b',
    'stage1/rootfs/opt/stage2/loop/rootfs/bin/tool',
  ],
};

/** Whether the regular file at `rel` (inside a case's input/) was a symlink in the recording. */
export function wasSymlink(caseName: string, rel: string): boolean {
  return rel === 'stage1/rootfs/flavor' || (KNOWN_LINKS[caseName] ?? []).includes(rel);
}
