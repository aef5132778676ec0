// A small command-line parser: `--flag`, `--opt value`, `--opt=value`, positionals.
export class UsageError extends Error {}

export interface ArgSpec {
  /** Options that take a value. */
  values: string[];
  /** Options that are switches. */
  flags: string[];
}

export interface ParsedArgs {
  positionals: string[];
  values: Map<string, string>;
  flags: Set<string>;
}

export function parseArgs(argv: string[], spec: ArgSpec): ParsedArgs {
  const out: ParsedArgs = { positionals: [], values: new Map(), flags: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      out.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith('--') || a === '-') {
      if (a.startsWith('-') && a !== '-' && a !== '-h') throw new UsageError(`unknown option ${a}`);
      if (a === '-h') out.flags.add('help');
      else out.positionals.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = a.slice(2, eq < 0 ? undefined : eq);
    if (spec.flags.includes(name)) {
      if (eq >= 0) throw new UsageError(`option --${name} takes no value`);
      out.flags.add(name);
    } else if (spec.values.includes(name)) {
      const v = eq >= 0 ? a.slice(eq + 1) : argv[++i];
      if (v === undefined) throw new UsageError(`option --${name} needs a value`);
      out.values.set(name, v);
    } else {
      throw new UsageError(`unknown option --${name}`);
    }
  }
  return out;
}
