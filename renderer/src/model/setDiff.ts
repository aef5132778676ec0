// "What changed as a set" for long option lists (SystemCallFilter, ReadOnlyPaths, the
// space-joined CapabilityBoundingSet …), where a line diff shows a wall of moved lines.
import { optionValues, parseUnit } from './unitText.js';

/** Options written as one space-joined value that is really a set. */
const SPACE_JOINED = new Set(['CapabilityBoundingSet']);
/** A repeated option with at least this many values on either side gets a set view. */
const MIN_LIST = 3;

export interface OptionSetChange {
  section: string;
  key: string;
  added: string[];
  removed: string[];
  /** Same members, different order or multiplicity. */
  reordered: boolean;
  before: number;
  after: number;
}

function members(key: string, values: string[]): string[] {
  if (SPACE_JOINED.has(key)) return values.flatMap((v) => v.split(' ').filter(Boolean));
  return values;
}

function diffMembers(before: string[], after: string[]): { added: string[]; removed: string[] } {
  const b = new Set(before);
  const a = new Set(after);
  return {
    added: [...a].filter((x) => !b.has(x)),
    removed: [...b].filter((x) => !a.has(x)),
  };
}

export function optionSetChanges(beforeText: string, afterText: string): OptionSetChange[] {
  const before = optionValues(parseUnit(beforeText));
  const after = optionValues(parseUnit(afterText));
  const ids = new Set([...before.keys(), ...after.keys()]);
  const out: OptionSetChange[] = [];
  for (const id of ids) {
    const slash = id.indexOf('/');
    const section = id.slice(0, slash);
    const key = id.slice(slash + 1);
    const b = members(key, before.get(id) ?? []);
    const a = members(key, after.get(id) ?? []);
    const isList = SPACE_JOINED.has(key) || Math.max(b.length, a.length) >= MIN_LIST;
    if (!isList) continue;
    const same = a.length === b.length && a.every((x, i) => x === b[i]);
    if (same) continue;
    const { added, removed } = diffMembers(b, a);
    out.push({ section, key, added, removed, reordered: added.length === 0 && removed.length === 0, before: b.length, after: a.length });
  }
  return out;
}

/** One line per change, e.g. "SystemCallFilter: +2 −1 (…)" for the summary above the diff. */
export function describeSetChange(change: OptionSetChange, limit = 8): string {
  const show = (prefix: string, xs: string[]) =>
    xs.length === 0 ? '' : xs.slice(0, limit).map((x) => prefix + x).join(' ') + (xs.length > limit ? ` … (${xs.length - limit} more)` : '');
  if (change.reordered) return `${change.key}: same ${change.after} entries, order or repeats changed`;
  return [`${change.key}:`, show('+', change.added), show('−', change.removed)].filter(Boolean).join(' ');
}
