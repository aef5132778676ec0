// The generator's public surface.
export { generate, UnknownProfileError } from './generate.js';
export { getProfile, profileNames, profileChoices, DEFAULT_PROFILE, AUTO_PROFILE, type Profile } from './profile.js';
export { detectProfile, resolveProfile, type ProfileDetection, type Finding } from './detect.js';
export { diffPlans, type PlanDiff } from './plan-diff.js';
export type { PodSnapshot } from './snapshot.js';
export type { PodFs, FsStat, FsKind } from './podfs.js';
export { FsError } from './podfs.js';
