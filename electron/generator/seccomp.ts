// generateSeccompFilter: SystemCallFilter= and SystemCallErrorNumber= from the app's seccomp
// isolator, expanding rkt's, docker's, appc's and systemd's wildcard groups.
import type { Provenance } from '../../shared/plan.js';
import type { Isolator } from '../appc/types.js';
import { fail, panicError } from './gen-error.js';
import { getFlavor } from './flavor.js';
import type { GenContext } from './pod.js';
import { ARM_WHITELIST_ADDITIONS, DEFAULT_BLACKLIST, DEFAULT_WHITELIST } from './seccomp-tables.js';
import { fieldSource } from './sources.js';
import { CONSTANT_SOURCES } from './unit-option.js';

export interface SeccompFilter {
  mode: 'whitelist' | 'blacklist';
  syscalls: readonly string[];
  errno: string;
  sources: Provenance[];
}

const SYSTEMD_GROUPS: Record<string, string> = {
  clock: '@clock',
  'default-whitelist': '@default',
  mount: '@mount',
  'network-io': '@network-io',
  obsolete: '@obsolete',
  privileged: '@privileged',
  process: '@process',
  'raw-io': '@raw-io',
};

const ARM_WHITELIST: readonly string[] = [...DEFAULT_WHITELIST, ...ARM_WHITELIST_ADDITIONS];

/** rkt's default whitelist for the architecture rkt was built for (shared, never mutated). */
function rktWhitelist(arch: string): readonly string[] {
  return /^arm/.test(arch) ? ARM_WHITELIST : DEFAULT_WHITELIST;
}

type Expansion = { syscalls: string[]; flag: '' | 'all' | 'empty' };

function expandSet(ctx: GenContext, set: string[], source: Provenance): Expansion {
  const out: string[] = [];
  for (const entry of set) {
    if (entry === '') throw panicError('empty entry in a seccomp set (rkt panics here: index out of range)', source);
    if (!entry.startsWith('@')) {
      out.push(entry);
      continue;
    }
    const slash = entry.indexOf('/');
    if (slash < 0) continue;
    const scope = entry.slice(0, slash);
    const name = entry.slice(slash + 1);
    switch (scope) {
      case '@appc.io':
        if (name === 'all') return { syscalls: [], flag: 'all' };
        if (name === 'empty') return { syscalls: out, flag: 'empty' };
        break;
      case '@docker':
        if (name === 'default-blacklist') out.push(...DEFAULT_BLACKLIST);
        else if (name === 'default-whitelist') out.push(...DEFAULT_WHITELIST);
        break;
      case '@rkt':
        if (name === 'default-blacklist') out.push(...DEFAULT_BLACKLIST);
        else if (name === 'default-whitelist') out.push(...rktWhitelist(ctx.host.arch));
        break;
      case '@systemd': {
        let version = 0;
        try {
          version = getFlavor(ctx.fs, ctx.host).systemdVersion;
        } catch {
          version = 0;
        }
        if (version < 231) throw fail('Unsupported or unknown systemd version, seccomp groups need systemd >= v231', source);
        const group = SYSTEMD_GROUPS[name];
        if (group) out.push(group);
        break;
      }
    }
  }
  return { syscalls: out, flag: '' };
}

/** null when there is no filter at all (`@appc.io/all` in a retain set, or seccomp disabled by the caller). */
export function generateSeccompFilter(ctx: GenContext, isolators: Isolator[]): SeccompFilter | null {
  let found: Isolator | null = null;
  for (const iso of isolators) {
    const t = iso.parsed.type;
    if (t !== 'os/linux/seccomp-remove-set' && t !== 'os/linux/seccomp-retain-set') continue;
    if (found) throw fail('too many seccomp isolators specified', fieldSource(iso));
    found = iso;
  }
  if (!found) return { mode: 'whitelist', syscalls: rktWhitelist(ctx.host.arch), errno: '', sources: CONSTANT_SOURCES };
  const parsed = found.parsed as { type: string; value: { set: string[]; errno: string } };
  const source = fieldSource(found, 'value');
  const exp = expandSet(ctx, parsed.value.set, source);
  const errno = parsed.value.errno;
  if (parsed.type === 'os/linux/seccomp-remove-set') {
    if (exp.flag === 'empty') return { mode: 'whitelist', syscalls: rktWhitelist(ctx.host.arch), errno, sources: [source] };
    return { mode: 'blacklist', syscalls: exp.flag === 'all' ? [] : exp.syscalls, errno, sources: [source] };
  }
  if (exp.flag === 'all') return null;
  return { mode: 'whitelist', syscalls: exp.flag === 'empty' ? [] : exp.syscalls, errno, sources: [source] };
}
