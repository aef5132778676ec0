// Public surface of the appc decoder.
export type * from './types.js';
export { decodePodManifest, decodeImageManifest } from './decode.js';
