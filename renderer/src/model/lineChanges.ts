// Which lines of a new text differ from the old one, found by trimming the common head and
// tail. Enough to highlight and reveal what an edit changed in a generated file.

export function changedLineNumbers(oldText: string, newText: string): number[] {
  const a = oldText.split('\n');
  const b = newText.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const out: number[] = [];
  for (let i = head; i < b.length - tail; i++) out.push(i + 1);
  if (out.length === 0 && a.length !== b.length) out.push(Math.min(head + 1, b.length));
  return out;
}

/** The one replacement turning old into new: [start, end) of old becomes text (UTF-16 offsets). */
export interface TextEdit { start: number; end: number; text: string }

export function minimalTextEdit(oldText: string, newText: string): TextEdit | null {
  if (oldText === newText) return null;
  const max = Math.min(oldText.length, newText.length);
  let head = 0;
  while (head < max && oldText.charCodeAt(head) === newText.charCodeAt(head)) head++;
  let tail = 0;
  while (tail < max - head && oldText.charCodeAt(oldText.length - 1 - tail) === newText.charCodeAt(newText.length - 1 - tail)) tail++;
  return { start: head, end: oldText.length - tail, text: newText.slice(head, newText.length - tail) };
}
