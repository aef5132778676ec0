// Everything one generation needs, gathered before it starts: the generator reads nothing else.
import type { HostFacts, RuntimePod } from '../../shared/runtime.js';
import type { PodFs } from './podfs.js';

export interface PodSnapshot {
  /** Absolute pod root (where rkt would put it in nspawn arguments and app-add messages). */
  root: string;
  uuid: string;
  fs: PodFs;
  /** The pod root as it is on disk, when `fs` hides stage1's earlier output: profile detection reads it. */
  evidenceFs?: PodFs;
  runtime: RuntimePod;
  /** The metadata service URL stage1 computes after saving runtime-config ('' for none). */
  metadataURL: string;
  /** Mutable pods: apps added afterwards with `rkt app add`, in order. */
  appAdd: string[];
  host: HostFacts;
  /** Edited manifest texts that replace the files on disk (live preview). */
  overrides?: { pod?: string; images?: Record<string, string> };
}
