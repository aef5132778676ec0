// getAppCapabilities: the capability bounding set from the app's capability isolators.
import type { Provenance } from '../../shared/plan.js';
import type { Isolator } from '../appc/types.js';
import { fail } from './gen-error.js';
import { fieldSource } from './sources.js';
import { CONSTANT_SOURCES } from './unit-option.js';

export const DEFAULT_CAPABILITIES: readonly string[] = [
  'CAP_AUDIT_WRITE', 'CAP_CHOWN', 'CAP_DAC_OVERRIDE', 'CAP_FSETID', 'CAP_FOWNER', 'CAP_KILL', 'CAP_MKNOD',
  'CAP_NET_RAW', 'CAP_NET_BIND_SERVICE', 'CAP_SETUID', 'CAP_SETGID', 'CAP_SETPCAP', 'CAP_SETFCAP',
  'CAP_SYS_CHROOT',
];

export interface Capabilities {
  caps: string[];
  sources: Provenance[];
}

export function getAppCapabilities(isolators: Isolator[]): Capabilities {
  const retain: string[] = [];
  const remove: string[] = [];
  const sources: Provenance[] = [];
  for (const iso of isolators) {
    const p = iso.parsed;
    if (p.type === 'os/linux/capabilities-retain-set') {
      retain.push(...p.value.set);
      sources.push(fieldSource(iso, 'value'));
    } else if (p.type === 'os/linux/capabilities-remove-set') {
      remove.push(...p.value.set);
      sources.push(fieldSource(iso, 'value'));
    }
  }
  if (retain.length > 0 && remove.length > 0) {
    throw fail('cannot have both os/linux/capabilities-retain-set and os/linux/capabilities-remove-set', sources[sources.length - 1]);
  }
  if (retain.length > 0) return { caps: retain, sources };
  if (remove.length > 0) {
    const removed = new Set(remove);
    return { caps: DEFAULT_CAPABILITIES.filter((c) => !removed.has(c)), sources };
  }
  return { caps: [...DEFAULT_CAPABILITIES], sources: CONSTANT_SOURCES };
}
