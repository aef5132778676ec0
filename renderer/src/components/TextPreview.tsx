/** @jsxRuntime automatic */
// What the manifest and unit panes show until their editors are up: the text itself, read-only,
// in the editors' font. Opening a pod puts its manifest and first unit on screen at once, while
// Monaco (megabytes of script) is still being prepared.
import { useApp } from '../app/context';
import { activeDocText, selectedFileText } from '../store/selectors';

/** Enough lines to fill a tall pane; the editor shows the rest. */
const PREVIEW_LINES = 150;

function firstLines(text: string): string {
  let end = -1;
  for (let i = 0; i < PREVIEW_LINES; i++) {
    end = text.indexOf('\n', end + 1);
    if (end < 0) return text;
  }
  return text.slice(0, end);
}

/** The text's first lines; without text, the loading note (or nothing, over an editor being set up). */
export function TextPreview({ text, quietWhenEmpty = false }: { text: string | null; quietWhenEmpty?: boolean }) {
  if (text === null) return quietWhenEmpty ? null : <div className="empty-note">Loading the editor…</div>;
  return <pre className="text-preview">{firstLines(text)}</pre>;
}

export function ManifestPreview({ quietWhenEmpty }: { quietWhenEmpty?: boolean }) {
  return <TextPreview text={useApp(activeDocText)} quietWhenEmpty={quietWhenEmpty} />;
}

export function UnitPreview({ quietWhenEmpty }: { quietWhenEmpty?: boolean }) {
  return <TextPreview text={useApp(selectedFileText)} quietWhenEmpty={quietWhenEmpty} />;
}
