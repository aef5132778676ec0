// go-systemd's unit.Serialize: options grouped by section in order of first appearance,
// 'Name=Value' lines written verbatim, one blank line between sections, nothing for an empty list.
// The go-systemd that rkt v0.7.0 vendored ended every section with a blank line instead (and
// wrote the sections in Go map order, which the first-appearance order stands in for).
// Line provenance is computed alongside; it never changes the bytes.
import type { LineProvenance } from '../../shared/plan.js';
import type { Profile } from './profile.js';
import type { UnitOption } from './unit-option.js';

export interface SerializedUnit {
  content: string;
  lines: LineProvenance[];
}

export function serializeUnit(options: UnitOption[], layout: Profile['unitLayout'] = 'blank-between-sections'): SerializedUnit {
  const sections = new Map<string, UnitOption[]>();
  for (const o of options) {
    const list = sections.get(o.section);
    if (list) list.push(o);
    else sections.set(o.section, [o]);
  }
  const parts: string[] = [];
  const lines: LineProvenance[] = [];
  let line = 1;
  let first = true;
  for (const [section, opts] of sections) {
    if (!first) {
      parts.push('\n');
      line++;
    }
    first = false;
    parts.push('[' + section + ']\n');
    line++;
    for (const o of opts) {
      parts.push(o.name + '=' + o.value + '\n');
      lines.push({ line, key: o.name, sources: o.sources });
      line += o.value.includes('\n') ? 1 + countNewlines(o.value) : 1;
    }
    if (layout === 'blank-after-every-section') {
      parts.push('\n');
      line++;
      first = true;
    }
  }
  return { content: parts.join(''), lines };
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}
