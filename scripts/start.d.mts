// Types of what scripts/start.mjs exports (the e2e specs use it to find Electron).
export function findElectronBinary(env?: NodeJS.ProcessEnv): { path: string } | { missing: string };
