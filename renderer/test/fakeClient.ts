// An in-memory PodunitClient for store and component tests: answers from fixtures and
// records every call.
import type { PodunitClient } from '../../shared/ipc/client';
import type { ChannelName, ChannelRequest, ChannelResponse, EventName, EventPayload, PodSnapshotView } from '../../shared/ipc/contract';
import { IpcError, type Envelope } from '../../shared/ipc/envelope';
import type { Plan } from '../../shared/plan';
import { defaultRuntimePod } from '../../shared/runtime';

export const UNIT = 'stage1/rootfs/usr/lib/systemd/system';

export function makePlan(files: Record<string, string>, extra: Partial<Plan> = {}): Plan {
  return {
    profile: 'v1.30.0',
    podRoot: '/pods/p',
    error: null,
    errorStage: null,
    entries: Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1)).map(([path, content]) => ({ path, kind: 'file', mode: '0644', uid: 0, gid: 0, content })),
    stderr: '',
    nspawnArgs: [],
    nspawnError: null,
    nspawnEntries: [],
    nspawnStderr: '',
    warnings: [],
    provenance: {},
    elapsedMs: 1.5,
    ...extra,
  };
}

export const POD_TEXT = JSON.stringify({ acKind: 'PodManifest', acVersion: '1.30.0', apps: [{ name: 'web', image: { name: 'example.com/web', id: 'sha512-0' } }] }, null, 2);
export const IMAGE_TEXT = JSON.stringify({ acKind: 'ImageManifest', acVersion: '0.8.11', name: 'example.com/web', app: { exec: ['/bin/web'], user: '0', group: '0' } }, null, 2);

export function makeSnapshot(overrides: Partial<PodSnapshotView> = {}): PodSnapshotView {
  return {
    summary: {
      root: '/pods/p', uuid: '', state: null, apps: [{ name: 'web', imageName: 'example.com/web', exitStatus: null }],
      flavor: 'coreos', systemdVersion: 'v233', mutable: false, overlay: false, sample: false, warnings: [],
    },
    manifests: {
      pod: { path: 'pod', text: POD_TEXT, error: null },
      images: [{ app: 'web', path: 'stage1/rootfs/opt/stage2/web/manifest', text: IMAGE_TEXT, error: null }],
      stage1: null,
    },
    runtime: defaultRuntimePod(),
    runtimeConfigText: null,
    host: { cgroupControllers: ['memory', 'cpu'], systemctlVersionOutput: null, path: '/usr/bin', umask: 0o22, arch: 'amd64', devices: {} },
    units: [{ path: `${UNIT}/web.service`, kind: 'file', mode: '0644', size: 10, content: '[Unit]\nDescription=old\n', target: null }],
    env: [],
    sysusers: [],
    ...overrides,
  } as PodSnapshotView;
}

type Handler<C extends ChannelName> = (req: ChannelRequest<C>) => ChannelResponse<C> | Promise<ChannelResponse<C>>;

export interface FakeClient extends PodunitClient {
  calls: { channel: ChannelName; request: unknown }[];
  handlers: Partial<{ [C in ChannelName]: Handler<C> }>;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

export function fakeClient(handlers: FakeClient['handlers']): FakeClient {
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const calls: FakeClient['calls'] = [];
  const invoke = async <C extends ChannelName>(channel: C, request: ChannelRequest<C>): Promise<Envelope<ChannelResponse<C>>> => {
    calls.push({ channel, request });
    const h = client.handlers[channel] as Handler<C> | undefined;
    if (!h) return { ok: false, error: { code: 'unknown-channel', message: channel } };
    try {
      return { ok: true, value: await h(request) };
    } catch (err) {
      const e = err as { code?: string; message?: string };
      return { ok: false, error: { code: (e.code ?? 'internal') as never, message: e.message ?? String(err) } };
    }
  };
  const client: FakeClient = {
    calls,
    handlers,
    invoke,
    async call(channel, request) {
      const r = await invoke(channel, request);
      if (!r.ok) throw new IpcError(r.error.code, r.error.message);
      return r.value;
    },
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener as (p: unknown) => void);
      return () => set!.delete(listener as (p: unknown) => void);
    },
    emit(event, payload) {
      for (const l of listeners.get(event) ?? []) l(payload);
    },
  };
  return client;
}
