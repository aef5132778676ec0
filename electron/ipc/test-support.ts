// Helpers for the IPC tests: temporary copies of the sample pods, and an Engine whose generator
// is a stand-in (the real pod reader, preview and writer are used as they are).
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Plan, PlanEntry } from '../../shared/plan.js';
import { defaultRuntimePod } from '../../shared/runtime.js';
import { listPods } from '../diagnostics/discovery.js';
import type { PodSnapshot } from '../generator/snapshot.js';
import { applyPlan, previewApply } from '../pod/apply.js';
import { readPodSnapshot } from '../pod/read.js';
import { writeFileAtomic } from '../pod/write.js';
import { memoryRecentStore } from '../app-state/recent.js';
import { findAppRoot, loadSamples } from './app-env.js';
import type { Engine } from './engine.js';
import { translated } from './engine-errors.js';
import { createHandlers, type HandlerEnv } from './handlers.js';
import { dispatch } from './dispatch.js';
import { Session } from './session.js';
import assert from 'node:assert/strict';
import type { ChannelName, ChannelRequest, ChannelResponse, EventName, EventPayload } from '../../shared/ipc/contract.js';
import type { Envelope } from '../../shared/ipc/envelope.js';

export const APP_ROOT = findAppRoot();
export const PODS_DIR = join(APP_ROOT, 'assets', 'pods');
export const SAMPLES = loadSamples(PODS_DIR);

export function tempDir(prefix = 'podunit-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A writable copy of a sample pod, in a fresh temporary directory. */
export function copySamplePod(id: string, into: string): string {
  const sample = SAMPLES.find((s) => s.id === id);
  if (!sample) throw new Error(`no sample pod ${id}`);
  const root = join(into, 'pods', 'run', sample.root.split('/').pop()!);
  cpSync(sample.root, root, { recursive: true, verbatimSymlinks: true });
  return root;
}

export function planOf(snapshot: Pick<PodSnapshot, 'root'>, entries: PlanEntry[], extra: Partial<Plan> = {}): Plan {
  return {
    profile: 'test', podRoot: snapshot.root, error: null, errorStage: null, entries,
    stderr: '', nspawnArgs: ['--boot'], nspawnError: null, nspawnEntries: null, nspawnStderr: '',
    warnings: [], provenance: {}, elapsedMs: 0, ...extra,
  };
}

/** A stand-in generator: one unit whose text shows the (edited) pod manifest's first app name. */
export function stubGenerate(snapshot: PodSnapshot): Plan {
  const text = snapshot.overrides?.pod ?? new TextDecoder().decode(snapshot.fs.readFile('pod'));
  let first = '?';
  try {
    first = (JSON.parse(text) as { apps: Array<{ name: string }> }).apps[0]?.name ?? '-';
  } catch (err) {
    return planOf(snapshot, [], {
      error: { message: (err as Error).message, chain: [], panic: false, source: { kind: 'manifest', doc: { kind: 'pod' }, pointer: '' } },
      errorStage: 'load',
    });
  }
  return planOf(snapshot, [
    { path: 'stage1/rootfs/usr/lib/systemd/system/podunit-test.service', kind: 'file', mode: '0644', uid: 0, gid: 0, content: `[Unit]\nDescription=${first}\n` },
    { path: 'stage1/rootfs/usr/lib/systemd/system/default.target.wants/podunit-test.service', kind: 'symlink', uid: 0, gid: 0, target: '../podunit-test.service' },
  ], { provenance: { 'stage1/rootfs/usr/lib/systemd/system/podunit-test.service': [{ line: 2, key: 'Description', sources: [{ kind: 'manifest', doc: { kind: 'pod' }, pointer: '/apps/0/name' }] }] } });
}

export function testEngine(generate: (s: PodSnapshot, profile?: string) => Plan = stubGenerate): Engine {
  const host = {
    cgroupControllers: ['cpu', 'memory'], systemctlVersionOutput: 'systemd 252\n', path: '/usr/bin:/bin', umask: 0o022, arch: 'amd64', devices: {},
  };
  return {
    readSnapshot: translated((root, inputs) => readPodSnapshot(root, { ...inputs, host: { ...host, ...inputs.host } })),
    generate: translated(generate),
    previewApply: translated(previewApply),
    applyPlan: translated(applyPlan),
    probeHostFacts: () => host,
    profiles: () => ({ names: ['test'], default: 'test' }),
    listPods: translated(listPods),
    writeFileAtomic: translated((dir, rel, data, mode) => writeFileAtomic(dir, rel, data, mode)),
  };
}

export function testEnv(engine: Engine = testEngine(), extra: Partial<HandlerEnv> = {}): HandlerEnv {
  return {
    mode: 'browser', name: 'podunit', version: '0.0.0-test', engine, samples: SAMPLES, samplesDir: PODS_DIR,
    initialPod: null, recent: memoryRecentStore(), chooseDialog: null, ...extra,
  };
}

export { defaultRuntimePod };

/**
 * A session and its handlers, called the way the dispatcher does: `call` gives the envelope,
 * `value` the answer (failing the test on an error). Pushes of `event` are collected.
 */
export function testClient<E extends EventName>(event: E, env: HandlerEnv = testEnv()) {
  const events: EventPayload<E>[] = [];
  const collect = (name: EventName, payload: unknown) => { if (name === event) events.push(payload as EventPayload<E>); };
  const session = new Session(collect, { debounceMs: 20 });
  const handlers = createHandlers(env);
  const call = <C extends ChannelName>(channel: C, request: ChannelRequest<C>) =>
    dispatch(handlers, { session }, channel, request) as Promise<Envelope<ChannelResponse<C>>>;
  const value = async <C extends ChannelName>(channel: C, request: ChannelRequest<C>) => {
    const r = await call(channel, request);
    if (!r.ok) assert.fail(`${channel}: ${r.error.code}: ${r.error.message}`);
    return r.value;
  };
  return { session, call, value, events };
}
