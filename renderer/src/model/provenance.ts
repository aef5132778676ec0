// Provenance of generated lines: lookup by line, human-readable labels, and the reverse map
// from a manifest field to the lines it produced.
import type { LineProvenance, Plan, Provenance } from '../../../shared/plan';
import { pointerWithin } from './jsonPointer';

export function provenanceAt(list: LineProvenance[] | undefined, line: number): LineProvenance | undefined {
  if (!list) return undefined;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = list[mid].line;
    if (at === line) return list[mid];
    if (at < line) lo = mid + 1;
    else hi = mid - 1;
  }
  // Not sorted after all? Fall back to a scan.
  return list.find((p) => p.line === line);
}

export function docLabel(doc: { kind: 'pod' } | { kind: 'image'; app: string }): string {
  return doc.kind === 'pod' ? 'pod manifest' : `image manifest of ${doc.app}`;
}

export function describeProvenance(p: Provenance): string {
  switch (p.kind) {
    case 'manifest': return `${docLabel(p.doc)} ${p.pointer || '(whole document)'}`;
    case 'runtime': return `runtime option ${p.option}`;
    case 'host': return `host fact ${p.fact}`;
    case 'profile': return `profile decision ${p.decision}`;
    case 'constant': return 'constant written by rkt';
  }
}

export function provenanceKindLabel(p: Provenance): string {
  switch (p.kind) {
    case 'manifest': return 'Manifest';
    case 'runtime': return 'Runtime option';
    case 'host': return 'Host fact';
    case 'profile': return 'Profile';
    case 'constant': return 'Constant';
  }
}

export interface ProducedLine { path: string; line: number; key?: string; pointer: string }

/**
 * Lines whose manifest source lies at or under `pointer` of the document, or (for fields
 * deeper than an app entry) encloses it, so that a cursor inside `exec` finds the ExecStart line.
 */
export function linesFromField(plan: Plan, doc: { kind: 'pod' } | { kind: 'image'; app: string }, pointer: string, limit = 500): ProducedLine[] {
  const out: ProducedLine[] = [];
  const minDepthForEnclosing = doc.kind === 'pod' ? 3 : 2;
  for (const [path, list] of Object.entries(plan.provenance)) {
    for (const lp of list) {
      for (const src of lp.sources) {
        if (src.kind !== 'manifest') continue;
        if (src.doc.kind !== doc.kind || (doc.kind === 'image' && src.doc.kind === 'image' && src.doc.app !== doc.app)) continue;
        const under = pointerWithin(src.pointer, pointer);
        const encloses = !under && pointerWithin(pointer, src.pointer) && src.pointer.split('/').length - 1 >= minDepthForEnclosing;
        if (under || encloses) {
          out.push({ path, line: lp.line, key: lp.key, pointer: src.pointer });
          if (out.length >= limit) return out;
          break;
        }
      }
    }
  }
  return out;
}
