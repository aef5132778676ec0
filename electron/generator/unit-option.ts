// One unit option (section, name, value) with the sources it was computed from.
import type { Provenance } from '../../shared/plan.js';

export interface UnitOption {
  section: string;
  name: string;
  value: string;
  sources: Provenance[];
}

/**
 * Options that many units list together, all in one section, such as a seccomp filter's
 * SystemCallFilter= lines: one entry in a unit's option list, its text built once.
 */
export interface OptionRun {
  readonly section: string;
  readonly options: readonly UnitOption[];
  readonly text: string;
}

/** What a unit's option list holds. */
export type UnitEntry = UnitOption | OptionRun;

export const CONSTANT: Provenance = { kind: 'constant' };

/** The sources of anything constant: one frozen list shared by every such option and line. */
export const CONSTANT_SOURCES: Provenance[] = Object.freeze([CONSTANT]) as Provenance[];

/** Constant options, one object each: options are never changed once made, and big pods repeat them thousands of times. */
const constants = new Map<string, Map<string, Map<string, UnitOption>>>();

function constantOption(section: string, name: string, value: string): UnitOption {
  let byName = constants.get(section);
  if (!byName) constants.set(section, (byName = new Map()));
  let byValue = byName.get(name);
  if (!byValue) byName.set(name, (byValue = new Map()));
  let o = byValue.get(value);
  if (!o) {
    o = { section, name, value, sources: CONSTANT_SOURCES };
    // Values computed from the pod (names, paths) are not worth keeping for later pods.
    if (byValue.size < 64) byValue.set(value, o);
  }
  return o;
}

export function unitOption(section: string, name: string, value: string, ...sources: Provenance[]): UnitOption {
  return sources.length ? { section, name, value, sources } : constantOption(section, name, value);
}

/** Like unitOption, sharing one sources array among many options (long generated lists). */
export function unitOptionFrom(section: string, name: string, value: string, sources: Provenance[]): UnitOption {
  return { section, name, value, sources };
}
