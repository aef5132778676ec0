// A plan's path -> line provenance record whose entries may be computed on first read (most
// generated lines are never inspected). It reads like a plain object: indexing, `in`,
// Object.hasOwn, Object.keys/entries and JSON.stringify all see every recorded path, in the
// order recorded. It cannot be structured-cloned: send a plain copy (ipc/provenance.ts).
import type { LineProvenance } from '../../shared/plan.js';

/** Something whose line provenance is computed when `lines` is first read (a serialized unit). */
export interface LinesOnDemand {
  readonly lines: LineProvenance[];
}

type Entry = LineProvenance[] | LinesOnDemand;

function linesOf(entries: Map<string, Entry>, path: string): LineProvenance[] | undefined {
  const e = entries.get(path);
  if (e === undefined || Array.isArray(e)) return e;
  const lines = e.lines;
  entries.set(path, lines);
  return lines;
}

export function lazyProvenanceRecord(): {
  record: Record<string, LineProvenance[]>;
  later: (path: string, unit: LinesOnDemand) => void;
} {
  const entries = new Map<string, Entry>();
  const own = (key: string | symbol): key is string => typeof key === 'string' && entries.has(key);
  const record = new Proxy({} as Record<string, LineProvenance[]>, {
    get: (target, key, receiver) => (own(key) ? linesOf(entries, key) : Reflect.get(target, key, receiver)),
    has: (target, key) => own(key) || Reflect.has(target, key),
    ownKeys: () => [...entries.keys()],
    getOwnPropertyDescriptor: (_target, key) =>
      own(key) ? { value: linesOf(entries, key), writable: true, enumerable: true, configurable: true } : undefined,
    set: (_target, key, value) => {
      if (typeof key !== 'string') return false;
      entries.set(key, value as LineProvenance[]);
      return true;
    },
    defineProperty: (_target, key, desc) => {
      if (typeof key !== 'string' || !('value' in desc)) return false;
      entries.set(key, desc.value as LineProvenance[]);
      return true;
    },
    deleteProperty: (_target, key) => {
      if (typeof key === 'string') entries.delete(key);
      return true;
    },
  });
  return { record, later: (path, unit) => entries.set(path, unit) };
}
