// Two versions of the generated tree (generated vs on disk, edited vs original, profile A vs
// B) compared file by file, and the summary shown above the diff editor.

export interface FileSide {
  kind: 'file' | 'dir' | 'symlink';
  content?: string;
  target?: string;
  mode?: string;
}

export type FileSet = ReadonlyMap<string, FileSide>;

export type ChangeKind = 'added' | 'removed' | 'changed';

export interface FileChange { path: string; change: ChangeKind }

export interface DiffSummary {
  added: string[];
  removed: string[];
  changed: string[];
  unchanged: number;
  /** Every path that differs, with how. */
  byPath: ReadonlyMap<string, ChangeKind>;
}

export function sameSide(a: FileSide, b: FileSide): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'symlink') return a.target === b.target;
  if (a.kind === 'dir') return true;
  return a.content === b.content;
}

/** `before` is the baseline (disk, original manifest, other profile); `after` the current plan. */
export function summarize(before: FileSet, after: FileSet): DiffSummary {
  const added: string[] = [];
  const removed: string[] = [];
  const changed: string[] = [];
  let unchanged = 0;
  for (const [path, side] of after) {
    const old = before.get(path);
    if (!old) added.push(path);
    else if (!sameSide(old, side)) changed.push(path);
    else unchanged++;
  }
  for (const path of before.keys()) if (!after.has(path)) removed.push(path);
  const byteOrder = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  const byPath = new Map<string, ChangeKind>();
  for (const p of added) byPath.set(p, 'added');
  for (const p of removed) byPath.set(p, 'removed');
  for (const p of changed) byPath.set(p, 'changed');
  return { added: added.sort(byteOrder), removed: removed.sort(byteOrder), changed: changed.sort(byteOrder), unchanged, byPath };
}

export const EMPTY_SUMMARY: DiffSummary = { added: [], removed: [], changed: [], unchanged: 0, byPath: new Map() };

/** Text shown for one side in the diff editor. */
export function sideText(side: FileSide | undefined): string {
  if (!side) return '';
  if (side.kind === 'symlink') return `→ ${side.target ?? ''}\n`;
  if (side.kind === 'dir') return '';
  return side.content ?? '';
}
