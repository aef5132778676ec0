// Size limits both processes agree on. Kept apart from contract.ts so the renderer can use
// them without loading zod at start-up.

/**
 * Largest manifest podunit shows, edits and accepts as an edit (UTF-16 units in a request,
 * bytes on disk): a manifest the snapshot carries can always be sent back edited. Larger ones
 * are shown read-only and generated from the file on disk (the generator itself stops at 16 MiB).
 */
export const MAX_MANIFEST_TEXT = 8 * 1024 * 1024;
