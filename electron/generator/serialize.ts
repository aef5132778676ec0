// go-systemd's unit.Serialize: options grouped by section in order of first appearance,
// 'Name=Value' lines written verbatim, one blank line between sections, nothing for an empty list.
// The go-systemd that rkt v0.7.0 vendored ended every section with a blank line instead (and
// wrote the sections in Go map order, which the first-appearance order stands in for).
// Line provenance is kept beside the bytes, computed on first use; it never changes the bytes.
import type { LineProvenance } from '../../shared/plan.js';
import type { Profile } from './profile.js';
import type { UnitOption } from './unit-option.js';

export interface SerializedUnit {
  content: string;
  /** Line provenance, computed on first use (most generated lines are never inspected). */
  readonly lines: LineProvenance[];
}

type Layout = Profile['unitLayout'];

function groupBySection(options: UnitOption[]): Map<string, UnitOption[]> {
  const sections = new Map<string, UnitOption[]>();
  for (const o of options) {
    const list = sections.get(o.section);
    if (list) list.push(o);
    else sections.set(o.section, [o]);
  }
  return sections;
}

interface Run {
  options: readonly UnitOption[];
  text: string;
}

/** Serialized text of option lists shared by many units, keyed by their first option. */
const runs = new WeakMap<UnitOption, Run>();

/**
 * Marks a list of options (one section, never mutated) that many units include as a whole,
 * such as a seccomp filter's SystemCallFilter= lines: its text is built once.
 */
export function sharedOptionRun(options: readonly UnitOption[]): readonly UnitOption[] {
  if (options.length > 0 && !runs.has(options[0])) {
    let text = '';
    for (const o of options) text += o.name + '=' + o.value + '\n';
    runs.set(options[0], { options, text: flat(text) });
  }
  return options;
}

/** A flat copy of a string built by concatenation. */
function flat(s: string): string {
  return [s].join('');
}

function runAt(opts: UnitOption[], i: number): Run | null {
  const run = runs.get(opts[i]);
  if (!run || i + run.options.length > opts.length) return null;
  for (let k = 1; k < run.options.length; k++) if (opts[i + k] !== run.options[k]) return null;
  return run;
}

/** Section names in order of first appearance. */
function sectionOrder(options: UnitOption[]): string[] {
  const order: string[] = [];
  let last: string | null = null;
  for (const o of options) {
    if (o.section === last) continue;
    last = o.section;
    if (!order.includes(last)) order.push(last);
  }
  return order;
}

export function serializeUnit(options: UnitOption[], layout: Layout = 'blank-between-sections'): SerializedUnit {
  const blankAfterEach = layout === 'blank-after-every-section';
  const parts: string[] = [];
  // A shared run's text is appended as it is, not copied: big pods repeat it in every unit.
  let content = '';
  let first = true;
  // Units have two or three sections: a pass over the options per section copies nothing.
  for (const section of sectionOrder(options)) {
    parts.push(first || blankAfterEach ? '[' : '\n[', section, ']\n');
    first = false;
    for (let i = 0; i < options.length; i++) {
      const o = options[i];
      if (o.section !== section) continue;
      const run = runAt(options, i);
      if (run) {
        content += parts.join('') + run.text;
        parts.length = 0;
        i += run.options.length - 1;
        continue;
      }
      parts.push(o.name, '=', o.value, '\n');
    }
    if (blankAfterEach) parts.push('\n');
  }
  content += parts.join('');
  let lines: LineProvenance[] | undefined;
  // Only the option list is kept for later: the grouping is cheap to redo and short-lived.
  return {
    content,
    get lines() {
      return (lines ??= lineProvenance(groupBySection(options), blankAfterEach));
    },
  };
}

function lineProvenance(sections: Map<string, UnitOption[]>, blankAfterEach: boolean): LineProvenance[] {
  const lines: LineProvenance[] = [];
  let line = 1;
  let first = true;
  for (const opts of sections.values()) {
    line += first || blankAfterEach ? 1 : 2;
    first = false;
    for (const o of opts) {
      lines.push({ line, key: o.name, sources: o.sources });
      line += o.value.includes('\n') ? 1 + countNewlines(o.value) : 1;
    }
    if (blankAfterEach) line++;
  }
  return lines;
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}
