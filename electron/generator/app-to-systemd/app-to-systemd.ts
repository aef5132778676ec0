// appToSystemd, rkt's per-app unit generation up to v1.15.0: the env file(s), the service
// unit, its socket unit, the want link, kvm mount units and the reaper, for one app.
import type { RuntimeApp } from '../../appc/types.js';
import { fail, panicError, wrap } from '../gen-error.js';
import { quoteExec } from '../escape.js';
import { base } from '../gopath.js';
import { goQuote } from '../goquote.js';
import type { GenContext } from '../pod.js';
import { writeSocketActivationUnit } from '../socket-unit.js';
import { execSource, fieldSource, hostFact, runtimeOption } from '../sources.js';
import { unitOption, type UnitOption } from '../unit-option.js';
import { composeEnv } from './env-file.js';
import { layerWorded } from './errors.js';
import { systemdExec, wrapperExec } from './exec-model.js';
import { isolatorOptions } from './isolators.js';
import { appMountUnits } from './kvm-mounts.js';
import { appNames, serviceWantPath, unitPath } from './naming.js';
import { writeAppReaper } from './pod-units.js';
import { writeUnitFile } from './unit-file.js';

/** The stage1 flavor and its systemd version, as number (v1.1.0 on) and as text (before). */
export interface Stage1Flavor {
  flavor: string;
  systemdVersion: number;
  versionText: string;
}

/** rkt v0.7.0 linked the app's output to the journal only for these stage1 systemd versions. */
const JOURNAL_LINKING_VERSIONS = new Set(['v219', 'v220', 'master']);

export function journalLinking(ctx: GenContext, stage1: Stage1Flavor): boolean {
  return ctx.profile.journalLinking === 'always' || JOURNAL_LINKING_VERSIONS.has(stage1.versionText);
}

export function appToSystemd(ctx: GenContext, ra: RuntimeApp, stage1: Stage1Flavor, privateUsers: string): void {
  const p = ctx.profile;
  const app = ra.app;
  if (!app) throw panicError('no app section in the pod manifest or the image manifest', fieldSource(ra));
  const img = ctx.pod.images.get(ra.name)?.name ?? '';
  if (!app.exec || app.exec.length === 0) throw fail(`image ${goQuote(img)} has an empty "exec" (try --exec=BINARY)`, execSource(app));
  const names = appNames(p, ra);
  const inputs = { ra, names, workDir: app.workingDirectory || '/', env: composeEnv(ctx, ra, app), privateUsers, flavor: stage1.flavor };
  const exec = p.execWrapper === 'none' ? systemdExec(ctx, inputs) : wrapperExec(ctx, inputs);

  const nameSrc = fieldSource(ra, 'name');
  const opts: UnitOption[] = [
    unitOption('Unit', 'Description', p.description === 'app-name' ? ra.name : `Application=${ra.name} Image=${img}`, nameSrc),
    unitOption('Unit', 'DefaultDependencies', 'false'),
  ];
  if (p.supervision === 'reaper-exit-watcher') {
    opts.push(unitOption('Unit', 'OnFailure', 'reaper.service'), unitOption('Unit', 'Wants', 'exit-watcher.service'));
  } else {
    opts.push(unitOption('Unit', 'Wants', `reaper-${ra.name}.service`, nameSrc));
  }
  opts.push(unitOption('Service', 'Restart', 'no'), ...exec.options);

  if (ctx.pod.runtime.Interactive) {
    const src = runtimeOption('Interactive');
    for (const key of ['StandardInput', 'StandardOutput', 'StandardError']) opts.push(unitOption('Service', key, 'tty', src));
  } else if (journalLinking(ctx, stage1)) {
    const src = hostFact('stage1 systemd version');
    opts.push(unitOption('Service', 'StandardOutput', 'journal+console', src), unitOption('Service', 'StandardError', 'journal+console', src));
    if (p.syslogIdentifier === 'exec-basename') opts.push(unitOption('Service', 'SyslogIdentifier', base(app.exec[0]), execSource(app, 0)));
  }
  if (p.supervision === 'halt-target') opts.push(unitOption('Unit', 'OnFailure', 'halt.target'));

  const quoting = { escapePercent: p.escapePercent, style: p.execQuoting };
  for (const eh of app.eventHandlers) {
    const key = eh.name === 'pre-start' ? 'ExecStartPre' : eh.name === 'post-stop' ? 'ExecStopPost' : null;
    if (!key) throw fail(`unrecognized eventHandler: ${eh.name}`, fieldSource(eh, 'name'));
    const argv = [...exec.handlerPrefix, ...(eh.exec ?? [])];
    if (argv.length === 0) throw panicError('event handler with an empty "exec" (rkt panics here: empty exec)', fieldSource(eh));
    opts.push(unitOption('Service', key, quoteExec(argv, quoting), fieldSource(eh)));
  }
  if (p.supervision === 'halt-target') opts.push(unitOption('Service', 'TimeoutStartSec', '0'));
  opts.push(...isolatorOptions(ctx, app));

  const saPorts = app.ports.filter((port) => port.socketActivated);
  if (saPorts.length > 0) {
    const description = p.description === 'app-name' ? ra.name : `Application=${ra.name} Image=${img}`;
    writeSocketActivationUnit(ctx, ra.name, img, saPorts, { socket: names.socket, service: names.service, description });
    opts.push(unitOption('Unit', 'Requires', names.socket, ...saPorts.map((port) => fieldSource(port))));
  }
  opts.push(unitOption('Unit', 'Requires', names.prepareApp, nameSrc), unitOption('Unit', 'After', names.prepareApp, nameSrc));
  if (p.sysusers) opts.push(unitOption('Unit', 'Requires', 'sysusers.service'), unitOption('Unit', 'After', 'sysusers.service'));

  writeUnitFile(ctx, unitPath(names.service), opts, 'failed to create service unit file');
  try {
    ctx.fs.symlink(`../${names.service}`, serviceWantPath(names.service));
  } catch (e) {
    throw wrap('failed to link service want', e);
  }
  if (p.kvmMountUnits !== 'none' && stage1.flavor === 'kvm') {
    try {
      appMountUnits(ctx, ra);
    } catch (e) {
      throw wrap('failed to prepare mount units', e);
    }
  }
  if (p.appReaper !== 'none') {
    try {
      writeAppReaper(ctx, ra.name, names.rootfs, exec.binPath, exec.binSource);
    } catch (e) {
      const q = goQuote(ra.name);
      throw layerWorded(p, `failed to write app ${q} reaper service`, e, (cause) => `Failed to write app ${q} reaper service: ${cause}\n`);
    }
  }
}
