// How the app is started, the part of appToSystemd that changed most: up to v1.4.0 systemd
// runs a wrapper as root that drops to the app's ids inside its rootfs (so only numbers reach
// the unit); from v1.5.0 systemd itself does that (RootDirectory=, User=, sysusers files).
// Both write the env file(s) and resolve the ids first; both return the ExecStart= block.
import type { Provenance } from '../../../shared/plan.js';
import type { RuntimeApp } from '../../appc/types.js';
import type { EnvVarWithSource } from '../envfile.js';
import { findBinPath } from '../binpath.js';
import { wrap } from '../gen-error.js';
import { join } from '../gopath.js';
import { quoteExec } from '../escape.js';
import { PROTECT_KERNEL_HIDDEN_DIRS, PROTECT_KERNEL_RO_PATHS } from '../protect-paths.js';
import type { GenContext, UidRange } from '../pod.js';
import { execSource, fieldSource, hostFact } from '../sources.js';
import { generateSysusers } from '../sysusers.js';
import { parseUidRange } from '../uid-range.js';
import { parseUserGroup } from '../usergroup.js';
import { CONSTANT, unitOption, type UnitOption } from '../unit-option.js';
import { capabilityBoundingSet } from './capabilities.js';
import { writeEnvFile } from './env-file.js';
import { generateMounts, isMountReadOnly, podVolumes } from './mounts.js';
import type { AppNames } from './naming.js';
import { evaluateAppPath } from './symlinks.js';
import { etcOrPathUserGroup, numericUserGroup, type Ids } from './users.js';

export interface AppExec {
  /** Options from ExecStart= on, in the release's order. */
  options: UnitOption[];
  /** What event handlers are prefixed with (the wrapper and its arguments). */
  handlerPrefix: string[];
  /** The binary as the reaper names it. */
  binPath: string;
  binSource: Provenance;
}

export interface ExecInputs {
  ra: RuntimeApp;
  names: AppNames;
  workDir: string;
  env: EnvVarWithSource[];
  /** stage1's --private-users flag. */
  privateUsers: string;
  flavor: string;
}

const idSources = (ra: RuntimeApp): Provenance[] => [fieldSource(ra.app!, 'user'), fieldSource(ra.app!, 'group')];

function useUidRange(ctx: GenContext, text: string): UidRange {
  ctx.pod.uidRange = parseUidRange(text);
  return ctx.pod.uidRange;
}

/** /diagexec or /appexec <rootfs> <workdir> <envfile> <uid> <gid[,supplementary…]> [--] <exec…>, run as root. */
export function wrapperExec(ctx: GenContext, x: ExecInputs): AppExec {
  const p = ctx.profile;
  const app = x.ra.app!;
  try {
    if (p.privateUsers) useUidRange(ctx, x.privateUsers);
    writeEnvFile(ctx, x.env, x.names.envFile, '\0');
  } catch (e) {
    throw wrap('unable to write environment file', e);
  }
  const ids = p.users === 'numeric-only' ? numericUserGroup(app.user, app.group) : etcOrPathUserGroup(ctx, x.ra, x.names.podRootfs, false, ctx.pod.uidRange);
  const gidArg = p.execWrapper === 'diagexec' ? String(ids.gid) : [ids.gid, ...app.supplementaryGIDs].join(',');
  const wrapper = [
    p.execWrapper === 'diagexec' ? '/diagexec' : '/appexec',
    x.names.rootfs, x.workDir, x.names.envFile, String(ids.uid), gidArg,
    ...(p.execWrapper === 'appexec-dashdash' ? ['--'] : []),
  ];
  const quoting = { escapePercent: p.escapePercent, style: p.execQuoting };
  const options = [
    unitOption('Service', 'ExecStart', quoteExec([...wrapper, ...app.exec!], quoting), execSource(app), ...idSources(x.ra)),
    unitOption('Service', 'User', '0'),
    unitOption('Service', 'Group', '0'),
  ];
  const bounding = capabilityBoundingSet(p, app, x.flavor);
  if (bounding !== null) options.push(unitOption('Service', 'CapabilityBoundingSet', bounding, hostFact('stage1 flavor')));
  return { options, handlerPrefix: wrapper, binPath: app.exec![0], binSource: execSource(app, 0) };
}

function resolveIds(ctx: GenContext, ra: RuntimeApp, x: ExecInputs): Ids {
  if (ctx.profile.users === 'root-etc-or-path') return etcOrPathUserGroup(ctx, ra, x.names.podRootfs, true, ctx.pod.uidRange);
  return parseUserGroup(ctx, ra);
}

/** ExecStart=<binary> <args…> with RootDirectory=, User=, Group= and friends (v1.5.0 on). */
export function systemdExec(ctx: GenContext, x: ExecInputs): AppExec {
  const p = ctx.profile;
  const { ra, names } = x;
  const app = ra.app!;
  useUidRange(ctx, x.privateUsers);
  const twin = p.envFile === 'nul-and-systemd-twin';
  const systemdEnvFile = twin ? `${names.envFile}-systemd` : names.envFile;
  try {
    writeEnvFile(ctx, x.env, systemdEnvFile, '\n');
  } catch (e) {
    throw wrap('unable to write environment file for systemd', e);
  }
  if (twin) {
    try {
      writeEnvFile(ctx, x.env, names.envFile, '\0');
    } catch (e) {
      throw wrap('unable to write environment file for enterexec', e);
    }
  }
  const ids = resolveIds(ctx, ra, x);
  const uid = Number(ids.uid);
  const gid = Number(ids.gid);
  try {
    generateSysusers(ctx, ra.name, app, uid, gid, idSources(ra));
  } catch (e) {
    throw wrap('unable to generate sysusers', e);
  }
  const binPath = findBinPath(ctx, ra, x.workDir);
  const binSource = execSource(app, 0);
  const bounding = capabilityBoundingSet(p, app, x.flavor);
  const noNewPrivileges = app.isolators.some((i) => i.parsed.type === 'os/linux/no-new-privileges' && i.parsed.value);
  const nameSrc = fieldSource(ra, 'name');
  const quoting = { escapePercent: p.escapePercent, style: p.execQuoting };
  const directories = p.protection === 'directories';

  const options = [
    unitOption('Service', 'ExecStart', quoteExec([binPath, ...app.exec!.slice(1)], quoting), binSource, execSource(app)),
    unitOption('Service', 'RootDirectory', names.rootfs, nameSrc),
  ];
  if (directories) options.push(unitOption('Service', 'MountFlags', 'shared'));
  options.push(
    unitOption('Service', 'WorkingDirectory', x.workDir, app.workingDirectory ? fieldSource(app, 'workingDirectory') : CONSTANT),
    unitOption('Service', 'EnvironmentFile', systemdEnvFile, nameSrc),
    unitOption('Service', 'User', String(ids.uid), fieldSource(app, 'user')),
    unitOption('Service', 'Group', String(ids.gid), fieldSource(app, 'group')),
    unitOption('Service', 'SupplementaryGroups', app.supplementaryGIDs.join(' '), fieldSource(app, 'supplementaryGIDs')),
    unitOption('Service', 'CapabilityBoundingSet', bounding ?? '', fieldSource(app, 'isolators')),
  );
  if (p.noNewPrivileges) options.push(unitOption('Service', 'NoNewPrivileges', String(noNewPrivileges), fieldSource(app, 'isolators')));
  if (p.syslogIdentifier === 'app-name') options.push(unitOption('Service', 'SyslogIdentifier', ra.name, nameSrc));
  if (directories) options.push(...protectedDirectories(ctx, x));
  return { options, handlerPrefix: [], binPath, binSource };
}

/** protectSystemFiles, then the read-only rootfs and the writable mounts (v1.6.0 – v1.11.0 shape). */
function protectedDirectories(ctx: GenContext, x: ExecInputs): UnitOption[] {
  const { ra, names } = x;
  const opts: UnitOption[] = [];
  const rel = (path: string) => '-' + join(names.rootfs, path);
  for (const d of PROTECT_KERNEL_HIDDEN_DIRS) opts.push(unitOption('Service', 'InaccessibleDirectories', rel(d)));
  for (const d of PROTECT_KERNEL_RO_PATHS) opts.push(unitOption('Service', 'ReadOnlyDirectories', rel(d)));
  if (ra.readOnlyRootFS) opts.push(unitOption('Service', 'ReadOnlyDirectories', names.rootfs, fieldSource(ra, 'readOnlyRootFS')));

  const vols = podVolumes(ctx);
  const rootAbs = join(ctx.pod.absRoot, names.podRootfs);
  const writable: string[] = [];
  const sources: Provenance[] = [];
  for (const m of generateMounts(ctx, ra, vols)) {
    const target = evaluateAppPath(ctx.fs, names.podRootfs, rootAbs, m.path);
    if (isMountReadOnly(vols.get(m.volume), ra.app!.mountPoints)) continue;
    writable.push(join(names.rootfs, target));
    sources.push(...m.sources);
  }
  opts.push(unitOption('Service', 'ReadWriteDirectories', writable.join(' '), ...sources));
  return opts;
}
