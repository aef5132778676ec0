// The generator's output, shared by the CLI, the IPC contract and the renderer.
// Plain data only: no Node, no DOM.

export type EntryKind = 'file' | 'dir' | 'symlink';

/** One file, directory or symlink that generation creates or changes, relative to the pod root. */
export interface PlanEntry {
  path: string;
  kind: EntryKind;
  /** Four octal digits (absent for symlinks). */
  mode?: string;
  uid: number;
  gid: number;
  content?: string;
  /** 'base64' when `content` holds bytes that are not UTF-8 text (files copied from an app's image). */
  encoding?: 'base64';
  target?: string;
  /** Env files: how many leading lines rkt writes in an unspecified order. */
  unorderedPrefixLines?: number;
}

/** Which document a manifest pointer refers to. */
export type SourceDoc = { kind: 'pod' } | { kind: 'image'; app: string };

/** Where a generated line came from. Kept beside the bytes; never changes them. */
export type Provenance =
  | { kind: 'manifest'; doc: SourceDoc; pointer: string }
  | { kind: 'runtime'; option: string }
  | { kind: 'host'; fact: string }
  | { kind: 'profile'; decision: string }
  | { kind: 'constant' };

/** Provenance of one line (1-based) of a generated file. */
export interface LineProvenance { line: number; key?: string; sources: Provenance[] }

export interface PlanError {
  message: string;
  /** Outermost to innermost message. */
  chain: string[];
  /** True where rkt panics instead of returning an error. */
  panic: boolean;
  /** The manifest field that caused it, when known. */
  source?: Provenance;
}

export interface Plan {
  profile: string;
  /** Absolute pod root the plan was computed for. */
  podRoot: string;
  error: PlanError | null;
  /** 'load' | 'save-runtime' | 'generate' | 'app-add:<app>' */
  errorStage: string | null;
  /** Sorted by path (byte order); on error, what rkt had written before failing. */
  entries: PlanEntry[];
  /** Log lines rkt prints (each prefixed 'stage1: '), joined with newlines. */
  stderr: string;
  nspawnArgs: string[] | null;
  nspawnError: PlanError | null;
  nspawnEntries: PlanEntry[] | null;
  nspawnStderr: string;
  /** Human-readable warnings (stderr lines without the prefix, plus podunit's own). */
  warnings: string[];
  /** path -> provenance of its lines (files only). */
  provenance: Record<string, LineProvenance[]>;
  /** Wall time of generation in milliseconds. */
  elapsedMs: number;
}

/** The conformance-corpus JSON shape printed by `podunit generate --json`. */
export interface PlanJson {
  error: string | null;
  errorStage: string | null;
  errorChain: string[] | null;
  panic: boolean;
  entries: PlanEntry[];
  stderr: string;
  nspawnArgs: string[] | null;
  nspawnError: string | null;
  nspawnErrorChain: string[] | null;
  nspawnEntries: PlanEntry[] | null;
  nspawnStderr: string;
  warnings: string[];
}

export function planToJson(plan: Plan): PlanJson {
  return {
    error: plan.error?.message ?? null,
    errorStage: plan.errorStage,
    errorChain: plan.error?.chain ?? null,
    panic: plan.error?.panic ?? false,
    entries: plan.entries,
    stderr: plan.stderr,
    nspawnArgs: plan.nspawnArgs,
    nspawnError: plan.nspawnError?.message ?? null,
    nspawnErrorChain: plan.nspawnError?.chain ?? null,
    nspawnEntries: plan.nspawnEntries,
    nspawnStderr: plan.nspawnStderr,
    warnings: plan.warnings,
  };
}
