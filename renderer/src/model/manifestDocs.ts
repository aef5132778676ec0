// Turns the manifest texts of a snapshot into editor documents, deciding what can be edited:
// unreadable files, binary files and files over the live-preview limit are shown read-only
// with a message saying why.
import type { PodSnapshotView } from '../../../shared/ipc/contract';
import { MAX_MANIFEST_TEXT } from '../../../shared/ipc/limits';
import type { DocState } from '../store/types';

/** Largest manifest the host accepts as an edit, and reads into a snapshot (shared/ipc/limits.ts). */
export const MAX_EDIT_CHARS = MAX_MANIFEST_TEXT;
/** How much of a too-large manifest the editor shows. */
export const PREVIEW_CHARS = 256 * 1024;

export function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  const sample = text.slice(0, 8192);
  if (sample.length === 0) return false;
  let bad = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0xfffd || (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d)) bad++;
  }
  return bad / sample.length > 0.02;
}

export function formatSize(chars: number): string {
  if (chars < 1024) return `${chars} B`;
  if (chars < 1024 * 1024) return `${(chars / 1024).toFixed(1)} KB`;
  return `${(chars / (1024 * 1024)).toFixed(1)} MB`;
}

const BINARY_NOTICE = (path: string) =>
  `${path} is not a text file (it holds binary data), so it cannot be a manifest; the problems list shows what the generator makes of it.`;

export function makeDoc(id: string, label: string, path: string, text: string | null, error: string | null): DocState {
  const base = { id, label, path, externalVersion: 0 };
  if (text === null) {
    const tooLarge = /larger than (\d+) bytes/.exec(error ?? '');
    const notice = tooLarge
      ? `${path} is too large to show or edit here (more than ${formatSize(Number(tooLarge[1]))}). Units are generated from the file on disk.`
      : /not UTF-8|binary/i.test(error ?? '')
        ? BINARY_NOTICE(path)
        : `${path} could not be read: ${error ?? 'unknown error'}`;
    return { ...base, original: null, text: '', readOnly: true, notice };
  }
  if (looksBinary(text)) return { ...base, original: null, text: '', readOnly: true, notice: BINARY_NOTICE(path) };
  if (text.length > MAX_EDIT_CHARS) {
    return {
      ...base, original: null, text: text.slice(0, PREVIEW_CHARS), readOnly: true,
      notice: `${path} is ${formatSize(text.length)}, more than the ${formatSize(MAX_EDIT_CHARS)} live preview accepts. ` +
        `Showing the first ${formatSize(PREVIEW_CHARS)} read-only; units are generated from the file on disk.`,
    };
  }
  return { ...base, original: text, text, readOnly: false, notice: null };
}

export function docsFromSnapshot(snap: PodSnapshotView): DocState[] {
  const docs: DocState[] = [makeDoc('pod', 'pod', snap.manifests.pod.path, snap.manifests.pod.text, snap.manifests.pod.error)];
  for (const img of snap.manifests.images) {
    docs.push(makeDoc(`image:${img.app}`, img.app, img.path, img.text, img.error));
  }
  return docs;
}
