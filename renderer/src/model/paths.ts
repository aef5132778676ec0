// Display forms of pod-root-relative paths.
import { S1, UNIT_DIR } from './fileGroups';

/** Unit files by name, other stage1 files relative to the stage1 root. */
export function shortPath(path: string): string {
  if (path.startsWith(UNIT_DIR + '/')) return path.slice(UNIT_DIR.length + 1);
  if (path.startsWith(S1 + '/')) return path.slice(S1.length + 1);
  return path;
}

export function baseName(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

export function dirName(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  const i = trimmed.lastIndexOf('/');
  return i <= 0 ? (i === 0 ? '/' : '.') : trimmed.slice(0, i);
}
