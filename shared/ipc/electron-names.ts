// Names of the two physical Electron IPC channels the whole contract travels on. Kept apart
// from contract.ts (and free of imports) so the sandboxed preload bundles nothing else.
export const ELECTRON_INVOKE = 'podunit:invoke';
export const ELECTRON_EVENT = 'podunit:event';
