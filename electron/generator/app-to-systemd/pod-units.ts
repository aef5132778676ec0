// The pod-level units of rkt up to v1.15.0: default.target wanting every app (from v0.8.0),
// the prepare-app@ template, shutdown.service (from v1.1.0) and the per-app reaper (from v0.9.0).
import type { Provenance } from '../../../shared/plan.js';
import { fieldSource, hostFact } from '../sources.js';
import { UNIT_DIR, type GenContext } from '../pod.js';
import { unitOption, type UnitOption } from '../unit-option.js';
import { appNames } from './naming.js';
import { writeUnitFile } from './unit-file.js';

export function writeDefaultTarget(ctx: GenContext): void {
  const opts: UnitOption[] = [
    unitOption('Unit', 'Description', 'rkt apps target'),
    unitOption('Unit', 'DefaultDependencies', 'false'),
  ];
  for (const ra of ctx.pod.manifest.apps) {
    const service = appNames(ctx.profile, ra).service;
    opts.push(unitOption('Unit', 'After', service, fieldSource(ra, 'name')));
    opts.push(unitOption('Unit', 'Wants', service, fieldSource(ra, 'name')));
  }
  writeUnitFile(ctx, `${UNIT_DIR}/default.target`, opts, null, true);
}

/** `journal`: whether prepare-app waits for journald (v0.7.0 only with journal linking). */
export function writePrepareAppTemplate(ctx: GenContext, journal: boolean): void {
  const opts: UnitOption[] = [
    unitOption('Unit', 'Description', 'Prepare minimum environment for chrooted applications'),
    unitOption('Unit', 'DefaultDependencies', 'false'),
    unitOption('Unit', 'OnFailureJobMode', 'fail'),
  ];
  if (journal) opts.push(unitOption('Unit', 'Requires', 'systemd-journald.service'), unitOption('Unit', 'After', 'systemd-journald.service'));
  opts.push(
    unitOption('Service', 'Type', 'oneshot'),
    unitOption('Service', 'Restart', 'no'),
    unitOption('Service', 'ExecStart', '/prepare-app %I'),
    unitOption('Service', 'User', '0'),
    unitOption('Service', 'Group', '0'),
    unitOption('Service', 'CapabilityBoundingSet', 'CAP_SYS_ADMIN CAP_DAC_OVERRIDE'),
  );
  writeUnitFile(ctx, `${UNIT_DIR}/prepare-app@.service`, opts, 'failed to create service unit file');
}

/** `halt` when stage1's systemd (other than coreos's) is known and older than v227, which lacks `systemctl exit` as PID 1. */
export function writeShutdownService(ctx: GenContext, flavor: string, systemdVersion: number): void {
  const verb = flavor !== 'coreos' && systemdVersion !== 0 && systemdVersion < 227 ? 'halt' : 'exit';
  writeUnitFile(ctx, `${UNIT_DIR}/shutdown.service`, [
    unitOption('Unit', 'Description', 'Pod shutdown'),
    unitOption('Unit', 'AllowIsolate', 'true'),
    unitOption('Unit', 'StopWhenUnneeded', 'yes'),
    unitOption('Unit', 'DefaultDependencies', 'false'),
    unitOption('Service', 'RemainAfterExit', 'yes'),
    unitOption('Service', 'ExecStop', `/usr/bin/systemctl --force ${verb}`, hostFact('stage1 flavor and systemd version')),
  ], 'failed to create unit file');
}

/** reaper-<app>.service; /reaper.sh gets the app, or (v1.11.0) also its rootfs and binary, unescaped. */
export function writeAppReaper(ctx: GenContext, app: string, rootfs: string, binPath: string, binSource: Provenance): void {
  const stop = ctx.profile.appReaper === 'app' ? `/reaper.sh ${app}` : `/reaper.sh "${app}" "${rootfs}" "${binPath}"`;
  writeUnitFile(ctx, `${UNIT_DIR}/reaper-${app}.service`, [
    unitOption('Unit', 'Description', `${app} Reaper`),
    unitOption('Unit', 'DefaultDependencies', 'false'),
    unitOption('Unit', 'StopWhenUnneeded', 'yes'),
    unitOption('Unit', 'Wants', 'shutdown.service'),
    unitOption('Unit', 'After', 'shutdown.service'),
    unitOption('Unit', 'Conflicts', 'exit.target'),
    unitOption('Unit', 'Conflicts', 'halt.target'),
    unitOption('Unit', 'Conflicts', 'poweroff.target'),
    unitOption('Service', 'RemainAfterExit', 'yes'),
    unitOption('Service', 'ExecStop', stop, binSource),
  ], 'failed to create service unit file');
}
