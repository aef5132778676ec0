// `--profile auto`: which profile reproduces a pod root. The findings on disk (units, env files,
// image directories; see detect/evidence.ts) each fit some profiles; together they leave the
// profiles that write what is there. The stage1 image's version label picks among those. Else
// the default profile if it is left, or the oldest one left: the ones left write the same files
// for this pod and differ only in what never reaches the disk (error texts, nspawn arguments),
// and the oldest stands for the longer run of releases (v0.14–v0.16 against v1.0; v1.1–v1.3
// against v1.4).
import type { PodFs } from './podfs.js';
import { AUTO_PROFILE, DEFAULT_PROFILE, getProfile, profileNames, type Profile } from './profile.js';
import type { PodSnapshot } from './snapshot.js';
import { collectFindings, stage1VersionLabel, type Finding } from './detect/evidence.js';
import { profileForVersion } from './detect/stage1-version.js';

export type { Finding } from './detect/evidence.js';

export interface ProfileDetection {
  profile: string;
  /** Every profile consistent with the findings, newest first (the chosen one among them). */
  possible: string[];
  /** The findings that narrowed the profiles down, in the order they did. */
  decisive: Finding[];
  /** Every finding, including those that did not narrow anything. */
  findings: Finding[];
  /** Findings that contradicted the others and were set aside. */
  conflicts: Finding[];
  /** The stage1 image's version label and what it maps to, when the pod has one. */
  stage1Version: { label: string; profile: string; approximate: boolean } | null;
  /** Why this profile, in one sentence. */
  reason: string;
}

export function detectProfile(fs: PodFs): ProfileDetection {
  const { findings, generated } = collectFindings(fs);
  let possible = profileNames();
  const decisive: Finding[] = [];
  const conflicts: Finding[] = [];
  for (const f of findings) {
    const next = possible.filter((p) => f.fits.includes(p));
    if (next.length === 0) conflicts.push(f);
    else if (next.length < possible.length) {
      decisive.push(f);
      possible = next;
    }
  }

  const label = stage1VersionLabel(fs);
  const match = label === null ? null : profileForVersion(label);
  const stage1Version = label !== null && match ? { label, ...match } : null;
  let profile: string;
  let reason: string;
  if (stage1Version && possible.includes(stage1Version.profile)) {
    profile = stage1Version.profile;
    reason = `the stage1 image is rkt ${label}${stage1Version.approximate ? ` (nearest profile: ${profile})` : ''}`;
  } else if (!generated) {
    profile = possible.includes(DEFAULT_PROFILE) ? DEFAULT_PROFILE : possible[0];
    reason = `no app units generated yet${decisive.length ? ` (${decisive.map((f) => f.seen).join('; ')})` : ''}; ${profile === DEFAULT_PROFILE ? 'the default profile' : 'the only profile left'}`;
  } else {
    profile = possible.includes(DEFAULT_PROFILE) ? DEFAULT_PROFILE : possible[possible.length - 1];
    const same = possible.length > 1 ? ` (${possible.join(', ')} write the same files here; ${profile} is taken)` : '';
    reason = decisive.length ? decisive.map((f) => f.seen).join('; ') + same : 'the files on disk fit every profile; the default profile';
  }
  return { profile, possible, decisive, findings, conflicts, stage1Version, reason };
}

/** A --profile value: a profile's name, or `auto` to detect it from the pod root. */
export function resolveProfile(snapshot: PodSnapshot, name: string): { profile: Profile | null; detection: ProfileDetection | null } {
  if (name !== AUTO_PROFILE) return { profile: getProfile(name), detection: null };
  const detection = detectProfile(snapshot.evidenceFs ?? snapshot.fs);
  return { profile: getProfile(detection.profile), detection };
}
