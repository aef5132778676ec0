// Reading systemd unit files as written on disk, keeping line numbers for evidence.

export interface UnitLine {
  section: string;
  key: string;
  value: string;
  /** 1-based line number of the key. */
  line: number;
  raw: string;
}

export interface UnitFile {
  lines: UnitLine[];
  get(section: string, key: string): UnitLine[];
  first(section: string, key: string): UnitLine | null;
}

export function parseUnit(text: string): UnitFile {
  const out: UnitLine[] = [];
  const rows = text.split('\n');
  let section = '';
  for (let i = 0; i < rows.length; i++) {
    let raw = rows[i];
    const lineNo = i + 1;
    const t = raw.trim();
    if (t === '' || t.startsWith('#') || t.startsWith(';')) continue;
    if (t.startsWith('[') && t.endsWith(']')) {
      section = t.slice(1, -1);
      continue;
    }
    // A trailing backslash continues the value on the next line.
    while (raw.endsWith('\\') && i + 1 < rows.length) raw = raw.slice(0, -1) + ' ' + rows[++i];
    const eq = raw.indexOf('=');
    if (eq < 0) continue;
    out.push({ section, key: raw.slice(0, eq).trim(), value: raw.slice(eq + 1).trim(), line: lineNo, raw: rows[lineNo - 1] });
  }
  const get = (s: string, k: string) => out.filter((l) => l.section === s && l.key === k);
  return { lines: out, get, first: (s, k) => get(s, k)[0] ?? null };
}

const ESCAPES: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', s: ' ', '\\': '\\', '"': '"', "'": "'" };

/**
 * Splits an ExecStart= value into words the way systemd does: single and double quotes, C-style
 * escapes, '$$' for '$' and '%%' for '%'. Leading prefixes (@, -, :, +, !) are returned apart.
 */
export function splitExec(value: string): { prefixes: string; argv: string[] } {
  let i = 0;
  let prefixes = '';
  while (i < value.length && '@-:+!'.includes(value[i])) prefixes += value[i++];
  const argv: string[] = [];
  while (i < value.length) {
    while (i < value.length && /\s/.test(value[i])) i++;
    if (i >= value.length) break;
    let word = '';
    let quote: string | null = null;
    for (; i < value.length; i++) {
      const c = value[i];
      if (quote) {
        if (c === quote) {
          quote = null;
          continue;
        }
      } else if (c === '"' || c === "'") {
        quote = c;
        continue;
      } else if (/\s/.test(c)) break;
      if (c === '\\' && i + 1 < value.length) {
        const n = value[++i];
        if (n === 'x' && /^[0-9a-fA-F]{2}$/.test(value.slice(i + 1, i + 3))) {
          word += String.fromCharCode(parseInt(value.slice(i + 1, i + 3), 16));
          i += 2;
        } else if (/[0-7]/.test(n) && /^[0-7]{3}$/.test(value.slice(i, i + 3))) {
          word += String.fromCharCode(parseInt(value.slice(i, i + 3), 8));
          i += 2;
        } else word += ESCAPES[n] ?? n;
        continue;
      }
      if ((c === '$' || c === '%') && value[i + 1] === c) {
        word += c;
        i++;
        continue;
      }
      word += c;
    }
    argv.push(word);
  }
  return { prefixes, argv };
}

export interface AppExec {
  /** The program the app runs, as a path inside the app's root. */
  binary: string;
  args: string[];
  /** The app root as seen from stage1 (RootDirectory=, or the wrapper's first argument). */
  rootDirectory: string | null;
  /** Old stage1s started apps through a wrapper that chrooted itself. */
  wrapper: '/appexec' | '/diagexec' | null;
  line: UnitLine;
}

/** What an app unit starts: handles plain RootDirectory= units and the old exec wrappers. */
export function appExecOf(unit: UnitFile): AppExec | null {
  const line = unit.first('Service', 'ExecStart');
  if (!line) return null;
  const { argv } = splitExec(line.value);
  if (argv.length === 0) return null;
  const w = argv[0];
  if (w === '/appexec' || w === '/diagexec') {
    // <wrapper> <rootfs> <workdir> <envfile> <uid> <gid[,…]> [--] <exec…>
    let rest = argv.slice(6);
    if (rest[0] === '--') rest = rest.slice(1);
    if (rest.length === 0) return null;
    return { binary: rest[0], args: rest.slice(1), rootDirectory: argv[1] ?? null, wrapper: w, line };
  }
  return { binary: argv[0], args: argv.slice(1), rootDirectory: unit.first('Service', 'RootDirectory')?.value ?? null, wrapper: null, line };
}
