// Just enough of a unit file reader for telling generations apart: options by section and name,
// and the arguments of a quoted exec line.

export interface UnitText {
  /** All values of `name` in `section`, in file order. */
  all(section: string, name: string): string[];
  first(section: string, name: string): string | undefined;
}

export function readUnitText(text: string): UnitText {
  const options: { section: string; name: string; value: string }[] = [];
  let section = '';
  for (const line of text.split('\n')) {
    const header = /^\[(.+)\]$/.exec(line);
    if (header) {
      section = header[1];
      continue;
    }
    const eq = line.indexOf('=');
    if (eq > 0) options.push({ section, name: line.slice(0, eq), value: line.slice(eq + 1) });
  }
  const all = (s: string, n: string) => options.filter((o) => o.section === s && o.name === n).map((o) => o.value);
  return { all, first: (s, n) => all(s, n)[0] };
}

/** The words of an exec line: double-quoted words with backslash escapes kept as written, or bare words. */
export function execWords(line: string): string[] {
  return line.match(/"(?:[^"\\]|\\.)*"|[^\s"]+/g) ?? [];
}

/** A word without its quotes. */
export function unquoted(word: string): string {
  return word.startsWith('"') && word.endsWith('"') && word.length >= 2 ? word.slice(1, -1) : word;
}
