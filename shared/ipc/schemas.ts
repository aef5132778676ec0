// zod schemas for the shared data types that cross the IPC boundary. Each one is pinned to
// its TypeScript twin in shared/ (plan.ts, runtime.ts) so the two cannot drift apart.
import { z } from 'zod';
import type {
  LineProvenance, Plan, PlanEntry, PlanError, Provenance, SourceDoc,
} from '../plan.js';
import type { HostFacts, InsecureOptions, RuntimePod } from '../runtime.js';

export const sourceDocSchema: z.ZodType<SourceDoc> = z.union([
  z.object({ kind: z.literal('pod') }),
  z.object({ kind: z.literal('image'), app: z.string() }),
]);

export const provenanceSchema: z.ZodType<Provenance> = z.union([
  z.object({ kind: z.literal('manifest'), doc: sourceDocSchema, pointer: z.string() }),
  z.object({ kind: z.literal('runtime'), option: z.string() }),
  z.object({ kind: z.literal('host'), fact: z.string() }),
  z.object({ kind: z.literal('profile'), decision: z.string() }),
  z.object({ kind: z.literal('constant') }),
]);

export const planEntrySchema: z.ZodType<PlanEntry> = z.object({
  path: z.string(),
  kind: z.enum(['file', 'dir', 'symlink']),
  mode: z.string().optional(),
  uid: z.number(),
  gid: z.number(),
  content: z.string().optional(),
  encoding: z.literal('base64').optional(),
  target: z.string().optional(),
  unorderedPrefixLines: z.number().optional(),
});

export const planErrorSchema: z.ZodType<PlanError> = z.object({
  message: z.string(),
  chain: z.array(z.string()),
  panic: z.boolean(),
  source: provenanceSchema.optional(),
});

export const lineProvenanceSchema: z.ZodType<LineProvenance> = z.object({
  line: z.number(),
  key: z.string().optional(),
  sources: z.array(provenanceSchema),
});

export const planSchema: z.ZodType<Plan> = z.object({
  profile: z.string(),
  podRoot: z.string(),
  error: planErrorSchema.nullable(),
  errorStage: z.string().nullable(),
  entries: z.array(planEntrySchema),
  stderr: z.string(),
  nspawnArgs: z.array(z.string()).nullable(),
  nspawnError: planErrorSchema.nullable(),
  nspawnEntries: z.array(planEntrySchema).nullable(),
  nspawnStderr: z.string(),
  warnings: z.array(z.string()),
  provenance: z.record(z.string(), z.array(lineProvenanceSchema)),
  elapsedMs: z.number(),
});

const insecureOptionsObject = z.object({
  DisablePaths: z.boolean(),
  DisableCapabilities: z.boolean(),
  DisableSeccomp: z.boolean(),
});
export const insecureOptionsSchema: z.ZodType<InsecureOptions> = insecureOptionsObject;

export const runtimePodSchema: z.ZodType<RuntimePod> = z.object({
  MetadataServiceURL: z.string(),
  PrivateUsers: z.string(),
  MDSToken: z.string(),
  Hostname: z.string(),
  Debug: z.boolean(),
  Mutable: z.boolean(),
  ResolvConfMode: z.string(),
  EtcHostsMode: z.string(),
  NetList: z.record(z.string(), z.never()),
  Interactive: z.boolean(),
  InsecureOptions: insecureOptionsSchema,
  IPCMode: z.string(),
});

/** Runtime options as the UI edits them: any subset, merged over the pod's own. */
export const runtimeOverridesSchema = z.object({
  MetadataServiceURL: z.string().optional(),
  PrivateUsers: z.string().optional(),
  MDSToken: z.string().optional(),
  Hostname: z.string().optional(),
  Debug: z.boolean().optional(),
  Mutable: z.boolean().optional(),
  ResolvConfMode: z.string().optional(),
  EtcHostsMode: z.string().optional(),
  Interactive: z.boolean().optional(),
  InsecureOptions: insecureOptionsObject.partial().strict().optional(),
  IPCMode: z.string().optional(),
}).strict();
export type RuntimeOverrides = z.infer<typeof runtimeOverridesSchema>;

export const hostFactsSchema: z.ZodType<HostFacts> = z.object({
  cgroupControllers: z.array(z.string()).nullable(),
  systemctlVersionOutput: z.string().nullable(),
  path: z.string(),
  umask: z.number().int().min(0).max(0o777),
  arch: z.string(),
  devices: z.record(z.string(), z.enum(['char', 'block'])),
});

/** Host facts as the UI overrides them (what-if): any subset, merged over the probed ones. */
export const hostOverridesSchema = z.object({
  cgroupControllers: z.array(z.string()).nullable().optional(),
  systemctlVersionOutput: z.string().nullable().optional(),
  path: z.string().optional(),
  umask: z.number().int().min(0).max(0o777).optional(),
  arch: z.string().optional(),
  devices: z.record(z.string(), z.enum(['char', 'block'])).optional(),
}).strict();
export type HostOverrides = z.infer<typeof hostOverridesSchema>;

/**
 * Stage1 what-if: another flavor (the `stage1/rootfs/flavor` symlink target) or systemd version
 * (the `stage1/rootfs/systemd-version` text, such as v233) than the pod's own.
 */
export const stage1OverridesSchema = z.object({
  flavor: z.string().regex(/^(?!\.\.?$)[A-Za-z0-9._-]{1,64}$/, 'a flavor is a plain name such as coreos, kvm, fly, src or host').optional(),
  systemdVersion: z.string().min(1).max(64).regex(/^[^\0\n]*$/, 'one line of text, such as v233').optional(),
}).strict();
export type Stage1Overrides = z.infer<typeof stage1OverridesSchema>;
