// The contract's handlers, written once for both transports. `Handlers` maps every channel of
// the contract to its handler, so a channel without one does not compile.
import type {
  ChannelName, ChannelResponse, HandlerRequest, RecentPod,
} from '../../shared/ipc/contract.js';
import { IpcError } from '../../shared/ipc/envelope.js';
import { withoutSame } from '../../shared/plan-delta.js';
import type { Plan } from '../../shared/plan.js';
import { defaultRuntimePod } from '../../shared/runtime.js';
import type { RecentStore } from '../app-state/recent.js';
import { exportBundle } from '../export/write-bundle.js';
import { listDataDir } from './data-dir.js';
import { createDiagnosticsHandlers, type DiagnosticsTools } from './diagnostics-handlers.js';
import type { Engine } from './engine.js';
import { diagnosticsFor, generateFor } from './generate.js';
import { isInside } from './confine.js';
import { openPodDir, summarizePod } from './pod-summary.js';
import { podView } from './pod-view.js';
import { provenanceOf } from './provenance.js';
import { warmUp, type WarmUpOptions } from './warm-up.js';
import type { Session } from './session.js';
import { confirmWrite, previewWrite } from './write-flow.js';

export interface CallContext {
  session: Session;
}

export type Handler<C extends ChannelName> =
  (request: HandlerRequest<C>, ctx: CallContext) => ChannelResponse<C> | Promise<ChannelResponse<C>>;
export type Handlers = { [C in ChannelName]: Handler<C> };

export interface Sample { id: string; title: string; description: string; root: string }
export type DialogPurpose = HandlerRequest<'dialog.choose'>['purpose'];

export interface HandlerEnv {
  mode: 'electron' | 'browser';
  name: string;
  version: string;
  engine: Engine;
  samples: Sample[];
  /** Real path of the directory holding the sample pods. */
  samplesDir: string | null;
  /** Pod root to open first (command line), else null for the default sample. */
  initialPod: string | null;
  recent: RecentStore;
  /** Native dialogs; null where there are none (browser mode). */
  chooseDialog: ((purpose: DialogPurpose) => Promise<string | null>) | null;
  /** Where the diagnostics find journalctl and systemd-analyze (default: on PATH). */
  diagnosticsTools?: DiagnosticsTools;
  /** How the generator is warmed up after a pod's first plan (default WARM_UP). */
  warmUp?: WarmUpOptions;
}

const yieldToQueuedRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

export function createHandlers(env: HandlerEnv): Handlers {
  const { engine } = env;
  const isSample = (path: string) => env.samplesDir !== null && isInside(env.samplesDir, path);
  /** The open pod, refusing the shipped samples: writing would change the installation. */
  const writableRoot = (session: Session) => {
    const root = session.requireRoot();
    if (isSample(root)) {
      throw new IpcError('unsupported', 'The sample pods are read-only. Copy the pod root elsewhere (cp -a keeps its symlinks) and open the copy to write units into it.');
    }
    return root;
  };
  const remember = (path: string, kind: RecentPod['kind']) => {
    if (!isSample(path)) env.recent.add(path, kind);
  };

  return {
    'app.info': () => {
      const profiles = engine.profiles();
      return {
        name: env.name,
        version: env.version,
        mode: env.mode,
        platform: process.platform,
        initialPod: env.initialPod ?? env.samples[0]?.root ?? null,
        samples: env.samples,
        recent: env.recent.list(),
        profiles: profiles.names,
        defaultProfile: profiles.default,
        nativeDialogs: env.chooseDialog !== null,
      };
    },

    'recent.list': () => env.recent.list(),

    'recent.clear': () => {
      env.recent.clear();
      return {};
    },

    'dialog.choose': async ({ purpose }) => {
      if (!env.chooseDialog) throw new IpcError('unsupported', 'Native dialogs exist only in the desktop app; type the path instead.');
      return { path: await env.chooseDialog(purpose) };
    },

    'pod.open': ({ root }, { session }) => {
      const pod = openPodDir(root);
      const summary = summarizePod(pod, env.samplesDir);
      session.open(pod.root, summary.apps.map((a) => a.name));
      remember(pod.root, 'pod-root');
      return summary;
    },

    'pod.close': (_req, { session }) => {
      session.close();
      return {};
    },

    'pod.listDataDir': async ({ dataDir }) => {
      const result = await listDataDir(engine, dataDir);
      remember(result.dataDir, 'data-dir');
      return result;
    },

    'pod.snapshot': (_req, { session }) => {
      const pod = openPodDir(session.requireRoot());
      let runtime = defaultRuntimePod();
      let host;
      try {
        const snapshot = engine.readSnapshot(pod.root, {});
        runtime = snapshot.runtime;
        host = snapshot.host;
      } catch {
        host = engine.probeHostFacts();
      }
      return podView(pod, runtime, host, env.samplesDir);
    },

    'plan.generate': async (request, { session }) => {
      const { seq, provenanceFor, sameAs, manifestEdits, ...given } = request;
      // Before any await: edits apply to the texts of the requests before this one, in order.
      const inputs = { ...given, manifests: session.manifestTexts.resolve(given.manifests, manifestEdits) };
      session.latestSeq = Math.max(session.latestSeq, seq);
      // Let requests already queued behind this one register their seq, so stale work is dropped.
      await yieldToQueuedRequests();
      if (seq < session.latestSeq) return { seq, superseded: true, plan: null, diagnostics: [] };
      const root = session.requireRoot();
      const started = performance.now();
      const plan = generateFor(engine, root, inputs);
      const base = sameAs === undefined ? null : session.planOf(sameAs);
      session.rememberPlan(seq, plan);
      // A plain copy with the asked-for files' provenance only: the plan's own record computes
      // lines on demand (for every file, when all are read) and cannot be cloned.
      const sendable = (p: Plan): Plan => ({ ...p, provenance: provenanceOf(p, provenanceFor) });
      if (session.claimWarmUp()) {
        // The same work as answering an edit, on the same inputs.
        const stop = warmUp(
          () => withoutSame(sendable(generateFor(engine, root, inputs)), plan),
          () => session.latestSeq === seq && session.root === root,
          performance.now() - started,
          env.warmUp,
        );
        session.onPodClose(stop);
      }
      const trimmed = sendable(plan);
      const answer = { seq, superseded: false, plan: trimmed, diagnostics: diagnosticsFor(plan, inputs) };
      if (!base) return answer;
      const { plan: sent, delta } = withoutSame(trimmed, base);
      return {
        ...answer,
        plan: sent,
        ...(delta.sameEntries.length > 0 ? { sameEntries: delta.sameEntries } : {}),
        ...(delta.sameContent.length > 0 ? { sameContent: delta.sameContent } : {}),
        ...(delta.sameProvenance.length > 0 ? { sameProvenance: delta.sameProvenance } : {}),
      };
    },

    'plan.provenance': ({ seq, paths }, { session }) => {
      const plan = session.planOf(seq);
      if (!plan) throw new IpcError('not-found', `The plan of request ${seq} is no longer kept: only the last few are. Generate again.`);
      return { seq, provenance: provenanceOf(plan, paths) };
    },

    'plan.previewWrite': (inputs, { session }) => {
      const root = writableRoot(session);
      return previewWrite(session, engine, root, generateFor(engine, root, inputs));
    },

    // No token is ever handed out for a sample pod (see plan.previewWrite).
    'plan.write': ({ token, force }, { session }) => confirmWrite(session, engine, token, force ?? false),

    'bundle.export': ({ target, format, overwrite, ...inputs }, { session }) => {
      const plan = generateFor(engine, session.requireRoot(), inputs);
      if (plan.error) {
        throw new IpcError('bad-request', `Nothing to export: generation failed (${plan.error.message}).`);
      }
      if (plan.nspawnError) {
        throw new IpcError('bad-request', `Nothing to export: the systemd-nspawn arguments failed (${plan.nspawnError.message}).`);
      }
      return exportBundle(plan, target, format, overwrite ?? false, engine.writeFileAtomic);
    },

    ...createDiagnosticsHandlers(env.diagnosticsTools),
  };
}

