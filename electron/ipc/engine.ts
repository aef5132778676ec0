// What the IPC handlers need from the rest of podunit (pod reading, the generator, the one
// writer, pod discovery), as one interface: handlers are written against it, real-engine.ts
// plugs in the real modules, and tests can plug in small fakes.
import type { Plan } from '../../shared/plan.js';
import type { HostFacts } from '../../shared/runtime.js';
import type { RuntimeOverrides, HostOverrides, Stage1Overrides } from '../../shared/ipc/schemas.js';
import type { PodSnapshot } from '../generator/snapshot.js';
import type { ApplyReport, PreviewItem } from '../pod/apply.js';
import type { PodListing } from '../diagnostics/discovery.js';

export interface SnapshotInputs {
  overrides?: { pod?: string; images?: Record<string, string> };
  runtime?: RuntimeOverrides;
  host?: HostOverrides;
  /** Flavor and systemd version seen instead of the pod's stage1 files. */
  stage1?: Stage1Overrides;
  metadataURL?: string;
  appAdd?: string[];
}

export interface Engine {
  /** Reads the pod root into a snapshot with the given edits applied. */
  readSnapshot(root: string, inputs: SnapshotInputs): PodSnapshot;
  generate(snapshot: PodSnapshot, profile?: string): Plan;
  /** What applyPlan would do to each entry; writes nothing. */
  previewApply(plan: Plan, root: string): PreviewItem[];
  /** The one writer into pod roots. */
  applyPlan(plan: Plan, root: string, opts: { force: boolean }): ApplyReport;
  probeHostFacts(): HostFacts;
  profiles(): { names: string[]; default: string };
  listPods(dataDir: string): Promise<PodListing>;
  /** Writes one file atomically under the real directory `dir`, refusing to leave it. */
  writeFileAtomic(dir: string, relPath: string, data: Uint8Array | string, mode: number): void;
}
