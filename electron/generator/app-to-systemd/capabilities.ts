// Capabilities by release: up to v1.4.0 only the retain sets reach systemd-nspawn (kvm, which
// has no nspawn, got a bounding set in v1.4.0); v1.5.0 bounds the app by its retain sets plus
// the defaults; v1.11.0 computes one set from the defaults and the retain or remove sets.
import type { App } from '../../appc/types.js';
import { DEFAULT_CAPABILITIES, getAppCapabilities } from '../capabilities.js';
import type { Profile } from '../profile.js';

/** What systemd-nspawn grants by default (rkt v1.4.0's list, in its order). */
const NSPAWN_CAPABILITIES: readonly string[] = [
  'CAP_CHOWN', 'CAP_DAC_OVERRIDE', 'CAP_DAC_READ_SEARCH', 'CAP_FOWNER', 'CAP_FSETID', 'CAP_IPC_OWNER', 'CAP_KILL',
  'CAP_LEASE', 'CAP_LINUX_IMMUTABLE', 'CAP_NET_BIND_SERVICE', 'CAP_NET_BROADCAST', 'CAP_NET_RAW', 'CAP_SETGID',
  'CAP_SETFCAP', 'CAP_SETPCAP', 'CAP_SETUID', 'CAP_SYS_ADMIN', 'CAP_SYS_CHROOT', 'CAP_SYS_NICE', 'CAP_SYS_PTRACE',
  'CAP_SYS_TTY_CONFIG', 'CAP_SYS_RESOURCE', 'CAP_SYS_BOOT', 'CAP_AUDIT_WRITE', 'CAP_AUDIT_CONTROL', 'CAP_MKNOD',
];

function retainSets(app: App): string[][] {
  const sets: string[][] = [];
  for (const iso of app.isolators) if (iso.parsed.type === 'os/linux/capabilities-retain-set') sets.push(iso.parsed.value.set);
  return sets;
}

/** The app's --capability= arguments for systemd-nspawn. */
export function nspawnCapabilityArgs(p: Profile, app: App): string[] {
  switch (p.capabilities) {
    case 'nspawn-retain-sets':
      return retainSets(app).map((set) => '--capability=' + set.join(','));
    case 'nspawn-retain-joined':
    case 'bounding-retain-plus-defaults':
      return ['--capability=' + retainSets(app).flat().join(',')];
    case 'retain-or-remove':
      return ['--capability=' + getAppCapabilities(app.isolators).caps.join(',')];
  }
}

/** The service's CapabilityBoundingSet= value, or null when the release writes none. */
export function capabilityBoundingSet(p: Profile, app: App, flavor: string): string | null {
  switch (p.capabilities) {
    case 'nspawn-retain-sets':
      return null;
    case 'nspawn-retain-joined':
      return flavor === 'kvm' ? [...retainSets(app).flat(), ...NSPAWN_CAPABILITIES].join(' ') : null;
    case 'bounding-retain-plus-defaults':
      return [...retainSets(app).flat(), ...DEFAULT_CAPABILITIES].join(' ');
    case 'retain-or-remove':
      return getAppCapabilities(app.isolators).caps.join(' ');
  }
}
