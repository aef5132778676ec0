// go-systemd's unit.Serialize: options grouped by section in order of first appearance,
// 'Name=Value' lines written verbatim, one blank line between sections, nothing for an empty list.
// Line provenance is computed alongside; it never changes the bytes.
import type { LineProvenance } from '../../shared/plan.js';
import type { UnitOption } from './unit-option.js';

export interface SerializedUnit {
  content: string;
  lines: LineProvenance[];
}

export function serializeUnit(options: UnitOption[]): SerializedUnit {
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
  }
  return { content: parts.join(''), lines };
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}
