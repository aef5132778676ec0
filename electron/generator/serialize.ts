// go-systemd's unit.Serialize: options grouped by section in order of first appearance,
// 'Name=Value' lines written verbatim, one blank line between sections, nothing for an empty list.
// The go-systemd that rkt v0.7.0 vendored ended every section with a blank line instead (and
// wrote the sections in Go map order, which the first-appearance order stands in for).
// Line provenance is kept beside the bytes, computed on first use; it never changes the bytes.
import type { LineProvenance, Provenance } from '../../shared/plan.js';
import type { Profile } from './profile.js';
import { CONSTANT_SOURCES, type OptionRun, type UnitEntry, type UnitOption } from './unit-option.js';

/** A unit's bytes, and its line provenance computed on first use (most generated lines are never inspected). */
export class SerializedUnit {
  private computed: LineProvenance[] | null = null;

  constructor(
    readonly content: string,
    private readonly emitted: readonly Emitted[],
  ) {}

  get lines(): LineProvenance[] {
    return (this.computed ??= lineProvenance(this.emitted));
  }
}

type Layout = Profile['unitLayout'];

/** Options many units list together (one section, never mutated): their text is built once. */
export function optionRun(options: readonly UnitOption[]): OptionRun {
  if (options.length === 0) throw new Error('an option run needs options');
  const section = options[0].section;
  if (options.some((o) => o.section !== section)) throw new Error('an option run spans sections');
  let text = '';
  for (const o of options) text += o.name + '=' + o.value + '\n';
  return { section, options, text: flat(text) };
}

/** A flat copy of a string built by concatenation. */
function flat(s: string): string {
  return [s].join('');
}

/** Section names in order of first appearance. */
function sectionOrder(options: readonly UnitEntry[]): string[] {
  const order: string[] = [];
  let last: string | null = null;
  for (const o of options) {
    if (o.section === last) continue;
    last = o.section;
    if (!order.includes(last)) order.push(last);
  }
  return order;
}

// Scratch lists reused by every unit: a unit's text pieces and provenance trail are gathered
// here and copied out at their exact size, so growing them leaves no garbage per unit.
const pieces: string[] = [];
const trail: Emitted[] = [];

export function serializeUnit(options: readonly UnitEntry[], layout: Layout = 'blank-between-sections'): SerializedUnit {
  const blankAfterEach = layout === 'blank-after-every-section';
  let np = 0;
  let nt = 0;
  // A run's text is appended as it is, not copied: big pods repeat it in every unit.
  let content = '';
  let first = true;
  // Units have two or three sections: a pass over the options per section copies nothing.
  for (const section of sectionOrder(options)) {
    pieces[np++] = first || blankAfterEach ? '[' : '\n[';
    pieces[np++] = section;
    pieces[np++] = ']\n';
    trail[nt++] = first || blankAfterEach ? 1 : 2;
    first = false;
    for (let i = 0; i < options.length; i++) {
      const o = options[i];
      if (o.section !== section) continue;
      if ('options' in o) {
        content += joined(np) + o.text;
        np = 0;
        trail[nt++] = o;
        continue;
      }
      pieces[np++] = o.name;
      pieces[np++] = '=';
      pieces[np++] = o.value;
      pieces[np++] = '\n';
      // The option itself is not kept (its value is already in the content): only its
      // name, its sources and how many lines its value takes.
      trail[nt++] = o.name;
      if (o.sources === CONSTANT_SOURCES) trail[nt++] = CONSTANT_SOURCES;
      else for (const src of o.sources) trail[nt++] = src;
      if (o.value.includes('\n')) trail[nt++] = countNewlines(o.value);
    }
    if (blankAfterEach) {
      pieces[np++] = '\n';
      trail[nt++] = 1;
    }
  }
  content += joined(np);
  const emitted = trail.slice(0, nt);
  trail.fill(0, 0, nt);
  return new SerializedUnit(content, emitted);
}

/** The first n pieces joined; the scratch list forgets them. */
function joined(n: number): string {
  const text = pieces.slice(0, n).join('');
  pieces.fill('', 0, n);
  return text;
}

/**
 * In file order: an option's name followed by each of its sources (or the shared constant
 * sources list); an option run; or a number of lines that start no option (section headers,
 * blank lines, the rest of a value that spans lines). Sources lists are rebuilt when asked for,
 * so a unit keeps no array per option.
 */
type Emitted = string | Provenance | readonly Provenance[] | OptionRun | number;

function isProvenance(e: Emitted | undefined): e is Provenance {
  return typeof e === 'object' && 'kind' in e;
}

function lineProvenance(emitted: readonly Emitted[]): LineProvenance[] {
  const lines: LineProvenance[] = [];
  let line = 1;
  for (let i = 0; i < emitted.length; i++) {
    const e = emitted[i];
    if (typeof e === 'number') {
      line += e;
    } else if (typeof e === 'string') {
      let sources: Provenance[];
      if (Array.isArray(emitted[i + 1])) {
        sources = emitted[++i] as Provenance[];
      } else {
        sources = [];
        while (isProvenance(emitted[i + 1])) sources.push(emitted[++i] as Provenance);
      }
      lines.push({ line, key: e, sources });
      line++;
    } else if ('options' in e) {
      for (const o of e.options) {
        lines.push({ line, key: o.name, sources: o.sources });
        line += o.value.includes('\n') ? 1 + countNewlines(o.value) : 1;
      }
    }
  }
  return lines;
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}
