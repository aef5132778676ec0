// AppUnit: the application's service unit <app>.service (rkt's prepareApp + appSystemdUnit),
// with its env file, sysusers file, socket-activation unit and want-symlink.
import type { Provenance } from '../../shared/plan.js';
import type { App, RuntimeApp } from '../appc/types.js';
import { GenError, fail, toGenError, wrap } from './gen-error.js';
import { getFlavor } from './flavor.js';
import { goQuote } from './goquote.js';
import { clean, join } from './gopath.js';
import { getAppCapabilities } from './capabilities.js';
import { computeAppResources, type AppResources } from './resources.js';
import { generateMounts, convertedFromDocker, type Mount } from './mounts.js';
import { generateSeccompFilter, type SeccompFilter } from './seccomp.js';
import { parseUserGroup } from './usergroup.js';
import { generateSysusers } from './sysusers.js';
import { writeEnvFile, type EnvVarWithSource } from './envfile.js';
import { setupAppIO } from './app-io.js';
import { generateDeviceAllows } from './devices.js';
import { evaluateSymlinksInside } from './symlinks.js';
import { unitNamePathEscape, quoteExec } from './escape.js';
import { PROTECT_KERNEL_HIDDEN_DIRS, PROTECT_KERNEL_HIDDEN_PATHS, PROTECT_KERNEL_RO_PATHS } from './protect-paths.js';
import { UNIT_DIR, relAppRootfs, type GenContext } from './pod.js';
import { execSource, fieldSource, hostFact, runtimeOption } from './sources.js';
import { CONSTANT, unitOption, unitOptionFrom, type OptionRun, type UnitEntry, type UnitOption } from './unit-option.js';
import type { UnitWriter } from './unit-writer.js';
import { optionRun } from './serialize.js';
import { writeSocketActivationUnit } from './socket-unit.js';

interface PreparedApp {
  ra: RuntimeApp;
  app: App;
  uid: number;
  gid: number;
  idSources: Provenance[];
  env: EnvVarWithSource[];
  capabilities: string[];
  capSources: Provenance[];
  mounts: Mount[];
  resources: AppResources;
  protect: boolean;
  seccomp: SeccompFilter | null;
  noNewPrivileges: boolean;
  nnpSources: Provenance[];
}

export function imageName(ctx: GenContext, app: string): string {
  return ctx.pod.images.get(app)?.name ?? '';
}

function appNoNewPrivileges(app: App): { value: boolean; sources: Provenance[] } {
  const sources: Provenance[] = [];
  let value = false;
  for (const iso of app.isolators) {
    if (iso.parsed.type === 'os/linux/no-new-privileges') {
      sources.push(fieldSource(iso, 'value'));
      if (iso.parsed.value) value = true;
    }
  }
  return { value, sources };
}

function composeEnv(ctx: GenContext, ra: RuntimeApp, app: App): EnvVarWithSource[] {
  const env: EnvVarWithSource[] = app.environment.map((e) => ({ name: e.name, value: e.value, source: fieldSource(e) }));
  const set = (name: string, value: string, source: Provenance) => {
    const existing = env.find((e) => e.name === name);
    if (existing) {
      existing.value = value;
      existing.source = source;
    } else env.push({ name, value, source });
  };
  set('AC_APP_NAME', ra.name, fieldSource(ra, 'name'));
  if (ctx.pod.metadataURL !== '') set('AC_METADATA_URL', ctx.pod.metadataURL, runtimeOption('metadata service URL'));
  return env;
}

function prepareApp(ctx: GenContext, ra: RuntimeApp): PreparedApp {
  const app = ra.app!;
  const nnp = appNoNewPrivileges(app);
  let ids: { uid: bigint; gid: bigint };
  try {
    ids = parseUserGroup(ctx, ra);
  } catch (e) {
    throw wrap("unable to determine app's uid and gid", e);
  }
  const idSources = [fieldSource(app, 'user'), fieldSource(app, 'group')];
  if (ids.uid < 0n || ids.gid < 0n) throw fail('Invalid uid or gid', ids.uid < 0n ? idSources[0] : idSources[1]);
  const uid = Number(BigInt.asUintN(32, ids.uid));
  const gid = Number(BigInt.asUintN(32, ids.gid));
  const env = composeEnv(ctx, ra, app);

  let caps;
  try {
    caps = getAppCapabilities(app.isolators);
  } catch (e) {
    throw wrap('unable to construct capabilities', e);
  }
  let mounts: Mount[];
  try {
    mounts = generateMounts(ctx, ra, ctx.pod.manifest.volumes, convertedFromDocker(ctx.pod.images.get(ra.name)));
  } catch (e) {
    throw wrap('unable to compute mounts', e);
  }
  let resources: AppResources;
  try {
    resources = computeAppResources(ctx, app.isolators);
  } catch (e) {
    throw wrap('unable to compute resources', e);
  }
  const insecure = ctx.pod.runtime.InsecureOptions;
  let seccomp: SeccompFilter | null = null;
  let noNewPrivileges = nnp.value;
  const nnpSources = nnp.sources.length ? nnp.sources : [CONSTANT];
  if (!insecure.DisableSeccomp) {
    seccomp = generateSeccompFilter(ctx, app.isolators);
    if (seccomp && uid !== 0) {
      noNewPrivileges = true;
      nnpSources.push(...seccomp.sources, ...idSources);
    }
  }
  try {
    generateSysusers(ctx, ra.name, app, uid, gid, idSources);
  } catch (e) {
    throw wrap('unable to generate sysusers file', e);
  }
  return {
    ra, app, uid, gid, idSources, env,
    capabilities: caps.caps, capSources: caps.sources,
    mounts, resources, protect: !insecure.DisablePaths, seccomp, noNewPrivileges, nnpSources,
  };
}

function supportsNotify(ctx: GenContext, app: string): Provenance | null {
  const im = ctx.pod.images.get(app);
  const a = im?.annotations.find((x) => x.name === 'appc.io/executor/supports-systemd-notify');
  if (!a) return null;
  return ['1', 't', 'T', 'TRUE', 'true', 'True'].includes(a.value) ? fieldSource(a, 'value') : null;
}

const filterOptionCache = new WeakMap<readonly string[], Map<string, OptionRun>>();

/** SystemCallFilter= lines, none for an empty filter; shared between apps with the same filter (the options are never mutated). */
function systemCallFilterOptions(sf: SeccompFilter): OptionRun | null {
  if (sf.syscalls.length === 0) return null;
  const prefix = sf.mode === 'blacklist' ? '~' : '';
  let byPrefix = filterOptionCache.get(sf.syscalls);
  if (!byPrefix) filterOptionCache.set(sf.syscalls, (byPrefix = new Map()));
  const key = prefix + '\u0000' + sf.sources.map((s) => JSON.stringify(s)).join();
  let run = byPrefix.get(key);
  if (!run) {
    run = optionRun(sf.syscalls.map((s) => unitOptionFrom('Service', 'SystemCallFilter', prefix + s, sf.sources)));
    byPrefix.set(key, run);
  }
  return run;
}

const cleanedAbsolute = new Map<string, string>();

/** clean('/' + p), remembered: the protected paths are a handful of constants. */
function cleanAbsolute(p: string): string {
  let c = cleanedAbsolute.get(p);
  if (c === undefined) cleanedAbsolute.set(p, (c = clean('/' + p)));
  return c;
}

export function prepareAppInstance(app: string): string {
  return `prepare-app@-${unitNamePathEscape(relAppRootfs(app))}.service`;
}

/** rkt's UnitWriter.AppUnit. */
export function appUnit(uw: UnitWriter, ra: RuntimeApp, binPath: string, binSource: Provenance, callerOpts: UnitOption[]): void {
  const ctx = uw.ctx;
  if (uw.err) return;
  const app = ra.app!;
  if (!app.exec || app.exec.length === 0) {
    uw.fail(fail(`image ${goQuote(imageName(ctx, ra.name))} has an empty "exec" (try --exec=BINARY)`, execSource(app)));
    return;
  }
  let pa: PreparedApp;
  try {
    pa = prepareApp(ctx, ra);
  } catch (e) {
    uw.fail(e);
    return;
  }
  const name = ra.name;
  const img = imageName(ctx, name);
  const imgSrc: Provenance = ctx.pod.images.get(name) ? fieldSource(ctx.pod.images.get(name)!, 'name') : CONSTANT;
  const nameSrc = fieldSource(ra, 'name');
  let opts: UnitEntry[] = [
    ...callerOpts,
    unitOption('Unit', 'Description', `Application=${name} Image=${img}`, nameSrc, imgSrc),
    unitOption('Unit', 'DefaultDependencies', 'false'),
    unitOption('Unit', 'Wants', `reaper-${name}.service`, nameSrc),
    unitOption('Service', 'Restart', 'no'),
    unitOption('Service', 'SyslogIdentifier', name, nameSrc),
  ];
  opts.push(...setupAppIO(uw, ra));
  const notify = supportsNotify(ctx, name);
  if (notify) opts.push(unitOption('Service', 'Type', 'notify', notify));
  opts.push(unitOption('Service', 'TimeoutStartSec', '0'));
  opts.push(unitOption('Unit', 'Requires', 'sysusers.service'));
  opts.push(unitOption('Unit', 'After', 'sysusers.service'));
  const full = appSystemdUnit(uw, pa, binPath, binSource, opts);
  if (!full) return;
  opts = full;
  uw.writeUnit(`${UNIT_DIR}/${name}.service`, 'failed to create service unit file', opts);
  uw.activate(`${name}.service`, `${UNIT_DIR}/default.target.wants/${name}.service`);
}

function appSystemdUnit(uw: UnitWriter, pa: PreparedApp, binPath: string, binSource: Provenance, opts: UnitEntry[]): UnitEntry[] | null {
  const ctx = uw.ctx;
  if (uw.err) return null;
  let flavor: string;
  let version: number;
  try {
    ({ flavor, systemdVersion: version } = getFlavor(ctx.fs, ctx.host));
  } catch (e) {
    uw.fail(wrap('unable to determine stage1 flavor', e));
    return null;
  }
  const { ra, app } = pa;
  const name = ra.name;
  try {
    const prefix = writeEnvFile(ctx, name, pa.env);
    ctx.envPrefixLines[`stage1/rootfs/rkt/env/${name}`] = prefix;
  } catch (e) {
    uw.fail(wrap('unable to write environment file', e));
    return null;
  }
  const flavorSrc = hostFact('stage1 flavor and systemd version');
  const rootfs = relAppRootfs(name);
  const quoting = { escapePercent: ctx.profile.escapePercent };
  const execStart = [binPath, ...app.exec!.slice(1)];
  const wdSrc = app.src.keys.workingDirectory !== undefined ? fieldSource(app, 'workingDirectory') : CONSTANT;
  const prepare = prepareAppInstance(name);
  const nameSrc = fieldSource(ra, 'name');
  opts.push(
    unitOption('Service', 'ExecStart', quoteExec(execStart, quoting), binSource, execSource(app)),
    unitOption('Service', 'RootDirectory', rootfs, nameSrc),
    unitOption('Service', 'WorkingDirectory', app.workingDirectory, wdSrc),
    unitOption('Service', 'EnvironmentFile', `/rkt/env/${name}`, nameSrc),
    unitOption('Service', 'User', String(pa.uid), pa.idSources[0]),
    unitOption('Service', 'Group', String(pa.gid), pa.idSources[1]),
    unitOption('Service', 'PermissionsStartOnly', 'true'),
    unitOption('Unit', 'Requires', prepare, nameSrc),
    unitOption('Unit', 'After', prepare, nameSrc),
  );
  app.supplementaryGIDs.forEach((g, i) => opts.push(unitOption('Service', 'SupplementaryGroups', String(g), fieldSource(app, 'supplementaryGIDs', i))));
  const insecure = ctx.pod.runtime.InsecureOptions;
  if (!insecure.DisableCapabilities) {
    opts.push(unitOption('Service', 'CapabilityBoundingSet', pa.capabilities.join(' '), ...pa.capSources));
  }
  if (pa.seccomp) {
    const sf = pa.seccomp;
    if (sf.errno !== '') opts.push(unitOption('Service', 'SystemCallErrorNumber', sf.errno, ...sf.sources));
    const filter = systemCallFilterOptions(sf);
    if (filter) opts.push(filter);
  }
  opts.push(unitOption('Service', 'NoNewPrivileges', String(pa.noNewPrivileges), ...pa.nnpSources));

  if (ra.readOnlyRootFS) {
    const roSrc = fieldSource(ra, 'readOnlyRootFS');
    for (const m of pa.mounts) {
      let mntPath: string;
      try {
        mntPath = evaluateSymlinksInside(ctx.fs, '', ctx.pod.absRoot, m.path);
      } catch (e) {
        uw.fail(e);
        return null;
      }
      if (!m.readOnly) opts.push(unitOption('Service', 'ReadWriteDirectories', join(rootfs, mntPath), roSrc, ...m.sources));
    }
    opts.push(unitOption('Service', 'ReadOnlyDirectories', rootfs, roSrc));
  }

  if (pa.protect) {
    const protectSrc = [flavorSrc];
    // join(rootfs, p) is rootfs followed by the cleaned p when rootfs is already clean.
    const plainRoot = rootfs !== '/' && clean(rootfs) === rootfs && rootfs.startsWith('/');
    const add = (key: string, paths: readonly string[]) => {
      for (const p of paths) opts.push(unitOptionFrom('Service', key, '-' + (plainRoot && !p.includes('..') ? rootfs + cleanAbsolute(p) : join(rootfs, p)), protectSrc));
    };
    if (version >= 231) {
      add('InaccessiblePaths', PROTECT_KERNEL_HIDDEN_PATHS);
      add('InaccessiblePaths', PROTECT_KERNEL_HIDDEN_DIRS);
      add('ReadOnlyPaths', PROTECT_KERNEL_RO_PATHS);
    } else {
      add('InaccessibleDirectories', PROTECT_KERNEL_HIDDEN_DIRS);
      add('ReadOnlyDirectories', PROTECT_KERNEL_RO_PATHS);
    }
    if (version >= 233) opts.push(unitOption('Service', 'MountAPIVFS', 'false', flavorSrc));
    opts.push(unitOption('Service', 'MountFlags', 'shared'));
  }

  if (pa.protect && flavor !== 'kvm') {
    opts.push(unitOption('Service', 'DevicePolicy', 'closed', flavorSrc));
    try {
      for (const d of generateDeviceAllows(ctx, name, pa.mounts)) opts.push(unitOption('Service', 'DeviceAllow', d.value, ...d.sources));
    } catch (e) {
      uw.fail(e);
      return null;
    }
  }

  for (let i = 0; i < app.eventHandlers.length; i++) {
    const eh = app.eventHandlers[i];
    const key = eh.name === 'pre-start' ? 'ExecStartPre' : eh.name === 'post-stop' ? 'ExecStopPost' : null;
    const src = fieldSource(eh);
    if (!key) {
      uw.fail(fail(`unrecognized eventHandler: ${eh.name}`, src));
      return null;
    }
    if (!eh.exec || eh.exec.length === 0) {
      uw.fail(new GenError('event handler with an empty "exec" (rkt panics here: empty exec)', null, true, src));
      return null;
    }
    opts.push(unitOption('Service', key, quoteExec(eh.exec, quoting), src));
  }

  const r = pa.resources;
  if (r.memoryLimit) opts.push(unitOption('Service', 'MemoryLimit', r.memoryLimit.value, ...r.memoryLimit.sources));
  if (r.cpuQuota) opts.push(unitOption('Service', 'CPUQuota', r.cpuQuota.value, ...r.cpuQuota.sources));
  if (r.cpuShares) opts.push(unitOption('Service', 'CPUShares', r.cpuShares.value, ...r.cpuShares.sources));
  if (r.oomScoreAdjust) opts.push(unitOption('Service', 'OOMScoreAdjust', r.oomScoreAdjust.value, ...r.oomScoreAdjust.sources));

  const saPorts = app.ports.filter((p) => p.socketActivated);
  if (saPorts.length > 0) {
    try {
      writeSocketActivationUnit(ctx, name, imageName(ctx, name), saPorts);
    } catch (e) {
      uw.fail(toGenError(e));
      return null;
    }
    opts.push(unitOption('Unit', 'Requires', `${name}.socket`, ...saPorts.map((p) => fieldSource(p))));
  }
  return opts;
}

