// State shapes shared by the store slices. Data types of the wire come from shared/.
import type { Plan, SourceDoc } from '../../../shared/plan';
import type {
  ChannelResponse, Diagnostic, PodSummary, RecentPod,
} from '../../../shared/ipc/contract';
import type { RuntimeOverrides } from '../../../shared/ipc/schemas';
import type { HostFacts, RuntimePod } from '../../../shared/runtime';
import type { FileSet } from '../model/fileSets';

export type AppInfo = ChannelResponse<'app.info'>;
export type { Diagnostic, PodSummary, RecentPod, Plan, RuntimeOverrides };

/** 'pod' or 'image:<app>'. */
export type DocId = string;

export function docIdOf(doc: SourceDoc): DocId {
  return doc.kind === 'pod' ? 'pod' : `image:${doc.app}`;
}
export function sourceDocOf(id: DocId): SourceDoc {
  return id === 'pod' ? { kind: 'pod' } : { kind: 'image', app: id.slice('image:'.length) };
}

export interface DocState {
  id: DocId;
  /** Short name for tabs: "pod" or the app name. */
  label: string;
  /** Path relative to the pod root. */
  path: string;
  /** Text as read from disk; null when it could not be read. */
  original: string | null;
  /** Text in the editor (equal to original until edited). */
  text: string;
  /** Why the text could not be read, or why it is shown read-only. */
  notice: string | null;
  readOnly: boolean;
  /** Bumped on every change that did not come from the editor itself (revert, reload). */
  externalVersion: number;
}

export type ThemePref = 'system' | 'light' | 'dark';
export type DiffLayout = 'inline' | 'side';
export type DiffBase = 'disk' | 'original' | 'profile';

export interface WhatIf {
  /** null = the default profile. */
  profile: string | null;
  /** null = as read from the pod. */
  flavor: string | null;
  systemdVersion: string | null;
  runtime: RuntimeOverrides;
  /** undefined = as probed on the host; null = the check itself fails. */
  cgroupControllers: string[] | null | undefined;
}

export interface PodDisk {
  runtime: RuntimePod;
  host: HostFacts;
  runtimeConfigText: string | null;
  /** Files rkt left in the places the generator writes (units, env, sysusers). */
  files: FileSet;
  /** Path prefixes whose every file is in `files` (anything else on disk is unknown). */
  coverage: string[];
}

export type ProblemSeverity = 'error' | 'warning' | 'info';

export interface Problem {
  id: string;
  severity: ProblemSeverity;
  message: string;
  /** Where it came from: the generator, the JSON schema, the JSON syntax, the pod. */
  origin: 'generator' | 'schema' | 'syntax' | 'pod' | 'app';
  doc?: DocId;
  pointer?: string;
  /** Position in a manifest editor (syntax and schema problems). */
  line?: number;
  column?: number;
  /** A generated file the problem concerns. */
  file?: string;
}

export interface Notice {
  id: number;
  kind: 'info' | 'success' | 'error';
  text: string;
}
