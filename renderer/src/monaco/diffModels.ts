// Puts new texts into a diff editor. A small change to the same file that keeps its line count
// is applied to the models in place, as typing would (cheap: no new views). Anything else gets
// a fresh pair of models: replacing a whole text in place, or adding or removing lines, lets
// the editor apply a diff (and hidden regions) computed for the old text to the new one, which
// it can reject with an exception. An old pair is disposed a little later, since a diff for it
// may still be computing in the worker.
import { monaco } from './monaco';
import { minimalTextEdit } from '../model/lineChanges';

export interface DiffPair { original: monaco.editor.ITextModel; modified: monaco.editor.ITextModel }

const DISPOSE_AFTER_MS = 5000;

export function setDiffTexts(
  editor: monaco.editor.IStandaloneDiffEditor,
  current: DiffPair | null,
  before: string,
  after: string,
  language: string,
  keepScroll: boolean,
  sameFile = false,
): DiffPair {
  if (current && current.original.getValue() === before && current.modified.getValue() === after && current.original.getLanguageId() === language) {
    return current;
  }
  if (current && sameFile && current.original.getLanguageId() === language && smallChange(current.original, before) && smallChange(current.modified, after)) {
    patch(current.original, before);
    patch(current.modified, after);
    return current;
  }
  const next = { original: monaco.editor.createModel(before, language), modified: monaco.editor.createModel(after, language) };
  const scrollTop = keepScroll ? editor.getModifiedEditor().getScrollTop() : null;
  editor.setModel(next);
  if (scrollTop !== null) editor.getModifiedEditor().setScrollTop(scrollTop);
  if (current) setTimeout(() => { current.original.dispose(); current.modified.dispose(); }, DISPOSE_AFTER_MS);
  return next;
}

export function disposeDiffPair(pair: DiffPair | null): void {
  pair?.original.dispose();
  pair?.modified.dispose();
}

function smallChange(model: monaco.editor.ITextModel, text: string): boolean {
  if (model.getValueLength() === text.length && model.getValue() === text) return true;
  if (model.getValueLength() === 0 || text.length === 0) return false;
  const ratio = text.length / model.getValueLength();
  return ratio > 0.8 && ratio < 1.25 && model.getLineCount() === lineCount(text);
}

function lineCount(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function patch(model: monaco.editor.ITextModel, text: string): void {
  const edit = minimalTextEdit(model.getValue(), text);
  if (!edit) return;
  const a = model.getPositionAt(edit.start);
  const b = model.getPositionAt(edit.end);
  model.applyEdits([{ range: new monaco.Range(a.lineNumber, a.column, b.lineNumber, b.column), text: edit.text }]);
}
