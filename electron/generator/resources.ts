// computeAppResources: MemoryLimit=, CPUQuota=, CPUShares= and OOMScoreAdjust= from isolators.
import type { Provenance } from '../../shared/plan.js';
import type { Isolator, Quantity } from '../appc/types.js';
import { fail, wrap } from './gen-error.js';
import type { GenContext } from './pod.js';
import { fieldSource, hostFact } from './sources.js';

const MAX_MILLI_VALUE = 9223372036854775n;

export interface ResourceValue {
  value: string;
  sources: Provenance[];
}

export interface AppResources {
  memoryLimit?: ResourceValue;
  cpuQuota?: ResourceValue;
  cpuShares?: ResourceValue;
  oomScoreAdjust?: ResourceValue;
}

function uint64(v: bigint): string {
  return BigInt.asUintN(64, v).toString();
}

export function computeAppResources(ctx: GenContext, isolators: Isolator[]): AppResources {
  const res: AppResources = {};
  const supported = (controller: string): boolean => {
    const controllers = ctx.host.cgroupControllers;
    if (controllers === null) {
      throw wrap(`could not check for isolator ${controller}`, fail('cgroup controllers could not be read on this host'));
    }
    if (controllers.includes(controller)) return true;
    ctx.log.push(`warning: resource/${controller} isolator set but support disabled in the kernel, skipping`);
    return false;
  };
  for (const iso of isolators) {
    const p = iso.parsed;
    const src = fieldSource(iso, 'value');
    const host = hostFact('cgroup controllers');
    switch (p.type) {
      case 'resource/memory':
        if (supported('memory') && p.value.limit) {
          res.memoryLimit = { value: uint64(p.value.limit.value), sources: [fieldSource(iso, 'value', 'limit'), host] };
        }
        break;
      case 'resource/cpu':
        if (supported('cpu') && p.value.limit) {
          res.cpuQuota = { value: cpuQuota(p.value.limit, iso) + '%', sources: [fieldSource(iso, 'value', 'limit'), host] };
        }
        break;
      case 'os/linux/cpu-shares':
        if (supported('cpu')) res.cpuShares = { value: uint64(BigInt(p.value)), sources: [src, host] };
        break;
      case 'os/linux/oom-score-adj':
        res.oomScoreAdjust = { value: String(p.value), sources: [src] };
        break;
    }
  }
  return res;
}

function cpuQuota(limit: Quantity, iso: Isolator): string {
  if (limit.value > MAX_MILLI_VALUE) {
    throw fail(`cpu limit exceeds the maximum millivalue: ${limit.canonical}`, fieldSource(iso, 'value', 'limit'));
  }
  return uint64(limit.milliValue / 10n);
}
