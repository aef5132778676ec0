// The generator's public surface.
export { generate, UnknownProfileError } from './generate.js';
export { getProfile, profileNames, DEFAULT_PROFILE, type Profile } from './profile.js';
export type { PodSnapshot } from './snapshot.js';
export type { PodFs, FsStat, FsKind } from './podfs.js';
export { FsError } from './podfs.js';
