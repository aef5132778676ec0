// `rkt app add` for a mutable pod: reload the pod from its absolute root with the saved
// runtime-config, then write one app's service and reaper units.
import type { Provenance } from '../../shared/plan.js';
import type { RuntimePod } from '../../shared/runtime.js';
import { GenError, panicError, wrap } from './gen-error.js';
import { goQuote } from './goquote.js';
import { findBinPath } from './binpath.js';
import { appUnit } from './app-unit.js';
import { appReaperUnit } from './reaper.js';
import { loadPod } from './load.js';
import type { GenContext } from './pod.js';
import type { PodSnapshot } from './snapshot.js';
import { execSource, fieldSource } from './sources.js';
import { unitOption } from './unit-option.js';
import { UnitWriter } from './unit-writer.js';

export function appAdd(ctx: GenContext, snapshot: PodSnapshot, name: string, saved: RuntimePod): GenError | null {
  try {
    ctx.pod = loadPod(snapshot, ctx.fs, snapshot.root, saved);
  } catch (e) {
    return wrap('failed to load pod', e);
  }
  const ra = ctx.pod.manifest.apps.find((a) => a.name === name);
  if (!ra) return new GenError(`failed to find app ${goQuote(name)}`);
  if (!ra.app) return panicError('no app section in the pod manifest or the image manifest', fieldSource(ra));
  let binPath: string;
  try {
    binPath = findBinPath(ctx, ra);
  } catch (e) {
    return wrap('failed to find bin path', e);
  }
  if (ra.app.workingDirectory === '') ra.app.workingDirectory = '/';
  const binSource: Provenance = execSource(ra.app, 0);
  const uw = new UnitWriter(ctx);
  appUnit(uw, ra, binPath, binSource, [unitOption('Unit', 'Before', 'halt.target'), unitOption('Unit', 'Conflicts', 'halt.target')]);
  appReaperUnit(uw, ra.name, binPath, binSource, []);
  return uw.err ? wrap('error generating app units', uw.err) : null;
}
