// Manifest texts sent as edits: a keystroke in a 1000-app pod manifest changes a few characters
// of megabytes. The client sends the change against the text it sent last for the same
// manifest on the same connection; the host keeps that text and applies the change.

/** Replace `remove` characters at `at` with `insert`; `length` is the length of the result (a check). */
export interface TextEdit {
  at: number;
  remove: number;
  insert: string;
  length: number;
}

/** The smallest single replacement turning `before` into `after` (common prefix and suffix kept). */
export function textEdit(before: string, after: string): TextEdit {
  const max = Math.min(before.length, after.length);
  let start = 0;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  // Never split a surrogate pair: the text in between travels as JSON.
  if (start > 0 && isHighSurrogate(after.charCodeAt(start - 1))) start--;
  if (end > 0 && isLowSurrogate(after.charCodeAt(after.length - end))) end--;
  return { at: start, remove: before.length - start - end, insert: after.slice(start, after.length - end), length: after.length };
}

/** `before` with the edit applied, or null when the edit does not fit it (it was made against another text). */
export function applyTextEdit(before: string, edit: TextEdit): string | null {
  if (edit.at + edit.remove > before.length) return null;
  if (before.length - edit.remove + edit.insert.length !== edit.length) return null;
  return before.slice(0, edit.at) + edit.insert + before.slice(edit.at + edit.remove);
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Key of a manifest in the caches of both sides. */
export function manifestKey(doc: { kind: 'pod' } | { kind: 'image'; app: string }): string {
  return doc.kind === 'pod' ? 'pod' : `image:${doc.app}`;
}
