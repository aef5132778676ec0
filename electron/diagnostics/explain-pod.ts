// Findings about the pod as a whole before any app ran: an unfinished preparation, or
// stage1 stopping while it wrote the units.
import fs from 'node:fs';
import path from 'node:path';
import type { Evidence, Finding } from './findings.js';
import type { PodLayout } from './overlay.js';
import type { PodStatus } from './status.js';
import type { AppContext } from './app-context.js';
import type { PeekPod } from './manifest-peek.js';
import { checkAppExec, execFinding, userFinding } from './explain-app.js';
import { DEFAULT_DOCTOR_PROFILE } from './explain-units.js';
import { regenerate } from './regenerate.js';
import { resolveId } from './users.js';
import { DEBUG_OFF_NOTE } from './runtime-config.js';

export function fileEv(p: string, text: string): Evidence {
  return { kind: 'file', path: p, text };
}

/** What a complete preparation leaves; used to tell a failed prepare from a pod not yet run. */
export function missingPreparation(layout: PodLayout, pod: PeekPod | null): Evidence[] {
  const root = layout.root;
  const missing: Evidence[] = [];
  const need = (rel: string, what: string) => {
    if (!fs.existsSync(path.join(root, rel))) missing.push(fileEv(path.join(root, rel), `missing: ${what}`));
  };
  need('pod', 'the pod manifest');
  need('stage1/manifest', "the stage1 image's manifest");
  need('stage1TreeStoreID', "the stage1 image's tree store ID");
  if (layout.overlay.enabled) {
    for (const a of pod?.apps ?? []) need(`appsinfo/${a.name}/treeStoreID`, `the rendered image of app ${a.name}`);
  } else {
    need('stage1/rootfs', "stage1's root file system");
    for (const a of pod?.apps ?? []) need(`stage1/rootfs/opt/stage2/${a.name}/rootfs`, `the root file system of app ${a.name}`);
  }
  return missing;
}

export function prepareFailedFinding(layout: PodLayout, status: PodStatus, missing: Evidence[]): Finding {
  const where = layout.stateDir ? `pods/${layout.stateDir}/${path.basename(layout.root)}` : layout.root;
  const why =
    layout.stateDir === 'prepare'
      ? `The pod is still in ${where} but nobody holds its lock: rkt prepare stopped before finishing ("aborted prepare").`
      : layout.stateDir === 'garbage'
        ? `rkt gc moved the pod to garbage without it ever running, and its preparation is incomplete.`
        : 'The pod was never run and its preparation is incomplete.';
  return {
    code: 'prepare-failed',
    severity: 'error',
    title: 'The pod was never prepared completely: no units were ever written',
    detail: `${why} stage1 never started, so there are no units, no runtime-config and no journal.${missing.length ? ` Missing: ${missing.map((m) => m.text.replace(/^missing: /, '')).join(', ')}.` : ''}`,
    evidence: [
      fileEv(layout.root, `state directory ${layout.stateDir ?? '(not in a data directory)'}, lock ${status.locked === null ? 'unknown' : status.locked ? 'held' : 'free'}`),
      ...missing,
    ],
    nextStep:
      'Run rkt prepare (or rkt run) again with --debug and read its error: image fetch or signature verification, rendering the image into the tree store, or disk space. rkt gc removes the aborted preparation.',
    likelihood: 97,
  };
}

export function generationFailure(layout: PodLayout, apps: AppContext[], pod: PeekPod): Finding[] {
  const out: Finding[] = [];
  // stage1 resolves users and looks up relative programs while it generates; either can stop it.
  for (const a of apps) {
    if (!a.app) continue;
    for (const which of ['user', 'group'] as const) {
      const v = a.app[which];
      if (!v || !a.rootAvailable) continue;
      const r = resolveId(a.root, which, v);
      if (!r.ok) out.push(userFinding(a, which, v, `stage1 stopped writing units: ${r.error}`, r.evidence, 93, false));
    }
    const prog = a.app.exec[0];
    if (prog && !prog.startsWith('/')) {
      const check = checkAppExec(a);
      if (check?.problem?.code === 'exec-binary-missing') {
        const f = execFinding(a, check, 93, false);
        f.detail = `stage1 stopped writing units because it could not find the program: ${check.problem.message}.`;
        out.push(f);
      }
    }
  }
  if (out.length > 0) return out;
  const regen = regenerate(layout, pod.apps, DEFAULT_DOCTOR_PROFILE);
  const err = regen.plan?.error;
  out.push({
    code: 'generate-failed',
    severity: 'error',
    title: 'stage1 started but did not write the units',
    detail: err
      ? `The generator stops on this pod with: ${err.chain.length ? err.chain.join(': ') : err.message}.`
      : `runtime-config exists, so stage1 ran, but the unit directory has none of its units.${regen.unavailable ? ` (${regen.unavailable})` : ''}`,
    evidence: [fileEv(path.join(layout.root, 'runtime-config'), 'present: stage1 started'), ...(err ? [{ kind: 'tool' as const, text: `generator: ${err.message}` }] : [])],
    nextStep: 'Run the pod again with rkt --debug to see stage1\'s own error message.',
    likelihood: err ? 90 : 80,
  });
  return out;
}

export function debugOff(layout: PodLayout): Finding {
  return {
    code: 'debug-off',
    severity: 'info',
    title: "stage1's systemd messages were not recorded (Debug off)",
    detail: DEBUG_OFF_NOTE,
    evidence: [fileEv(path.join(layout.root, 'runtime-config'), '"Debug":false')],
    nextStep: 'Run the pod again with rkt --debug to get systemd\'s account of each app in the journal.',
    likelihood: 12,
  };
}
