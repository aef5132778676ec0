// Every user action as a command: a title for the palette, a shortcut, and what it does.
// One keydown listener (capture phase, before Monaco) dispatches the shortcuts.

export interface Command {
  id: string;
  title: string;
  /** Shown in the palette and tooltips, e.g. "Ctrl+Shift+P". */
  shortcut?: string;
  run(): void;
  enabled?(): boolean;
}

interface Chord { ctrl: boolean; shift: boolean; alt: boolean; key: string }

export function parseShortcut(text: string): Chord {
  const parts = text.split('+');
  const key = parts.pop()!.toLowerCase();
  return { ctrl: parts.includes('Ctrl'), shift: parts.includes('Shift'), alt: parts.includes('Alt'), key };
}

export function matches(e: Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey' | 'key' | 'code'>, shortcut: string): boolean {
  const c = parseShortcut(shortcut);
  const ctrl = e.ctrlKey || e.metaKey;
  if (ctrl !== c.ctrl || e.shiftKey !== c.shift || e.altKey !== c.alt) return false;
  const key = e.key.toLowerCase();
  // Alt+letter yields other characters on some layouts; fall back to the physical key.
  const code = e.code.startsWith('Key') ? e.code.slice(3).toLowerCase() : e.code.startsWith('Digit') ? e.code.slice(5) : e.code.toLowerCase();
  return key === c.key || code === c.key;
}

export function installShortcuts(commands: () => Command[]): () => void {
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.defaultPrevented) return;
    for (const cmd of commands()) {
      if (!cmd.shortcut || !matches(e, cmd.shortcut)) continue;
      if (cmd.enabled && !cmd.enabled()) return;
      e.preventDefault();
      e.stopPropagation();
      cmd.run();
      return;
    }
  };
  window.addEventListener('keydown', onKeyDown, true);
  return () => window.removeEventListener('keydown', onKeyDown, true);
}

/**
 * Every word of the query must occur in the title (any order); a single word may also match
 * as a subsequence ("wrun" → "Write units"). Best (earliest) matches first.
 */
export function filterCommands(list: Command[], query: string): Command[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return list;
  const scored: { cmd: Command; score: number }[] = [];
  for (const cmd of list) {
    const t = cmd.title.toLowerCase();
    const positions = words.map((w) => t.indexOf(w));
    if (positions.every((p) => p >= 0)) { scored.push({ cmd, score: positions.reduce((a, b) => a + b, 0) }); continue; }
    if (words.length === 1) {
      const gaps = subsequenceGaps(t, words[0]);
      if (gaps !== null) scored.push({ cmd, score: 1000 + gaps });
    }
  }
  return scored.sort((a, b) => a.score - b.score).map((x) => x.cmd);
}

function subsequenceGaps(text: string, q: string): number | null {
  let pos = -1;
  let gaps = 0;
  for (const ch of q) {
    const next = text.indexOf(ch, pos + 1);
    if (next < 0) return null;
    gaps += next - pos - 1;
    pos = next;
  }
  return gaps;
}
