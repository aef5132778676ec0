// The recorded stage1 sequence: load the pod, save runtime-config, write the pod's units,
// compute the systemd-nspawn arguments, then `app add` for mutable pods. Profiles of releases
// before the UnitWriter run their own sequence (app-to-systemd/sequence.ts) in the same frame.
// Pure: it only plans; apply() performs the writes.
import type { Plan, PlanError, PlanEntry } from '../../shared/plan.js';
import { GenError, toGenError } from './gen-error.js';
import { lazyProvenanceRecord } from './lazy-provenance.js';
import { getFlavor, NSPAWN_FLAVORS } from './flavor.js';
import { loadPod } from './load.js';
import { mutableEnv, immutableEnv } from './pod-env.js';
import { podToNspawnArgs } from './nspawn.js';
import { appAdd } from './app-add.js';
import { PlanFs } from './plan-fs.js';
import { join } from './gopath.js';
import { getProfile, AUTO_PROFILE, DEFAULT_PROFILE, type Profile } from './profile.js';
import { detectProfile } from './detect.js';
import { runtimeConfigJson } from './runtime-config.js';
import type { GenContext, Pod } from './pod.js';
import type { PodSnapshot } from './snapshot.js';
import { appToSystemdNspawn, appToSystemdSequence } from './app-to-systemd/sequence.js';

/** The step a generation failed in ('load', 'generate', …) and its error. */
export interface StageFailure {
  stage: string;
  error: unknown;
}

/** The nspawn arguments step for the pod's flavor: null when stage1 runs no systemd-nspawn for it. */
export interface NspawnStep {
  flavor: string;
  run: (() => string[]) | null;
}


export class UnknownProfileError extends Error {}

export function generate(snapshot: PodSnapshot, profileName: string = DEFAULT_PROFILE): Plan {
  const started = performance.now();
  // `auto`: the profile the pod root's files point to (plan.profile names it).
  const profile = getProfile(profileName === AUTO_PROFILE ? detectProfile(snapshot.evidenceFs ?? snapshot.fs).profile : profileName);
  if (!profile) throw new UnknownProfileError(`unknown profile ${JSON.stringify(profileName)}`);
  const fs = new PlanFs(snapshot.fs, snapshot.host.umask);
  const plan = emptyPlan(snapshot, profile);
  const provenance = lazyProvenanceRecord();
  const ctx: GenContext = {
    fs, pod: null as unknown as Pod, host: snapshot.host, profile, log: [],
    provenance: provenance.record, provenanceLater: provenance.later, envPrefixLines: {},
  };
  const finish = (): Plan => {
    plan.entries = annotate(ctx, fs.entries('main'));
    plan.stderr = joinLog(ctx.log);
    plan.warnings.unshift(...fs.notes, ...ctx.log.map(withoutLogPrefix));
    plan.provenance = ctx.provenance;
    plan.elapsedMs = performance.now() - started;
    return plan;
  };

  const appToSystemd = profile.generator === 'app-to-systemd';
  const failure = appToSystemd ? appToSystemdSequence(ctx, snapshot) : unitWriterSequence(ctx, snapshot);
  if (failure) return failAt(plan, failure.stage, failure.error, finish);

  const nspawn = appToSystemd ? appToSystemdNspawn(ctx) : unitWriterNspawn(ctx, snapshot);
  if (nspawn.run) {
    const mainLog = ctx.log;
    ctx.log = [];
    fs.setPhase('nspawn');
    try {
      plan.nspawnArgs = nspawn.run();
    } catch (e) {
      plan.nspawnError = toPlanError(e);
    }
    plan.nspawnEntries = fs.entries('nspawn');
    plan.nspawnStderr = joinLog(ctx.log);
    plan.warnings.push(...ctx.log.map(withoutLogPrefix));
    ctx.log = mainLog;
    fs.setPhase('main');
  } else {
    plan.warnings.push(`no systemd-nspawn arguments: stage1 flavor ${JSON.stringify(nspawn.flavor)} does not run systemd-nspawn`);
  }

  if (!appToSystemd && snapshot.runtime.Mutable) {
    fs.display = (p) => join(snapshot.root, p);
    for (const name of snapshot.appAdd) {
      const e = appAdd(ctx, snapshot, name, snapshot.runtime);
      if (e) return failAt(plan, `app-add:${name}`, e, finish);
    }
  }
  return finish();
}

/** rkt v1.16 on: load the pod, save runtime-config, then ImmutableEnv or MutableEnv. */
function unitWriterSequence(ctx: GenContext, snapshot: PodSnapshot): StageFailure | null {
  try {
    ctx.pod = loadPod(snapshot, ctx.fs, '', snapshot.runtime);
  } catch (e) {
    return { stage: 'load', error: e };
  }
  try {
    ctx.fs.writeFile('runtime-config', runtimeConfigJson(snapshot.runtime), 0o644);
  } catch (e) {
    return { stage: 'save-runtime', error: e };
  }
  ctx.pod.metadataURL = snapshot.metadataURL;
  const err = snapshot.runtime.Mutable ? mutableEnv(ctx) : immutableEnv(ctx);
  return err ? { stage: 'generate', error: err } : null;
}

/** Mutable pods: without the apps `rkt app add` adds later, which do not exist when stage1 starts. */
function unitWriterNspawn(ctx: GenContext, snapshot: PodSnapshot): NspawnStep {
  let flavor = '';
  try {
    flavor = getFlavor(ctx.fs, snapshot.host).flavor;
  } catch {
    flavor = '';
  }
  if (!NSPAWN_FLAVORS.has(flavor)) return { flavor, run: null };
  const added = new Set(snapshot.runtime.Mutable ? snapshot.appAdd : []);
  return { flavor, run: () => podToNspawnArgs(ctx, ctx.pod.manifest.apps.filter((a) => !added.has(a.name))) };
}

function withoutLogPrefix(line: string): string {
  return line.replace(/^(stage1|rkt): /, '');
}

function emptyPlan(snapshot: PodSnapshot, profile: Profile): Plan {
  return {
    profile: profile.name,
    podRoot: snapshot.root,
    error: null,
    errorStage: null,
    entries: [],
    stderr: '',
    nspawnArgs: null,
    nspawnError: null,
    nspawnEntries: null,
    nspawnStderr: '',
    warnings: [],
    provenance: {},
    elapsedMs: 0,
  };
}

function failAt(plan: Plan, stage: string, e: unknown, finish: () => Plan): Plan {
  plan.error = toPlanError(e);
  plan.errorStage = stage;
  if (!stage.startsWith('app-add:')) {
    plan.nspawnArgs = null;
    plan.nspawnEntries = null;
  }
  return finish();
}

export function toPlanError(e: unknown): PlanError {
  const g: GenError = toGenError(e);
  const chain = g.chain;
  return { message: g.message, chain, panic: isPanic(g), source: g.innermostSource };
}

function isPanic(g: GenError): boolean {
  for (let e: GenError | null = g; e; e = e.inner) if (e.panic) return true;
  return false;
}

function joinLog(lines: string[]): string {
  return lines.map((l) => l + '\n').join('');
}

function annotate(ctx: GenContext, entries: PlanEntry[]): PlanEntry[] {
  for (const e of entries) {
    const n = ctx.envPrefixLines[e.path];
    if (n !== undefined && e.kind === 'file') e.unorderedPrefixLines = n;
  }
  return entries;
}
