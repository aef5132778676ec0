// Generator profiles: the decisions that differ between rkt releases, named and isolated.
// A profile is a small set of switches; the generator consults them where rkt's behaviour changed.

export interface Profile {
  name: string;
  /** rkt release it reproduces. */
  release: string;
  /** Exec arguments after the first write '%' as '%%' (rkt after v1.30.0). */
  escapePercent: boolean;
}

const RKT_TIP: Profile = { name: 'rkt-tip', release: 'v1.30.0 plus later commits', escapePercent: true };
const RKT_V1_30_0: Profile = { name: 'rkt-v1.30.0', release: 'v1.30.0', escapePercent: false };

export const PROFILES: Record<string, Profile> = {
  [RKT_TIP.name]: RKT_TIP,
  [RKT_V1_30_0.name]: RKT_V1_30_0,
};

export const DEFAULT_PROFILE = RKT_TIP.name;

export function getProfile(name: string): Profile | null {
  return Object.hasOwn(PROFILES, name) ? PROFILES[name] : null;
}

export function profileNames(): string[] {
  return Object.keys(PROFILES);
}
