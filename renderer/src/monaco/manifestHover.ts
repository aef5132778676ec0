// Extra hover on manifest fields: which generated lines the field produced (reverse
// provenance). The JSON language adds its schema hover next to it.
import { monaco } from './monaco';

type Source = (model: monaco.editor.ITextModel, offset: number) => string | null | Promise<string | null>;
let source: Source | null = null;
let registered = false;

export function setManifestHoverSource(fn: Source | null): void {
  source = fn;
  if (registered) return;
  registered = true;
  monaco.languages.registerHoverProvider('json', {
    async provideHover(model, position) {
      const md = await source?.(model, model.getOffsetAt(position));
      if (!md) return null;
      return { contents: [{ value: md, isTrusted: false }] };
    },
  });
}
