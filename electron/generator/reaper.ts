// AppReaperUnit: reaper-<app>.service, which records the app's exit status when it stops.
import type { Provenance } from '../../shared/plan.js';
import { UNIT_DIR, relAppRootfs } from './pod.js';
import { unitOption, type UnitOption } from './unit-option.js';
import type { UnitWriter } from './unit-writer.js';

export function appReaperUnit(uw: UnitWriter, app: string, binPath: string, binSource: Provenance, callerOpts: UnitOption[]): void {
  if (uw.err) return;
  const opts: UnitOption[] = [
    ...callerOpts,
    unitOption('Unit', 'Description', `${app} Reaper`),
    unitOption('Unit', 'DefaultDependencies', 'false'),
    unitOption('Unit', 'StopWhenUnneeded', 'yes'),
    unitOption('Unit', 'Before', 'halt.target'),
    unitOption('Unit', 'Conflicts', 'exit.target'),
    unitOption('Unit', 'Conflicts', 'halt.target'),
    unitOption('Unit', 'Conflicts', 'poweroff.target'),
    unitOption('Service', 'RemainAfterExit', 'yes'),
    // rkt formats these three values with plain "%s": no escaping at all.
    unitOption('Service', 'ExecStop', `/reaper.sh "${app}" "${relAppRootfs(app)}" "${binPath}"`, binSource),
  ];
  uw.writeUnit(`${UNIT_DIR}/reaper-${app}.service`, `failed to write app "${app}" reaper service`, opts);
}
