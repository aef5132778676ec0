// `podunit generate` flags -> ReadOptions for the pod reader.
import fs from 'node:fs';
import type { ReadOptions } from '../pod/read.js';
import { UsageError, type ParsedArgs } from './args.js';

export const GENERATE_SPEC = {
  values: ['uuid', 'runtime-config', 'private-users', 'insecure-options', 'metadata-url', 'app-add', 'host-cgroups', 'host-systemctl-output', 'profile'],
  flags: ['json', 'write', 'force', 'interactive', 'debug', 'mutable', 'as-prepared', 'help'],
};

const INSECURE = ['paths', 'capabilities', 'seccomp', 'all'];

export function readOptionsFromArgs(args: ParsedArgs): ReadOptions {
  const v = (k: string) => args.values.get(k);
  const opts: ReadOptions = { runtime: {}, host: {} };
  const uuid = v('uuid');
  if (uuid !== undefined) {
    if (!/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(uuid)) {
      throw new UsageError(`--uuid ${uuid}: not a UUID (8-4-4-4-12 hex digits)`);
    }
    opts.uuid = uuid.toLowerCase();
  }
  if (v('runtime-config') !== undefined) opts.runtimeConfigFile = v('runtime-config');
  if (args.flags.has('as-prepared')) opts.asPrepared = true;
  if (args.flags.has('interactive')) opts.runtime!.Interactive = true;
  if (args.flags.has('debug')) opts.runtime!.Debug = true;
  if (args.flags.has('mutable')) opts.runtime!.Mutable = true;
  const pu = v('private-users');
  // Passed through as given: a malformed range is rkt's own error (which step reports it depends on the release).
  if (pu !== undefined) opts.runtime!.PrivateUsers = pu;
  const insecure = v('insecure-options');
  if (insecure !== undefined) {
    const names = insecure.split(',').filter(Boolean);
    for (const n of names) if (!INSECURE.includes(n)) throw new UsageError(`--insecure-options: unknown option ${JSON.stringify(n)} (known: ${INSECURE.join(', ')})`);
    const has = (n: string) => names.includes(n) || names.includes('all');
    opts.runtime!.InsecureOptions = { DisablePaths: has('paths'), DisableCapabilities: has('capabilities'), DisableSeccomp: has('seccomp') };
  }
  if (v('metadata-url') !== undefined) opts.metadataURL = v('metadata-url');
  if (v('app-add') !== undefined) opts.appAdd = v('app-add')!.split(',').filter(Boolean);
  const cg = v('host-cgroups');
  if (cg !== undefined) opts.host!.cgroupControllers = cg === 'none' ? [] : cg.split(',').filter(Boolean);
  const sv = v('host-systemctl-output');
  if (sv !== undefined) {
    try {
      opts.host!.systemctlVersionOutput = fs.readFileSync(sv, 'utf8');
    } catch (e) {
      throw new UsageError(`--host-systemctl-output ${sv}: ${(e as Error).message}`);
    }
  }
  return opts;
}
