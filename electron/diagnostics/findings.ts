// What the doctor reports: findings with stable codes, evidence and a next step.

export type Severity = 'error' | 'warning' | 'info';

export type FindingCode =
  | 'prepare-failed'
  | 'generate-failed'
  | 'exec-binary-missing'
  | 'exec-not-executable'
  | 'exec-bad-interpreter'
  | 'exec-bad-format'
  | 'user-unresolvable'
  | 'seccomp-kill'
  | 'killed-by-signal'
  | 'exit-nonzero'
  | 'no-exit-status'
  | 'profile-mismatch'
  | 'unit-drift'
  | 'pod-running'
  | 'healthy'
  | 'journal-unavailable'
  | 'drift-unchecked'
  | 'debug-off';

export interface Evidence {
  kind: 'file' | 'unit-line' | 'journal' | 'status' | 'manifest' | 'tool';
  /** Host path of the file the evidence is in (absent for journal entries). */
  path?: string;
  /** 1-based line in that file. */
  line?: number;
  /** The quoted line, entry or fact. */
  text: string;
  /** Journal entries: their time and cursor. */
  time?: string;
  cursor?: string;
}

export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** The app the finding is about, when it is about one. */
  app?: string;
  title: string;
  detail: string;
  evidence: Evidence[];
  nextStep: string;
  /** 0–100: how likely this explains the pod's failure. Findings are sorted on it. */
  likelihood: number;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Most likely first; ties: more severe first, then by app and code for a stable order. */
export function sortFindings(fs: Finding[]): Finding[] {
  return [...fs].sort(
    (a, b) =>
      b.likelihood - a.likelihood ||
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      (a.app ?? '').localeCompare(b.app ?? '') ||
      a.code.localeCompare(b.code),
  );
}
