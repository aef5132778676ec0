// One unit option (section, name, value) with the sources it was computed from.
import type { Provenance } from '../../shared/plan.js';

export interface UnitOption {
  section: string;
  name: string;
  value: string;
  sources: Provenance[];
}

export const CONSTANT: Provenance = { kind: 'constant' };

const CONSTANT_SOURCES: Provenance[] = [CONSTANT];

export function unitOption(section: string, name: string, value: string, ...sources: Provenance[]): UnitOption {
  return { section, name, value, sources: sources.length ? sources : CONSTANT_SOURCES };
}

/** Like unitOption, sharing one sources array among many options (long generated lists). */
export function unitOptionFrom(section: string, name: string, value: string, sources: Provenance[]): UnitOption {
  return { section, name, value, sources };
}
