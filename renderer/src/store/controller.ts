// Everything that talks to the host: opening and reloading pods, live generation, the
// baseline and profile plans for the diff, write and export. Components call these
// actions; they never reach the client themselves.
import type { PodunitClient } from '../../../shared/ipc/client';
import type { ChannelResponse, EventPayload, PodSnapshotView } from '../../../shared/ipc/contract';
import { docsFromSnapshot, MAX_EDIT_CHARS } from '../model/manifestDocs';
import { diskFileSet, DISK_COVERAGE } from '../model/planFiles';
import { jsonSyntaxErrors } from '../model/syntax';
import { isAppService } from '../model/fileGroups';
import { changedLineNumbers } from '../model/lineChanges';
import { isEdited } from './editorsSlice';
import type { AppStore } from './appState';
import { createDiagnosticsActions, type DiagnosticsActions } from './diagnosticsActions';
import { GenerationQueue, type GenerateInputs } from './generationQueue';
import { withSame } from '../../../shared/plan-delta';
import type { Plan } from '../../../shared/plan';
import { buildInputs, inputsKey } from './inputs';
import { ManifestEditSender } from './manifestEdits';
import type { DocId, PodDisk, Problem, WhatIf } from './types';

export type WritePreview = ChannelResponse<'plan.previewWrite'>;
export type WriteResult = ChannelResponse<'plan.write'>;
export type ExportResult = ChannelResponse<'bundle.export'>;

export interface Capabilities {
  /** The host accepts flavor / systemd-version overrides in generation inputs. */
  stage1Overrides: boolean;
}

export interface Controller {
  /** Connects, then opens `podFromUrl` if given, else the pod the host names. */
  init(podFromUrl?: string | null): Promise<void>;
  openPod(path: string): Promise<boolean>;
  reload(): Promise<void>;
  editDoc(id: DocId, text: string): void;
  revertDoc(id?: DocId): void;
  setWhatIf(patch: Partial<WhatIf>): void;
  regenerate(): void;
  /**
   * Fetches the line provenance of these files of the shown plan (every file for 'all') when the
   * plan does not hold it yet: plan.generate answers carry it for the selected file only.
   */
  ensureProvenance(paths: readonly string[] | 'all'): Promise<void>;
  refreshDiffBase(): void;
  previewWrite(): Promise<WritePreview>;
  write(token: string, force: boolean): Promise<WriteResult>;
  exportBundle(target: string, format: 'tar.gz' | 'dir', overwrite: boolean): Promise<ExportResult>;
  chooseWithDialog(purpose: 'pod-root' | 'data-dir' | 'export-file' | 'export-dir'): Promise<string | null>;
  listDataDir(path: string): Promise<ChannelResponse<'pod.listDataDir'>>;
  /** Resolves when no generation is queued or running. */
  idle(): Promise<void>;
  /** Doctor findings, the journal and evidence of the open pod. */
  diagnostics: DiagnosticsActions;
  /** App commands that need the UI (write, export, open data dir) from the menu. */
  onCommand(listener: (ev: EventPayload<'app.command'>) => void): () => void;
  dispose(): void;
}

/** Live plans kept for answers that refer to them (the host keeps as many, see session.ts). */
const KEPT_LIVE_PLANS = 4;

/** Timeline marks for the UI benchmark (performance.getEntriesByName('podunit:…')). */
function mark(name: string): void {
  globalThis.performance?.mark?.(`podunit:${name}`);
}

function errorText(err: unknown): { code: string; message: string } {
  if (err && typeof err === 'object' && 'code' in err && 'message' in err) {
    return { code: String((err as { code: unknown }).code), message: String((err as { message: unknown }).message) };
  }
  return { code: 'internal', message: err instanceof Error ? err.message : String(err) };
}

function diskOf(snap: PodSnapshotView): PodDisk {
  return {
    runtime: snap.runtime,
    host: snap.host,
    runtimeConfigText: snap.runtimeConfigText,
    files: diskFileSet([snap.units, snap.env, snap.sysusers], snap.runtimeConfigText),
    coverage: DISK_COVERAGE,
  };
}

/**
 * Asks whether unsaved manifest edits may be dropped to open another pod (the page passes a
 * dialog); without one, opening another pod drops them.
 */
export type ConfirmDiscard = (message: string) => boolean;

export function createController(store: AppStore, client: PodunitClient, capabilities?: Capabilities, confirmDiscard?: ConfirmDiscard): Controller {
  if (capabilities) store.getState().setCapabilities(capabilities);
  const editSender = new ManifestEditSender((req) => client.invoke('plan.generate', req));
  const queue = new GenerationQueue((req) => editSender.generate(req));
  const diagnostics = createDiagnosticsActions(store, client);
  const unsubscribe: (() => void)[] = [];
  let openSeq = 0;
  /** Counts manifest edits; the profile comparison is regenerated when it moves. */
  let edits = 0;
  /** seq of the request the shown plan answered: plan.provenance and sameAs refer to it. */
  let liveSeq: number | null = null;
  /** The last live plans by seq: answers name unchanged files by reference to one of them. */
  const recentLive = new Map<number, Plan>();
  const rememberLive = (seq: number, plan: Plan) => {
    liveSeq = seq;
    recentLive.set(seq, plan);
    for (const old of recentLive.keys()) if (recentLive.size > KEPT_LIVE_PLANS) recentLive.delete(old);
  };
  const forgetLive = () => { liveSeq = null; recentLive.clear(); };
  /** Plans whose provenance is complete, and fetches on their way (by plan, then path or 'all'). */
  const complete = new WeakSet<object>();
  const fetching = new WeakMap<object, Map<string, Promise<void>>>();

  const s = () => store.getState();

  const prepare = (inputs: GenerateInputs & { stage1?: unknown }): GenerateInputs => {
    if (!s().capabilities.stage1Overrides && 'stage1' in inputs) {
      const { stage1: _ignored, ...rest } = inputs;
      return rest;
    }
    return inputs;
  };

  const anyUnparsable = (): boolean => Object.values(s().syntaxProblems).some((list) => list.length > 0);

  const submitLive = () => {
    if (s().podStatus !== 'open') return;
    if (anyUnparsable()) { s().setStale(true); return; }
    const selected = s().selectedFile;
    const inputs = {
      ...prepare(buildInputs(s())),
      provenanceFor: selected ? [selected] : [],
      ...(liveSeq !== null ? { sameAs: liveSeq } : {}),
    };
    s().setGenerating(true);
    queue.submit({
      lane: 'live',
      inputs,
      onResult: (res, ms) => {
        mark('plan');
        let plan = res.plan!;
        if (res.sameEntries || res.sameContent || res.sameProvenance) {
          const base = inputs.sameAs === undefined ? undefined : recentLive.get(inputs.sameAs);
          const full = base ? withSame(plan, res, base) : null;
          // Cannot happen while both sides keep the plans they refer to; if it does, ask in full.
          if (!full) {
            forgetLive();
            // Asked again in full, unless a manifest stopped parsing meanwhile: then nothing is pending.
            if (!queue.hasWaiting('live')) s().setGenerating(false);
            submitLive();
            return;
          }
          plan = full;
        }
        rememberLive(res.seq, plan);
        const before = s().plan;
        const path = s().selectedFile;
        s().setPlan(plan, res.diagnostics, ms);
        s().setStale(anyUnparsable());
        if (!queue.hasWaiting('live')) s().setGenerating(false);
        if (path && before) {
          const oldText = before.entries.find((e) => e.path === path)?.content;
          const newText = plan.entries.find((e) => e.path === path)?.content;
          if (oldText !== undefined && newText !== undefined && oldText !== newText) {
            s().setChangedLines({ path, lines: changedLineNumbers(oldText, newText) });
          }
        }
        ensureSelection();
        refreshDiffBase();
      },
      onError: (code, message) => {
        if (!queue.hasWaiting('live')) s().setGenerating(false);
        s().setGenerateError(code === 'not-found' || code === 'no-pod' ? `The pod is no longer available: ${message}` : message);
      },
    });
  };

  /**
   * Opens the first app's service unit when nothing is selected, or when the selected file is
   * gone from a plan that succeeded. A failed plan keeps the selection, so the file comes back
   * once the manifest is fixed.
   */
  const ensureSelection = () => {
    const st = s();
    const plan = st.plan;
    if (!plan) return;
    const current = st.selectedFile;
    if (current && (plan.error || plan.entries.some((e) => e.path === current) || st.disk?.files.has(current))) return;
    const apps = st.summary?.apps.map((a) => a.name) ?? [];
    const first = apps.map((app) => plan.entries.find((e) => isAppService(e.path, app))).find(Boolean)
      ?? plan.entries.find((e) => e.kind === 'file');
    if (first) st.selectFile(first.path);
  };

  const refreshDiffBase = () => {
    const st = s();
    if (st.podStatus !== 'open') return;
    if (st.diffBase === 'original') {
      const inputs = { ...prepare(buildInputs(st, { withoutEdits: true })), provenanceFor: [] };
      const key = inputsKey(inputs);
      if (st.baselineKey === key && st.baselinePlan) return;
      queue.submit({
        lane: 'baseline',
        inputs,
        onResult: (res) => s().setBaselinePlan(res.plan, key),
        onError: (_c, message) => s().notify('error', `Could not generate the unedited baseline: ${message}`),
      });
    } else if (st.diffBase === 'profile') {
      const other = st.compareProfile;
      if (!other) return;
      const inputs = { ...prepare(buildInputs(st, { profile: other })), provenanceFor: [] };
      const key = `${inputsKey(inputs)}#${edits}`;
      if (st.compareKey === key && st.comparePlan) return;
      queue.submit({
        lane: 'compare',
        inputs,
        onResult: (res) => s().setComparePlan(res.plan, key),
        onError: (_c, message) => s().notify('error', `Could not generate with profile ${other}: ${message}`),
      });
    }
  };


  const ensureProvenance = (paths: readonly string[] | 'all'): Promise<void> => {
    const plan = s().plan;
    const seq = liveSeq;
    if (!plan || seq === null || complete.has(plan)) return Promise.resolve();
    let mine = fetching.get(plan);
    if (!mine) fetching.set(plan, (mine = new Map()));
    const key = paths === 'all' ? 'all' : paths.filter((p) => !Object.hasOwn(plan.provenance, p)).join('\n');
    if (key === '') return Promise.resolve();
    const known = mine.get(key) ?? mine.get('all');
    if (known) return known;
    const request = paths === 'all' ? { seq } : { seq, paths: key.split('\n') };
    const done = client.call('plan.provenance', request).then((res) => {
      // The plan object caches what the host sends for it; a newer plan makes the answer moot.
      Object.assign(plan.provenance, res.provenance);
      if (paths === 'all') complete.add(plan);
      if (s().plan === plan) s().provenanceArrived();
    }, () => {
      // The host keeps only recent plans; a newer plan is on its way with its own provenance.
    }).finally(() => mine.delete(key));
    mine.set(key, done);
    return done;
  };

  const loadSnapshot = async (): Promise<PodSnapshotView> => client.call('pod.snapshot', {});

  const openPod = async (path: string): Promise<boolean> => {
    const st = s();
    const edited = st.docOrder.filter((id) => st.docs[id] && isEdited(st.docs[id]));
    if (edited.length > 0 && st.podStatus === 'open') {
      // The same pod again: read it afresh, keeping the edits.
      if (st.summary?.root === path) {
        await reload();
        return true;
      }
      const names = edited.map((id) => st.docs[id].label).join(', ');
      if (confirmDiscard && !confirmDiscard(`Your edits to ${names} are not written anywhere. Open ${path} and discard them?`)) return false;
    }
    const mine = ++openSeq;
    s().setOpening();
    try {
      const summary = await client.call('pod.open', { root: path });
      mark('pod-opened');
      if (mine !== openSeq) return false;
      queue.reset();
      editSender.reset();
      forgetLive();
      s().clearPlan();
      s().clearDocProblems();
      s().setBaselinePlan(null, null);
      s().setComparePlan(null, null);
      s().selectFile(null);
      s().setDocs([]);
      diagnostics.podOpened();
      s().setPod(summary, null);
      // The first generation needs no edits, so it runs while the snapshot is read.
      submitLive();
      const snap = await loadSnapshot();
      mark('snapshot');
      if (mine !== openSeq) return false;
      s().setDisk(diskOf(snap));
      s().setDocs(docsFromSnapshot(snap));
      return true;
    } catch (err) {
      if (mine !== openSeq) return false;
      const e = errorText(err);
      s().setOpenError({ path, ...e });
      return false;
    }
  };

  const reload = async () => {
    if (s().podStatus !== 'open') return;
    try {
      const snap = await loadSnapshot();
      s().setDisk(diskOf(snap));
      s().refreshOriginals(docsFromSnapshot(snap));
      s().setPodGone(false);
      s().setChangedOnDisk([]);
      for (const id of s().docOrder) checkSyntax(id);
      submitLive();
    } catch (err) {
      const e = errorText(err);
      if (e.code === 'not-found' || e.code === 'not-a-pod') s().setPodGone(true);
      s().notify('error', `Could not re-read the pod: ${e.message}`);
    }
  };

  const checkSyntax = (id: DocId) => {
    const doc = s().docs[id];
    if (!doc) return;
    if (doc.readOnly || doc.original === null) { s().setSyntaxProblems(id, []); return; }
    const errors = doc.text.length > MAX_EDIT_CHARS ? [] : jsonSyntaxErrors(doc.text);
    const problems: Problem[] = errors.map((e, i) => ({
      id: `syntax:${id}:${i}`,
      severity: 'error',
      origin: 'syntax',
      message: e.message,
      doc: id,
      line: e.line,
      column: e.column,
    }));
    s().setSyntaxProblems(id, problems);
  };

  const onPodChanged = (ev: EventPayload<'pod.changed'>) => {
    const summary = s().summary;
    if (!summary || ev.root !== summary.root) return;
    if (ev.gone) {
      s().setPodGone(true);
      return;
    }
    s().setPodGone(false);
    s().setChangedOnDisk(ev.paths);
    // Re-read what changed: edited manifests keep their edits (refreshOriginals), so
    // nothing typed is lost; unedited ones follow the disk.
    void reload();
    diagnostics.podChanged();
  };

  const onAppCommand = (ev: EventPayload<'app.command'>) => {
    if (ev.command === 'open-pod') void openPod(ev.path);
    else if (ev.command === 'reload') void reload();
    else if (ev.command === 'toggle-theme') {
      const st = s();
      const dark = st.themePref === 'dark' || (st.themePref === 'system' && st.systemDark);
      st.setThemePref(dark ? 'light' : 'dark');
    } else {
      // write-units, export-bundle and open-data-dir need UI; the command layer listens too.
      commandListeners.forEach((l) => l(ev));
    }
  };
  const commandListeners = new Set<(ev: EventPayload<'app.command'>) => void>();

  const controller: Controller = {
    async init(podFromUrl) {
      unsubscribe.push(client.on('pod.changed', onPodChanged));
      unsubscribe.push(client.on('app.command', onAppCommand));
      try {
        // A pod named in the URL opens at once, beside the app.info request.
        const early = podFromUrl ? openPod(podFromUrl) : null;
        const info = await client.call('app.info', {});
        s().setAppInfo(info);
        if (early) await early;
        else if (info.initialPod) await openPod(info.initialPod);
      } catch (err) {
        s().notify('error', `Could not reach podunit: ${errorText(err).message}`);
      }
    },
    openPod,
    reload,
    editDoc(id, text) {
      const doc = s().docs[id];
      if (!doc || doc.readOnly || doc.text === text) return;
      edits++;
      s().editDoc(id, text);
      checkSyntax(id);
      submitLive();
    },
    revertDoc(id) {
      if (id) s().revertDoc(id);
      else s().revertAll();
      edits++;
      for (const docId of s().docOrder) checkSyntax(docId);
      submitLive();
    },
    setWhatIf(patch) {
      s().setWhatIf(patch);
      submitLive();
    },
    regenerate: submitLive,
    ensureProvenance,
    refreshDiffBase,
    async previewWrite() {
      return client.call('plan.previewWrite', prepare(buildInputs(s())));
    },
    async write(token, force) {
      const result = await client.call('plan.write', force ? { token, force } : { token });
      await reload();
      return result;
    },
    async exportBundle(target, format, overwrite) {
      const inputs = prepare(buildInputs(s()));
      return client.call('bundle.export', { ...inputs, target, format, ...(overwrite ? { overwrite } : {}) });
    },
    async chooseWithDialog(purpose) {
      const res = await client.call('dialog.choose', { purpose });
      return res.path;
    },
    listDataDir: (path) => client.call('pod.listDataDir', { dataDir: path }),
    idle: () => queue.idle(),
    diagnostics,
    onCommand(l) { commandListeners.add(l); return () => commandListeners.delete(l); },
    dispose() {
      unsubscribe.forEach((u) => u());
      diagnostics.dispose();
      queue.reset();
    },
  };
  return controller;
}
