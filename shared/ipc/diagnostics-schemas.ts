// Wire shapes of the diagnostics channels (doctor findings, app status, the pod journal).
// The channels themselves are declared in contract.ts.
import { z } from 'zod';

export const severitySchema = z.enum(['error', 'warning', 'info']);

export const evidenceSchema = z.object({
  kind: z.enum(['file', 'unit-line', 'journal', 'status', 'manifest', 'tool']),
  /** Host path of the file the evidence is in. */
  path: z.string().nullable(),
  /** The same path relative to the pod root, when it lies inside it. */
  rel: z.string().nullable(),
  /** 1-based line in that file. */
  line: z.number().int().nullable(),
  /** The quoted line, entry or fact. */
  text: z.string(),
  /** Journal entries: their time and cursor. */
  time: z.string().nullable(),
  cursor: z.string().nullable(),
});
export type Evidence = z.infer<typeof evidenceSchema>;

export const findingSchema = z.object({
  /** Stable code (exec-binary-missing, exit-nonzero, unit-drift, …). */
  code: z.string(),
  severity: severitySchema,
  app: z.string().nullable(),
  title: z.string(),
  detail: z.string(),
  evidence: z.array(evidenceSchema),
  nextStep: z.string(),
  /** 0–100: how likely this explains the failure; findings come sorted on it. */
  likelihood: z.number(),
});
export type Finding = z.infer<typeof findingSchema>;

export const verifyDiagnosticSchema = z.object({
  level: z.enum(['error', 'warning', 'deprecation', 'note']),
  unit: z.string().nullable(),
  rel: z.string().nullable(),
  line: z.number().int().nullable(),
  message: z.string(),
});

export const doctorReportSchema = z.object({
  root: z.string(),
  uuid: z.string().nullable(),
  state: z.string().nullable(),
  findings: z.array(findingSchema),
  journal: z.object({ directory: z.string().nullable(), entries: z.number(), problem: z.string().nullable() }),
  /** systemd-analyze verify on the units on disk; null when not run (no units, or not asked). */
  verify: z.object({
    available: z.boolean(),
    analyzerVersion: z.string().nullable(),
    diagnostics: z.array(verifyDiagnosticSchema),
  }).nullable(),
  /** Things worth knowing that are not findings (tools missing, overlay notes…). */
  notes: z.array(z.string()),
});
export type DoctorReport = z.infer<typeof doctorReportSchema>;

export const appStatusSchema = z.object({
  name: z.string(),
  image: z.string().nullable(),
  exitCode: z.number().int().nullable(),
  /** e.g. "203/EXEC: the program in ExecStart= could not be executed". */
  exit: z.string().nullable(),
  finished: z.string().nullable(),
  problem: z.string().nullable(),
});

export const podStatusSchema = z.object({
  root: z.string(),
  uuid: z.string().nullable(),
  /** As rkt status prints it (running, exited, aborted prepare…), when it can be told. */
  state: z.string().nullable(),
  locked: z.boolean().nullable(),
  created: z.string().nullable(),
  started: z.string().nullable(),
  apps: z.array(appStatusSchema),
  warnings: z.array(z.string()),
});
export type PodStatusView = z.infer<typeof podStatusSchema>;

export const journalEntrySchema = z.object({
  time: z.string().nullable(),
  priority: z.number().int().nullable(),
  identifier: z.string().nullable(),
  unit: z.string().nullable(),
  pid: z.number().int().nullable(),
  message: z.string(),
  cursor: z.string().nullable(),
});
export type JournalEntryView = z.infer<typeof journalEntrySchema>;

export const journalProblemSchema = z.object({
  code: z.enum(['journalctl-missing', 'no-journal', 'unreadable', 'bad-query', 'failed']),
  message: z.string(),
});
export type JournalProblemView = z.infer<typeof journalProblemSchema>;

export const journalQuerySchema = z.object({
  app: z.string().min(1).max(512).optional(),
  /** 0–7, a name (err, warning…) or a range (emerg..err). */
  priority: z.string().max(40).optional(),
  since: z.string().max(100).optional(),
  until: z.string().max(100).optional(),
  /** Only the last N entries. */
  lines: z.number().int().min(1).max(10_000).optional(),
}).strict();
export type JournalQueryView = z.infer<typeof journalQuerySchema>;

export const journalReadSchema = z.object({
  directory: z.string().nullable(),
  entries: z.array(journalEntrySchema),
  /** Why there are no entries (journalctl missing, no journal, unreadable…), if that is why. */
  problem: journalProblemSchema.nullable(),
  warnings: z.array(z.string()),
});
export type JournalReadView = z.infer<typeof journalReadSchema>;

/** Pushed while a journal is followed: new entries, or the end of the follow and why. */
export const journalEventSchema = z.object({
  followId: z.string(),
  entries: z.array(journalEntrySchema),
  ended: z.boolean(),
  problem: journalProblemSchema.nullable(),
});

/** A path relative to the pod root, as the renderer names evidence files. Confined in main. */
export const diskPathSchema = z.string().min(1).max(4096).refine((s) => !s.includes('\0'), 'path contains a NUL byte');
