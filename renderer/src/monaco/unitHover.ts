// Hover on generated files (directive docs + provenance) and the reveal command behind the
// hover's link. Which plan file a model shows is registered by the unit viewer.
import type { LineProvenance, SourceDoc } from '../../../shared/plan';
import { monaco } from './monaco';
import { hoverMarkdown, REVEAL_COMMAND, type HoverLine } from './hoverText';
import { ENVFILE_LANGUAGE_ID, SYSTEMD_LANGUAGE_ID, SYSUSERS_LANGUAGE_ID } from './systemdLanguage';

export interface ModelContext {
  provenance(line: number): LineProvenance | undefined;
  /** Extra Markdown for a line (e.g. the env-file order note). */
  note?(line: number): string | undefined;
}

const contexts = new Map<string, ModelContext>();
let revealHandler: ((doc: SourceDoc, pointer: string) => void) | null = null;

export function setModelContext(uri: monaco.Uri, ctx: ModelContext | null): void {
  if (ctx) contexts.set(uri.toString(), ctx);
  else contexts.delete(uri.toString());
}

export function onRevealSource(handler: (doc: SourceDoc, pointer: string) => void): void {
  revealHandler = handler;
}

/** The [Section] header a line of a unit file is under. */
function sectionAt(model: monaco.editor.ITextModel, line: number): string | undefined {
  for (let i = line; i >= 1; i--) {
    const m = /^\[([^\]]+)\]$/.exec(model.getLineContent(i));
    if (m) return m[1];
  }
  return undefined;
}

function provider(language: HoverLine['language']): monaco.languages.HoverProvider {
  return {
    provideHover(model, position) {
      const ctx = contexts.get(model.uri.toString());
      const text = model.getLineContent(position.lineNumber);
      const eq = text.indexOf('=');
      const onKey = eq < 0 || position.column <= eq + 1;
      const lp = ctx?.provenance(position.lineNumber);
      const parts = hoverMarkdown({ language, text, onKey, section: sectionAt(model, position.lineNumber) }, lp, ctx?.note?.(position.lineNumber));
      if (parts.length === 0) return null;
      return {
        range: new monaco.Range(position.lineNumber, 1, position.lineNumber, model.getLineMaxColumn(position.lineNumber)),
        contents: parts.map((value) => ({ value, isTrusted: { enabledCommands: [REVEAL_COMMAND] }, supportThemeIcons: false })),
      };
    },
  };
}

export function registerUnitHovers(): void {
  monaco.languages.registerHoverProvider(SYSTEMD_LANGUAGE_ID, provider('systemd'));
  monaco.languages.registerHoverProvider(ENVFILE_LANGUAGE_ID, provider('rkt-env'));
  monaco.languages.registerHoverProvider(SYSUSERS_LANGUAGE_ID, provider('sysusers'));
  monaco.editor.registerCommand(REVEAL_COMMAND, (_accessor: unknown, doc: SourceDoc, pointer: string) => {
    revealHandler?.(doc, pointer);
  });
}
