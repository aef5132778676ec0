// The profile for an rkt version, as the stage1 image labels it (`stage1/manifest`, label
// "version"): the profile's own release exactly, other releases to the nearest profile,
// marked approximate.

type Version = [number, number, number];

export interface VersionMatch {
  profile: string;
  /** The release's generator differs from the profile's in ways the profile does not reproduce. */
  approximate: boolean;
}

/** Parses "1.30.0", "v1.2.1+git…", "0.16.0" into comparable numbers. */
export function parseVersion(label: string): Version | null {
  const m = /^v?(\d+)\.(\d+)(?:\.(\d+))?/.exec(label.trim());
  return m ? [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)] : null;
}

function cmp(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/**
 * [first release, last release, profile]: the releases each profile stands for. Only the
 * profile's own release is exact; v0.14–v0.16 and v1.1–v1.3 share its appToSystemd, but the
 * code around it changed.
 */
const RANGES: [Version, Version, string][] = [
  [[0, 0, 0], [0, 7, 99], 'rkt-v0.7.0'],
  [[0, 8, 0], [0, 16, 99], 'rkt-v0.16.0'],
  [[1, 0, 0], [1, 0, 99], 'rkt-v1.0.0'],
  [[1, 1, 0], [1, 3, 99], 'rkt-v1.3.0'],
  [[1, 4, 0], [1, 4, 99], 'rkt-v1.4.0'],
  [[1, 5, 0], [1, 6, 99], 'rkt-v1.5.0'],
  [[1, 7, 0], [1, 15, 99], 'rkt-v1.11.0'],
  [[1, 16, 0], [1, 30, 0], 'rkt-v1.30.0'],
];

export function profileForVersion(label: string): VersionMatch | null {
  const v = parseVersion(label);
  if (!v) return null;
  // A build after the v1.30.0 tag ("1.30.0+git…") is the repository tip.
  if (cmp(v, [1, 30, 0]) === 0 && label.includes('+')) return { profile: 'rkt-tip', approximate: false };
  for (const [lo, hi, profile] of RANGES) {
    if (cmp(v, lo) >= 0 && cmp(v, hi) <= 0) return { profile, approximate: profile !== `rkt-v${v[0]}.${v[1]}.${v[2]}` };
  }
  // Builds after v1.30.0 (rkt's last release) carry the repository tip's generator.
  return { profile: 'rkt-tip', approximate: false };
}
