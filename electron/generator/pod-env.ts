// ImmutableEnv and MutableEnv: the pod-level units (default.target, prepare-app@.service,
// halt.target, shutdown.service) and, for immutable pods, every app's units.
import type { Provenance } from '../../shared/plan.js';
import { GenError, panicError, toGenError, wrap } from './gen-error.js';
import { findBinPath } from './binpath.js';
import { getFlavor } from './flavor.js';
import { appUnit } from './app-unit.js';
import { appReaperUnit } from './reaper.js';
import { UNIT_DIR, type GenContext } from './pod.js';
import { execSource, fieldSource, hostFact } from './sources.js';
import { unitOption, type UnitOption } from './unit-option.js';
import { UnitWriter } from './unit-writer.js';

const PREPARE_APP_EXEC: UnitOption[] = [
  unitOption('Service', 'Type', 'oneshot'),
  unitOption('Service', 'Restart', 'no'),
  unitOption('Service', 'ExecStart', '/prepare-app %I'),
  unitOption('Service', 'User', '0'),
  unitOption('Service', 'Group', '0'),
  unitOption('Service', 'CapabilityBoundingSet', 'CAP_SYS_ADMIN CAP_DAC_OVERRIDE CAP_MKNOD'),
];

function writeShutdownService(uw: UnitWriter, execKey: string, leading: UnitOption[]): void {
  if (uw.err) return;
  let flavor: string;
  let version: number;
  try {
    ({ flavor, systemdVersion: version } = getFlavor(uw.ctx.fs, uw.ctx.host));
  } catch (e) {
    uw.err = wrap('failed to create shutdown service', e);
    return;
  }
  const verb = flavor !== 'coreos' && version !== 0 && version < 227 ? 'halt' : 'exit';
  const flavorSrc = hostFact('stage1 flavor and systemd version');
  uw.writeUnit(`${UNIT_DIR}/shutdown.service`, 'failed to create shutdown service', [
    ...leading,
    unitOption('Service', 'StandardInput', 'null'),
    unitOption('Service', 'StandardOutput', 'null'),
    unitOption('Service', 'StandardError', 'null'),
    unitOption('Service', execKey, `/usr/bin/systemctl --force ${verb}`, flavorSrc),
  ]);
}

function activateJournalFlush(uw: UnitWriter): void {
  uw.activate('systemd-journal-flush.service', `${UNIT_DIR}/default.target.wants/systemd-journal-flush.service`);
}

export function mutableEnv(ctx: GenContext): GenError | null {
  const uw = new UnitWriter(ctx);
  uw.writeUnit(`${UNIT_DIR}/default.target`, 'failed to write default.target', [
    unitOption('Unit', 'Description', 'rkt apps target'),
    unitOption('Unit', 'DefaultDependencies', 'false'),
    unitOption('Unit', 'Requires', 'systemd-journald.service'),
    unitOption('Unit', 'After', 'systemd-journald.service'),
    unitOption('Unit', 'Wants', 'supervisor-ready.service'),
    unitOption('Unit', 'Before', 'supervisor-ready.service'),
    unitOption('Unit', 'Before', 'halt.target'),
    unitOption('Unit', 'Conflicts', 'halt.target'),
  ]);
  uw.writeUnit(`${UNIT_DIR}/prepare-app@.service`, 'failed to write prepare-app service template', [
    unitOption('Unit', 'Description', 'Prepare minimum environment for chrooted applications'),
    unitOption('Unit', 'DefaultDependencies', 'false'),
    unitOption('Unit', 'OnFailureJobMode', 'fail'),
    unitOption('Service', 'RemainAfterExit', 'yes'),
    ...PREPARE_APP_EXEC,
  ]);
  uw.writeUnit(`${UNIT_DIR}/halt.target`, 'failed to write halt target', [
    unitOption('Unit', 'Description', 'Halt'),
    unitOption('Unit', 'DefaultDependencies', 'false'),
    unitOption('Unit', 'AllowIsolate', 'true'),
    unitOption('Unit', 'Requires', 'shutdown.service'),
    unitOption('Unit', 'After', 'shutdown.service'),
  ]);
  writeShutdownService(uw, 'ExecStart', [
    unitOption('Unit', 'Description', 'Pod shutdown'),
    unitOption('Unit', 'AllowIsolate', 'true'),
    unitOption('Unit', 'DefaultDependencies', 'false'),
    unitOption('Service', 'RemainAfterExit', 'yes'),
  ]);
  activateJournalFlush(uw);
  return uw.err;
}

export function immutableEnv(ctx: GenContext): GenError | null {
  const uw = new UnitWriter(ctx);
  const apps = ctx.pod.manifest.apps;
  const target: UnitOption[] = [
    unitOption('Unit', 'Description', 'rkt apps target'),
    unitOption('Unit', 'DefaultDependencies', 'false'),
    unitOption('Unit', 'Wants', 'supervisor-ready.service'),
    unitOption('Unit', 'Before', 'supervisor-ready.service'),
  ];
  for (const ra of apps) {
    const src = fieldSource(ra, 'name');
    target.push(unitOption('Unit', 'After', `${ra.name}.service`, src));
    target.push(unitOption('Unit', 'Wants', `${ra.name}.service`, src));
  }
  uw.writeUnit(`${UNIT_DIR}/default.target`, 'failed to write default.target', target);
  uw.writeUnit(`${UNIT_DIR}/prepare-app@.service`, 'failed to write prepare-app service template', [
    unitOption('Unit', 'Description', 'Prepare minimum environment for chrooted applications'),
    unitOption('Unit', 'DefaultDependencies', 'false'),
    unitOption('Unit', 'OnFailureJobMode', 'fail'),
    unitOption('Unit', 'Requires', 'systemd-journald.service'),
    unitOption('Unit', 'After', 'systemd-journald.service'),
    ...PREPARE_APP_EXEC,
  ]);
  uw.writeUnit(`${UNIT_DIR}/halt.target`, 'failed to write halt target', [
    unitOption('Unit', 'Description', 'Halt'),
    unitOption('Unit', 'DefaultDependencies', 'false'),
    unitOption('Unit', 'AllowIsolate', 'true'),
  ]);
  writeShutdownService(uw, 'ExecStop', [
    unitOption('Unit', 'Description', 'Pod shutdown'),
    unitOption('Unit', 'AllowIsolate', 'true'),
    unitOption('Unit', 'StopWhenUnneeded', 'yes'),
    unitOption('Unit', 'DefaultDependencies', 'false'),
    unitOption('Service', 'RemainAfterExit', 'yes'),
  ]);
  if (uw.err) return uw.err;

  for (const ra of apps) {
    if (!ra.app) return panicError('no app section in the pod manifest or the image manifest', fieldSource(ra));
    if (ra.app.workingDirectory === '') ra.app.workingDirectory = '/';
    let binPath: string;
    try {
      binPath = findBinPath(ctx, ra);
    } catch (e) {
      return toGenError(e);
    }
    const binSource: Provenance = execSource(ra.app, 0);
    appUnit(uw, ra, binPath, binSource, [
      unitOption('Unit', 'After', 'systemd-journald.service'),
      unitOption('Unit', 'OnFailure', 'halt.target'),
    ]);
    appReaperUnit(uw, ra.name, binPath, binSource, [
      unitOption('Service', 'Environment', '"EXIT_POD=true"'),
      unitOption('Unit', 'Wants', 'shutdown.service'),
      unitOption('Unit', 'After', 'shutdown.service'),
    ]);
  }
  activateJournalFlush(uw);
  return uw.err;
}
