// Findings about the units on disk as a whole: which rkt generation wrote them, and whether
// they still are what the generator makes for this pod's manifests.
import path from 'node:path';
import type { Evidence, Finding } from './findings.js';
import type { AppContext } from './app-context.js';
import type { PodLayout } from './overlay.js';
import type { Stage1Facts } from './stage1-facts.js';
import { detectGeneration, profileForVersion, sameGeneration, type GenerationGuess } from './generation.js';
import { compareWithPlan, type FileDrift } from './drift.js';
import { regenerate, type Regenerated } from './regenerate.js';
import { profileNames } from '../generator/index.js';

export const DEFAULT_DOCTOR_PROFILE = 'rkt-tip';

export interface UnitsVerdict {
  generation: GenerationGuess;
  /** The profile the units were compared with, when they were. */
  comparedWith: string | null;
  drift: FileDrift[];
  findings: Finding[];
  regenerated: Regenerated | null;
}

function profileFinding(guess: GenerationGuess, facts: Stage1Facts, selected: string, label: { profile: string; approximate: boolean } | null, stage1Manifest: string): Finding {
  const detected = guess.profile ?? label!.profile;
  const evidence: Evidence[] = guess.markers.map((m) => ({ ...m.evidence, text: `${m.evidence.text}  — ${m.meaning}` }));
  if (facts.rktVersion) evidence.unshift({ kind: 'file', path: stage1Manifest, text: `stage1 image ${facts.imageName ?? ''} version ${facts.rktVersion}` });
  const approx = guess.profile ? guess.approximate : label!.approximate;
  return {
    code: 'profile-mismatch',
    severity: 'warning',
    title: `The units were written by an older rkt (${guess.releases || `rkt ${facts.rktVersion}`}), not by what profile ${selected} reproduces`,
    detail:
      `The pod's units carry the marks of ${guess.releases || `rkt ${facts.rktVersion}`}` +
      (facts.rktVersion ? ` and its stage1 image says version ${facts.rktVersion}` : '') +
      `. Generating with ${selected} gives different units on purpose, so differences from the generator are expected and are not hand edits. ` +
      (approx
        ? `No profile reproduces that release exactly; ${detected} is the nearest.`
        : `Profile ${detected} reproduces that generation.`),
    evidence,
    nextStep: `Inspect and compare the pod with --profile ${detected}. To get today's units, run the pod with a current stage1 (rkt v1.30.0).`,
    likelihood: 65,
  };
}

function driftEvidence(d: FileDrift, max = 4): Evidence[] {
  if (d.change !== 'changed') return [{ kind: 'file', path: d.hostPath ?? undefined, text: `${d.path}: ${d.summary}` }];
  return d.changes.slice(0, max).map((c) => ({
    kind: 'unit-line' as const,
    path: c.op === '+' ? d.hostPath ?? undefined : undefined,
    line: c.op === '+' ? c.line : undefined,
    text: c.op === '+' ? `on disk: ${c.text}` : `generator (line ${c.line}): ${c.text}`,
  }));
}

export async function unitsVerdict(
  layout: PodLayout,
  apps: AppContext[],
  facts: Stage1Facts,
  selectedProfile: string,
): Promise<UnitsVerdict> {
  const guess = detectGeneration(
    apps
      .filter((a) => a.unit)
      .map((a) => ({ app: a.rt.name, unit: a.unit!, reaper: a.reaper, env: a.env ? { nulSeparated: a.env.nulSeparated, hostPath: a.env.hostPath } : null })),
  );
  const label = facts.rktVersion ? profileForVersion(facts.rktVersion) : null;
  const detected = guess.profile ?? label?.profile ?? null;
  const selected = selectedProfile === 'auto' ? detected ?? DEFAULT_DOCTOR_PROFILE : selectedProfile;
  const findings: Finding[] = [];
  const verdict: UnitsVerdict = { generation: guess, comparedWith: null, drift: [], findings, regenerated: null };

  const mismatch = detected !== null && !sameGeneration(detected, selected);
  if (mismatch) findings.push(profileFinding(guess, facts, selected, label, path.join(layout.root, 'stage1', 'manifest')));
  // Compare with the generation that wrote the units, when the generator has its profile:
  // an older pod can still have been edited by hand.
  const compareProfile = mismatch ? detected! : guess.profile && sameGeneration(guess.profile, selected) ? guess.profile : selected;
  if (mismatch && !profileNames().includes(compareProfile)) return verdict;
  const regen = regenerate(
    layout,
    apps.map((a) => a.rt),
    compareProfile,
  );
  verdict.regenerated = regen;
  if (!regen.plan) {
    findings.push({
      code: 'drift-unchecked',
      severity: 'info',
      title: 'The units on disk were not compared with the generator',
      detail: regen.unavailable ?? 'no plan',
      evidence: [],
      nextStep: 'Nothing to do unless a hand edit is suspected; then compare the units by eye with the manifest.',
      likelihood: 5,
    });
    return verdict;
  }
  verdict.comparedWith = compareProfile;
  const drift = compareWithPlan(layout, regen.plan);
  verdict.drift = drift;
  if (drift.length === 0) return verdict;
  const changed = drift.filter((d) => d.change === 'changed');
  const hostNote =
    changed.some((d) => d.changes.some((c) => /^(MemoryLimit|CPUQuota|CPUShares)=/.test(c.text)))
      ? ' Resource lines depend on the cgroup controllers of the host the pod ran on, which podunit takes from this host: check whether that explains them.'
      : '';
  const genErr = regen.plan.error ? ` (the generator itself stopped with: ${regen.plan.error.message}; files it did not reach are listed as missing)` : '';
  findings.push({
    code: 'unit-drift',
    severity: 'warning',
    title: `${drift.length} generated file${drift.length > 1 ? 's differ' : ' differs'} from what the generator makes for this pod's manifests`,
    detail:
      drift.map((d) => `${d.path}: ${d.summary}`).join('; ') +
      `. Compared with profile ${compareProfile}${genErr}. The pod did not run the units its manifests describe: they were edited by hand after stage1 wrote them, or written by another rkt version.` +
      hostNote,
    evidence: drift.flatMap((d) => driftEvidence(d)),
    nextStep:
      'If the edit was deliberate, move it into the manifests (so the next run keeps it); otherwise regenerate the units from the manifests with podunit and run the pod again.',
    likelihood: 55,
  });
  return verdict;
}
