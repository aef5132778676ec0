// MemoryLimit= and CPUQuota= from resource isolators, in isolator order, as rkt's
// cgroup.MaybeAddIsolator wrote them up to v1.18: v0.7.0 passed the quantity's text along
// (memory verbatim, cpu parsed as a whole number of millicores); later releases bytes and
// a percentage of millicores, skipping an isolator without a limit.
import type { App, Isolator, Quantity } from '../../appc/types.js';
import { fail, GenError, panicError } from '../gen-error.js';
import { atoi } from '../goparse.js';
import type { GenContext } from '../pod.js';
import { fieldSource, hostFact } from '../sources.js';
import { unitOption, type UnitOption } from '../unit-option.js';

const MAX_MILLI_VALUE = 9223372036854775n;

/** Go's int64 of Quantity.Value()/MilliValue() (out-of-range amounts come out as 0). */
function int64(v: bigint): bigint {
  return v < -(2n ** 63n) || v > 2n ** 63n - 1n ? 0n : v;
}

function supported(ctx: GenContext, controller: string): boolean {
  const controllers = ctx.host.cgroupControllers;
  if (controllers === null || controllers.includes(controller)) return true;
  ctx.log.push(`warning: resource/${controller} isolator set but support disabled in the kernel, skipping`);
  return false;
}

function quantityText(limit: Quantity | null, iso: Isolator): string {
  if (!limit) throw panicError(`${iso.name} isolator without a limit (rkt v0.7.0 panics here: nil pointer dereference)`, fieldSource(iso, 'value'));
  return limit.canonical;
}

export function isolatorOptions(ctx: GenContext, app: App): UnitOption[] {
  const opts: UnitOption[] = [];
  const asText = ctx.profile.isolatorValues === 'quantity-text';
  for (const iso of app.isolators) {
    const p = iso.parsed;
    if (p.type !== 'resource/memory' && p.type !== 'resource/cpu') continue;
    const controller = p.type === 'resource/memory' ? 'memory' : 'cpu';
    const limit = p.value.limit;
    const sources = [fieldSource(iso, 'value', 'limit'), hostFact('cgroup controllers')];
    if (asText) {
      const text = quantityText(limit, iso);
      if (!supported(ctx, controller)) continue;
      if (controller === 'memory') {
        opts.push(unitOption('Service', 'MemoryLimit', text, ...sources));
      } else {
        const milli = atoi(text);
        if (!milli.ok) throw new GenError(milli.text, null, false, sources[0]);
        opts.push(unitOption('Service', 'CPUQuota', `${milli.value / 10n}%`, ...sources));
      }
      continue;
    }
    if (!limit || !supported(ctx, controller)) continue;
    if (controller === 'memory') {
      opts.push(unitOption('Service', 'MemoryLimit', String(int64(limit.value)), ...sources));
    } else {
      if (int64(limit.value) > MAX_MILLI_VALUE) throw fail(`cpu limit exceeds the maximum millivalue: ${limit.canonical}`, sources[0]);
      opts.push(unitOption('Service', 'CPUQuota', `${int64(limit.milliValue) / 10n}%`, ...sources));
    }
  }
  return opts;
}
