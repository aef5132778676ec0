// One client's state: the pod it has open (and its watcher), the latest generate request seen,
// and the write waiting for confirmation. An Electron window or a browser-mode socket each own one.
import { existsSync } from 'node:fs';
import type { EventName, EventPayload } from '../../shared/ipc/contract.js';
import { IpcError } from '../../shared/ipc/envelope.js';
import type { Plan } from '../../shared/plan.js';
import { watchPodRoot, type PodWatcher, type WatchOptions } from './watch.js';
import { ManifestTexts } from './manifest-texts.js';

export type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface PendingWrite {
  token: string;
  root: string;
  plan: Plan;
  /** Digest of what is on disk at the plan's paths when the preview was made. */
  fingerprint: string;
  expiresAt: number;
}

/** Plans answered last, by seq, for plan.provenance: the live preview, baseline and comparison. */
const KEPT_PLANS = 4;

export class Session {
  private openRoot: string | null = null;
  private readonly plans = new Map<number, Plan>();
  private watcher: PodWatcher | null = null;
  private apps: string[] = [];
  private readonly closers = new Set<() => void>();
  latestSeq = -1;
  private warmedUp = false;
  pendingWrite: PendingWrite | null = null;
  /** Manifest texts this connection's plan.generate requests sent last. */
  readonly manifestTexts = new ManifestTexts();

  constructor(readonly emit: Emit, private readonly watchOptions: Omit<WatchOptions, 'apps'> = {}) {}

  get root(): string | null {
    return this.openRoot;
  }

  open(root: string, apps: string[]): void {
    this.close();
    this.openRoot = root;
    this.apps = apps;
    this.watcher = watchPodRoot(root, ({ paths, gone }) => {
      this.emit('pod.changed', { root, paths, gone });
    }, { ...this.watchOptions, apps: () => this.apps });
  }

  /** Runs `fn` once when the open pod is closed (another one opened, the client gone). */
  onPodClose(fn: () => void): () => void {
    this.closers.add(fn);
    return () => this.closers.delete(fn);
  }

  /** Keeps a plan just answered, forgetting the oldest beyond KEPT_PLANS. */
  rememberPlan(seq: number, plan: Plan): void {
    this.plans.set(seq, plan);
    for (const old of this.plans.keys()) {
      if (this.plans.size <= KEPT_PLANS) break;
      this.plans.delete(old);
    }
  }

  /** True once per opened pod: the first plan's handler starts the generator's warm-up (see warm-up.ts). */
  claimWarmUp(): boolean {
    if (this.warmedUp || this.openRoot === null) return false;
    this.warmedUp = true;
    return true;
  }

  planOf(seq: number): Plan | null {
    return this.plans.get(seq) ?? null;
  }

  close(): void {
    const closers = [...this.closers];
    this.closers.clear();
    for (const fn of closers) fn();
    this.plans.clear();
    this.watcher?.close();
    this.watcher = null;
    this.openRoot = null;
    this.apps = [];
    this.pendingWrite = null;
    this.latestSeq = -1;
    this.warmedUp = false;
    this.manifestTexts.clear();
  }

  /** The open pod root, checked to still exist. */
  requireRoot(): string {
    const root = this.openRoot;
    if (root === null) throw new IpcError('no-pod', 'No pod is open. Open a pod root first.');
    if (!existsSync(root)) {
      throw new IpcError('not-found', `The pod root ${root} no longer exists: it was deleted or moved while open. Open another pod.`);
    }
    return root;
  }

  dispose(): void {
    this.close();
  }
}
