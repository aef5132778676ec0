// One unit option (section, name, value) with the sources it was computed from.
import type { Provenance } from '../../shared/plan.js';

export interface UnitOption {
  section: string;
  name: string;
  value: string;
  sources: Provenance[];
}

export const CONSTANT: Provenance = { kind: 'constant' };

export function unitOption(section: string, name: string, value: string, ...sources: Provenance[]): UnitOption {
  return { section, name, value, sources: sources.length ? sources : [CONSTANT] };
}
