// The IPC contract, declared once: every channel's name, request schema, response schema and
// purpose, and every push event. Electron main, the preload, the browser-mode host and the
// renderer all derive their types from this file; main and the host validate with it.
import { z } from 'zod';
import type { Envelope } from './envelope.js';
import { MAX_MANIFEST_TEXT } from './limits.js';
import {
  hostFactsSchema, hostOverridesSchema, lineProvenanceSchema, planSchema, runtimeOverridesSchema,
  runtimePodSchema, sourceDocSchema, stage1OverridesSchema,
} from './schemas.js';
import {
  diskPathSchema, doctorReportSchema, journalEventSchema, journalQuerySchema, journalReadSchema, podStatusSchema,
} from './diagnostics-schemas.js';

export * from './envelope.js';
export { MAX_MANIFEST_TEXT } from './limits.js';

/** A host path as typed or chosen by the user. Resolved and confined in main, never here. */
const pathSchema = z.string().min(1).max(4096).refine((s) => !s.includes('\0'), 'path contains a NUL byte');
const manifestTextSchema = z.string().max(MAX_MANIFEST_TEXT);
const appNameSchema = z.string().min(1).max(512);
const empty = z.object({}).strict();

// ---------------------------------------------------------------------------------------------
// Shared shapes

export const podStateSchema = z.enum(['embryo', 'prepare', 'prepared', 'run', 'exited-garbage', 'garbage']);

export const podSummarySchema = z.object({
  /** Absolute, symlink-resolved pod root. */
  root: z.string(),
  /** UUID from the directory name when it looks like one, else ''. */
  uuid: z.string(),
  /** rkt state directory the pod sits in (`…/pods/<state>/<uuid>`), when it does. */
  state: podStateSchema.nullable(),
  apps: z.array(z.object({
    name: z.string(),
    /** Image name from the app's image manifest, when readable. */
    imageName: z.string().nullable(),
    /** Exit status from `stage1/rootfs/rkt/status/<app>`, when the app has stopped. */
    exitStatus: z.number().int().nullable(),
  })),
  /** Target of the `stage1/rootfs/flavor` symlink. */
  flavor: z.string().nullable(),
  /** Content of `stage1/rootfs/systemd-version`, trimmed. */
  systemdVersion: z.string().nullable(),
  mutable: z.boolean(),
  overlay: z.boolean(),
  /** True for the sample pods shipped with podunit. */
  sample: z.boolean(),
  /** Things the user should know about the pod (unreadable manifest, missing files…). */
  warnings: z.array(z.string()),
});
export type PodSummary = z.infer<typeof podSummarySchema>;

export const dataDirPodSchema = z.object({
  uuid: z.string(),
  dirState: podStateSchema,
  /** State as `rkt status` would print it when it can be told without locks, else dirState. */
  state: z.string(),
  root: z.string(),
  apps: z.array(z.string()),
  /** `name:version` of each app's image, in app order, when readable. */
  images: z.array(z.string().nullable()),
  /** ISO time from `pod-created` (else `pod`), when present. */
  createdAt: z.string().nullable(),
  /** ISO time from `pid` (else `ppid`), for pods that ran. */
  startedAt: z.string().nullable(),
  /** Whether the pod directory is flock(2)ed (preparing, running, deleting); null when not probed. */
  locked: z.boolean().nullable(),
  /** Why the pod's manifest could not be read, if it could not. */
  error: z.string().nullable(),
});
export type DataDirPod = z.infer<typeof dataDirPodSchema>;

/** A file (or symlink, or directory) as it is on disk, relative to the pod root. */
export const diskFileSchema = z.object({
  path: z.string(),
  kind: z.enum(['file', 'dir', 'symlink', 'other']),
  /** Four octal digits. */
  mode: z.string(),
  size: z.number(),
  /** UTF-8 text for files up to the content limit; null when larger or binary. */
  content: z.string().nullable(),
  /** Symlink target text. */
  target: z.string().nullable(),
});
export type DiskFile = z.infer<typeof diskFileSchema>;

export const manifestDocSchema = z.object({
  /** Path relative to the pod root the text was read from. */
  path: z.string(),
  /** The text, or null when it could not be read. */
  text: z.string().nullable(),
  /** Read error, when text is null. */
  error: z.string().nullable(),
});
export type ManifestDoc = z.infer<typeof manifestDocSchema>;

export const podSnapshotViewSchema = z.object({
  summary: podSummarySchema,
  manifests: z.object({
    pod: manifestDocSchema,
    /** One per app of the pod manifest, in manifest order. */
    images: z.array(manifestDocSchema.extend({ app: z.string() })),
    /** `stage1/manifest`, when present. */
    stage1: manifestDocSchema.nullable(),
  }),
  /** The runtime options generation starts from (`runtime-config`, else rkt's defaults). */
  runtime: runtimePodSchema,
  /** `runtime-config` text, when the pod has one. */
  runtimeConfigText: z.string().nullable(),
  /** Host facts probed on this machine. */
  host: hostFactsSchema,
  /** Everything under `stage1/rootfs/usr/lib/systemd/system`, recursively, as rkt left it. */
  units: z.array(diskFileSchema),
  /** `stage1/rootfs/rkt/env/*`. */
  env: z.array(diskFileSchema),
  /** `stage1/rootfs/usr/lib/sysusers.d/*`. */
  sysusers: z.array(diskFileSchema),
});
export type PodSnapshotView = z.infer<typeof podSnapshotViewSchema>;

/** What a generation starts from, on top of the open pod: the user's edits and what-ifs. */
export const generateInputsSchema = z.object({
  /** Edited manifest texts replacing the files on disk; absent = use the file. */
  manifests: z.object({
    pod: manifestTextSchema.optional(),
    /** App name → edited image manifest text. */
    images: z.record(appNameSchema, manifestTextSchema).optional(),
  }).strict().optional(),
  runtime: runtimeOverridesSchema.optional(),
  host: hostOverridesSchema.optional(),
  /** Flavor and systemd version overriding the pod's stage1 files; absent = the pod's own. */
  stage1: stage1OverridesSchema.optional(),
  /** Generator profile (e.g. an rkt release); absent = the default profile. */
  profile: z.string().max(100).optional(),
  /** Metadata service URL stage1 would compute ('' = none); absent = derived from the pod. */
  metadataURL: z.string().max(4096).optional(),
  /** Mutable pods: apps added with `rkt app add`, in order. */
  appAdd: z.array(appNameSchema).max(1000).optional(),
}).strict();
export type GenerateInputs = z.input<typeof generateInputsSchema>;

/** shared/text-edit.ts: a change to the text last sent for a manifest on this connection. */
const textEditSchema = z.object({
  at: z.number().int().nonnegative(),
  remove: z.number().int().nonnegative(),
  insert: manifestTextSchema,
  length: z.number().int().nonnegative().max(MAX_MANIFEST_TEXT),
}).strict();

/** A problem located in a manifest document, for an editor marker. */
export const diagnosticSchema = z.object({
  doc: sourceDocSchema,
  /** RFC 6901 pointer into the document ('' = the whole document). */
  pointer: z.string(),
  message: z.string(),
  severity: z.enum(['error', 'warning']),
});
export type Diagnostic = z.infer<typeof diagnosticSchema>;

export const writeChangeSchema = z.object({
  path: z.string(),
  kind: z.enum(['file', 'dir', 'symlink']),
  /**
   * create: new; unchanged: identical; update-attributes: same content, other mode;
   * replace: podunit wrote the current file earlier; conflict: someone else did (rkt, an editor):
   * written only with force, the old one kept as `backup`.
   */
  action: z.enum(['create', 'replace', 'unchanged', 'update-attributes', 'conflict']),
  /** Current file text (or symlink target) on disk, for the diff. */
  before: z.string().nullable(),
  /** Text (or symlink target) after the write. */
  after: z.string().nullable(),
  /** Where a conflicting file will be kept when forced, relative to the pod root. */
  backup: z.string().nullable(),
});
export type WriteChange = z.infer<typeof writeChangeSchema>;

export const exportFormatSchema = z.enum(['tar.gz', 'dir']);

// ---------------------------------------------------------------------------------------------
// Channels

export const sampleSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  root: z.string(),
});

export const recentPodSchema = z.object({
  path: z.string(),
  kind: z.enum(['pod-root', 'data-dir']),
  /** ISO time. */
  openedAt: z.string(),
});
export type RecentPod = z.infer<typeof recentPodSchema>;

interface ChannelSpec<Req extends z.ZodType, Res extends z.ZodType> {
  request: Req;
  response: Res;
  description: string;
}
function channel<Req extends z.ZodType, Res extends z.ZodType>(spec: ChannelSpec<Req, Res>) {
  return spec;
}

export const channels = {
  'app.info': channel({
    description: 'Version, mode, sample pods, the pod to open first, recent pods and generator profiles.',
    request: empty,
    response: z.object({
      name: z.string(),
      version: z.string(),
      mode: z.enum(['electron', 'browser']),
      platform: z.string(),
      /** Pod root given on the command line, else the default sample pod, else null. */
      initialPod: z.string().nullable(),
      samples: z.array(sampleSchema),
      recent: z.array(recentPodSchema),
      profiles: z.array(z.string()),
      defaultProfile: z.string(),
      /** Whether dialog.choose works (native dialogs exist only in Electron). */
      nativeDialogs: z.boolean(),
    }),
  }),

  'recent.list': channel({
    description: 'Recently opened pod roots and data dirs, newest first.',
    request: empty,
    response: z.array(recentPodSchema),
  }),

  'recent.clear': channel({
    description: 'Forget the recent list.',
    request: empty,
    response: empty,
  }),

  'dialog.choose': channel({
    description: 'Native dialog to choose a pod root, an rkt data dir or an export target. Electron only.',
    request: z.object({
      purpose: z.enum(['pod-root', 'data-dir', 'export-file', 'export-dir']),
    }).strict(),
    response: z.object({ path: z.string().nullable() }),
  }),

  'pod.open': channel({
    description: 'Open a pod root: it becomes the pod this client works on, is watched for changes and is added to the recent list.',
    request: z.object({ root: pathSchema }).strict(),
    response: podSummarySchema,
  }),

  'pod.close': channel({
    description: 'Stop working on the open pod (and watching it).',
    request: empty,
    response: empty,
  }),

  'pod.listDataDir': channel({
    description: 'List the pods of an rkt data dir (`<data>/pods/<state>/<uuid>`), by state.',
    request: z.object({ dataDir: pathSchema }).strict(),
    response: z.object({ dataDir: z.string(), pods: z.array(dataDirPodSchema), warnings: z.array(z.string()) }),
  }),

  'pod.snapshot': channel({
    description: 'Read the open pod: manifest texts, runtime options, host facts, and the units, env and sysusers files on disk.',
    request: empty,
    response: podSnapshotViewSchema,
  }),

  'plan.generate': channel({
    description: 'Generate units for the open pod with edits applied. Answers carry the request seq; superseded requests are answered with plan null.',
    request: generateInputsSchema.extend({
      seq: z.number().int().nonnegative(),
      /**
       * Files whose line provenance the answer's plan carries ([] for a file without any);
       * absent = every file. The rest stays with the host, for plan.provenance.
       */
      provenanceFor: z.array(z.string().max(4096)).max(1000).optional(),
      /**
       * seq of an earlier answer the client still holds: what equals it there is left out of the
       * answer (shared/plan-delta.ts).
       */
      sameAs: z.number().int().nonnegative().optional(),
      /**
       * Edited manifests given as changes to the text this connection last sent for them (in
       * plan.generate requests); they join `manifests`. Answered with 'unknown-base' when the
       * host does not hold that text: then send the full text.
       */
      manifestEdits: z.object({
        pod: textEditSchema.optional(),
        images: z.record(appNameSchema, textEditSchema).optional(),
      }).strict().optional(),
    }).strict(),
    response: z.object({
      seq: z.number(),
      superseded: z.boolean(),
      plan: planSchema.nullable(),
      /** Errors and warnings located in the manifests (plan.error with a manifest source, JSON syntax errors). */
      diagnostics: z.array(diagnosticSchema),
      /** What the answer leaves out because it equals the sameAs answer (shared/plan-delta.ts). */
      sameEntries: z.array(z.tuple([z.number().int().nonnegative(), z.number().int().positive()])).optional(),
      sameContent: z.array(z.number().int().nonnegative()).optional(),
      sameProvenance: z.array(z.string().max(4096)).optional(),
    }),
  }),

  'plan.provenance': channel({
    description: 'Line provenance of files of a recent plan.generate answer (by its seq), for the files it left out.',
    request: z.object({
      seq: z.number().int().nonnegative(),
      /** Absent = every file of the plan. */
      paths: z.array(z.string().max(4096)).max(100_000).optional(),
    }).strict(),
    response: z.object({
      seq: z.number(),
      /** Each asked-for file (every file of the plan when none were named); [] when it has no line provenance. */
      provenance: z.record(z.string(), z.array(lineProvenanceSchema)),
    }),
  }),

  'plan.previewWrite': channel({
    description: 'First step of writing units into the open pod: what would be created or replaced, and a confirmation token for plan.write.',
    request: generateInputsSchema,
    response: z.object({
      token: z.string(),
      root: z.string(),
      /** Epoch milliseconds after which the token is refused. */
      expiresAt: z.number(),
      changes: z.array(writeChangeSchema),
      /** The generation error, when the plan failed: then plan.write refuses to write anything. */
      planError: z.string().nullable(),
      /** Paths whose action is 'conflict': plan.write needs force for them. */
      conflicts: z.array(z.string()),
      warnings: z.array(z.string()),
    }),
  }),

  'plan.write': channel({
    description: 'Second step: write the previewed plan into the open pod, keeping backups of replaced files.',
    request: z.object({
      token: z.string().min(1).max(200),
      /** Replace conflicting files (keeping `<name>.podunit-bak` backups). */
      force: z.boolean().optional(),
    }).strict(),
    response: z.object({
      root: z.string(),
      written: z.array(z.string()),
      backups: z.array(z.object({ path: z.string(), backup: z.string() })),
      unchanged: z.array(z.string()),
      /** File owners from the plan could not be set (podunit is not running as root). */
      ownershipSkipped: z.boolean(),
    }),
  }),

  'bundle.export': channel({
    description: 'Export the generated units, env and sysusers files, nspawn arguments, provenance map and SHA256SUMS as a reproducible .tar.gz or a directory.',
    request: generateInputsSchema.extend({
      target: pathSchema,
      format: exportFormatSchema,
      /** Replace an existing .tar.gz, or write into a non-empty directory. */
      overwrite: z.boolean().optional(),
    }).strict(),
    response: z.object({
      target: z.string(),
      format: exportFormatSchema,
      files: z.array(z.object({ path: z.string(), size: z.number(), sha256: z.string() })),
      bytes: z.number(),
    }),
  }),

  'diagnostics.doctor': channel({
    description: 'Why did the open pod fail? Findings with stable codes, most likely first, each with its evidence (files relative to the pod root, unit lines, journal entries) and a next step.',
    request: z.object({
      /** Run systemd-analyze verify on the units (default true). */
      verify: z.boolean().optional(),
      /** Generator profile the units should match ('auto': whatever wrote them). */
      profile: z.string().max(100).optional(),
    }).strict(),
    response: doctorReportSchema,
  }),

  'diagnostics.status': channel({
    description: 'State of the open pod as rkt status prints it, and each app\'s exit status.',
    request: empty,
    response: podStatusSchema,
  }),

  'diagnostics.journal': channel({
    description: 'Entries of the open pod\'s journal (one app, a priority, a time range, the last N), read with journalctl; a problem instead when it cannot be read.',
    request: journalQuerySchema,
    response: journalReadSchema,
  }),

  'diagnostics.followJournal': channel({
    description: 'Follow the open pod\'s journal: new entries arrive as journal.entries events until diagnostics.unfollowJournal, or until the pod is closed.',
    request: journalQuerySchema.omit({ lines: true, until: true }),
    response: z.object({ followId: z.string() }),
  }),

  'diagnostics.unfollowJournal': channel({
    description: 'Stop following the journal.',
    request: z.object({ followId: z.string().max(100) }).strict(),
    response: empty,
  }),

  'diagnostics.file': channel({
    description: 'A file of the open pod as it is on disk (evidence that is not a unit, env or sysusers file). Read-only and confined to the pod root.',
    request: z.object({ path: diskPathSchema }).strict(),
    response: diskFileSchema,
  }),
} satisfies Record<string, ChannelSpec<z.ZodType, z.ZodType>>;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
/** What a caller passes (before schema defaults). */
export type ChannelRequest<C extends ChannelName> = z.input<Channels[C]['request']>;
/** What a handler receives (after validation). */
export type HandlerRequest<C extends ChannelName> = z.output<Channels[C]['request']>;
export type ChannelResponse<C extends ChannelName> = z.output<Channels[C]['response']>;

export const CHANNEL_NAMES = Object.keys(channels) as ChannelName[];
export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.hasOwn(channels, name);
}

// ---------------------------------------------------------------------------------------------
// Push events (main → renderer)

export const appCommandSchema = z.discriminatedUnion('command', [
  /** A pod root was chosen (menu, Open Recent, command line): open it. */
  z.object({ command: z.literal('open-pod'), path: z.string() }),
  /** An rkt data dir was chosen: list its pods. */
  z.object({ command: z.literal('open-data-dir'), path: z.string() }),
  /** Export the current plan to this target. */
  z.object({ command: z.literal('export-bundle'), target: z.string(), format: exportFormatSchema }),
  /** Start the write flow (plan.previewWrite, confirm, plan.write). */
  z.object({ command: z.literal('write-units') }),
  /** Re-read the open pod. */
  z.object({ command: z.literal('reload') }),
  z.object({ command: z.literal('toggle-theme') }),
]);
export type AppCommand = z.infer<typeof appCommandSchema>;

export const events = {
  'pod.changed': z.object({
    root: z.string(),
    /** Changed paths relative to the pod root, as far as the watcher could tell (may be empty). */
    paths: z.array(z.string()),
    /** The pod root no longer exists. */
    gone: z.boolean(),
  }),
  'app.command': appCommandSchema,
  /** Entries of a followed journal (diagnostics.followJournal). */
  'journal.entries': journalEventSchema,
} satisfies Record<string, z.ZodType>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;
export const EVENT_NAMES = Object.keys(events) as EventName[];
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}

// ---------------------------------------------------------------------------------------------
// The transport surface: what the preload exposes as `window.podunit`, and what the browser-mode
// WebSocket client implements. Renderer code wraps it with createClient (client.ts).

export interface PodunitApi {
  invoke<C extends ChannelName>(channel: C, request: ChannelRequest<C>): Promise<Envelope<ChannelResponse<C>>>;
  /** Returns an unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export { ELECTRON_EVENT, ELECTRON_INVOKE } from './electron-names.js';
