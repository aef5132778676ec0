// Reads generated unit text back into (line, section, key, value) records, for hovers,
// provenance lookups and the set view of long option lists. Mirrors the serializer's
// grammar: "[Section]" headers, "Key=Value" lines, blank separators.

export interface UnitLine {
  /** 1-based line number. */
  line: number;
  section: string;
  key: string;
  value: string;
}

export interface ParsedUnit {
  lines: UnitLine[];
  /** line number → section header name, for header lines. */
  headers: Map<number, string>;
}

export function parseUnit(text: string): ParsedUnit {
  const lines: UnitLine[] = [];
  const headers = new Map<number, string>();
  let section = '';
  const raw = text.split('\n');
  for (let i = 0; i < raw.length; i++) {
    const line = raw[i];
    if (line.startsWith('[') && line.endsWith(']')) {
      section = line.slice(1, -1);
      headers.set(i + 1, section);
      continue;
    }
    const eq = line.indexOf('=');
    if (eq > 0 && /^[A-Za-z0-9_.-]+$/.test(line.slice(0, eq))) {
      lines.push({ line: i + 1, section, key: line.slice(0, eq), value: line.slice(eq + 1) });
    }
  }
  return { lines, headers };
}

/** The key=value record on a given line, if that line holds one. */
export function unitLineAt(parsed: ParsedUnit, line: number): UnitLine | undefined {
  // Lines are sorted; binary search keeps hovers cheap on 400-line units.
  let lo = 0;
  let hi = parsed.lines.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = parsed.lines[mid].line;
    if (at === line) return parsed.lines[mid];
    if (at < line) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/** Values of every option, grouped by "Section/Key" in first-appearance order. */
export function optionValues(parsed: ParsedUnit): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const { section, key, value } of parsed.lines) {
    const id = `${section}/${key}`;
    const list = out.get(id);
    if (list) list.push(value);
    else out.set(id, [value]);
  }
  return out;
}

/** Foldable ranges (1-based, inclusive): each section, and runs of ≥ 4 lines of one key. */
export function unitFoldingRanges(text: string): { start: number; end: number }[] {
  const lines = text.split('\n');
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const out: { start: number; end: number }[] = [];
  let sectionStart = -1;
  let runKey = '';
  let runStart = -1;
  const closeRun = (end: number) => {
    if (runStart >= 0 && end - runStart >= 3) out.push({ start: runStart + 1, end: end + 1 });
    runKey = '';
    runStart = -1;
  };
  const closeSection = (end: number) => {
    let last = end;
    while (last > sectionStart && lines[last] === '') last--;
    if (sectionStart >= 0 && last > sectionStart) out.push({ start: sectionStart + 1, end: last + 1 });
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith('[') && line.endsWith(']')) {
      closeRun(i - 1);
      closeSection(i - 1);
      sectionStart = i;
      continue;
    }
    const eq = line.indexOf('=');
    const key = eq > 0 ? line.slice(0, eq) : '';
    if (key && key === runKey) continue;
    closeRun(i - 1);
    if (key) { runKey = key; runStart = i; }
  }
  closeRun(lines.length - 1);
  closeSection(lines.length - 1);
  return out.sort((a, b) => a.start - b.start);
}
