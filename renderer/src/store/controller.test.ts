import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAppStore } from './appState';
import { createController } from './controller';
import { fakeClient, makePlan, makeSnapshot, UNIT, IMAGE_TEXT } from '../../test/fakeClient';
import { diskSummary, problems } from './selectors';
import type { ChannelRequest } from '../../../shared/ipc/contract';
import type { LineProvenance } from '../../../shared/plan';

function setup(options: { generate?: (req: ChannelRequest<'plan.generate'>) => ReturnType<typeof makePlan>; stage1Overrides?: boolean; confirmDiscard?: (message: string) => boolean } = {}) {
  const store = createAppStore();
  const generate = options.generate ?? ((req) => makePlan({
    [`${UNIT}/web.service`]: `[Unit]\nDescription=${req.manifests?.images?.web ? 'edited' : 'new'}\n`,
    [`${UNIT}/default.target`]: '[Unit]\nDescription=rkt apps target\n',
  }, { provenance: { [`${UNIT}/web.service`]: [{ line: 2, key: 'Description', sources: [{ kind: 'manifest', doc: { kind: 'image', app: 'web' }, pointer: '/name' }] }] } }));
  const client = fakeClient({
    'app.info': () => ({ name: 'podunit', version: '0', mode: 'browser', platform: 'linux', initialPod: '/pods/p', samples: [], recent: [], profiles: ['v1.30.0', 'v1.29.0'], defaultProfile: 'v1.30.0', nativeDialogs: false }),
    'pod.open': () => makeSnapshot().summary,
    'pod.snapshot': () => makeSnapshot(),
    'plan.generate': (req) => ({ seq: req.seq, superseded: false, plan: generate(req), diagnostics: [] }),
  });
  const controller = createController(store, client, { stage1Overrides: options.stage1Overrides ?? false }, options.confirmDiscard);
  return { store, client, controller };
}

test('opening a pod loads the manifests and selects the first app service unit', async () => {
  const { store, controller } = setup();
  await controller.init();
  await controller.idle();
  const s = store.getState();
  assert.equal(s.podStatus, 'open');
  assert.equal(s.activeDoc, 'pod');
  assert.deepEqual(s.docOrder, ['pod', 'image:web']);
  assert.equal(s.selectedFile, `${UNIT}/web.service`);
  assert.equal(diskSummary(s.plan, s.disk).byPath.get(`${UNIT}/web.service`), 'changed');
  assert.equal(diskSummary(s.plan, s.disk).byPath.get(`${UNIT}/default.target`), 'added');
});

test('an edit regenerates with the edited text; a syntax error keeps the last plan and marks it stale', async () => {
  const { store, client, controller } = setup();
  await controller.init();
  await controller.idle();
  const edited = IMAGE_TEXT.replace('/bin/web', '/bin/web2');
  controller.editDoc('image:web', edited);
  await controller.idle();
  const last = client.calls.filter((c) => c.channel === 'plan.generate').at(-1)!.request as ChannelRequest<'plan.generate'>;
  assert.equal(last.manifests?.images?.web, edited);
  assert.match(store.getState().plan!.entries.find((e) => e.path.endsWith('web.service'))!.content!, /edited/);
  assert.deepEqual(store.getState().changedLines, { path: `${UNIT}/web.service`, lines: [2] });

  const before = store.getState().plan;
  const calls = client.calls.length;
  controller.editDoc('image:web', '{ "acKind": ');
  await controller.idle();
  assert.equal(client.calls.length, calls, 'nothing is sent while the manifest does not parse');
  assert.equal(store.getState().stale, true);
  assert.equal(store.getState().plan, before);
  assert.ok(problems(store.getState()).some((p) => p.origin === 'syntax' && p.doc === 'image:web'));

  controller.revertDoc('image:web');
  await controller.idle();
  assert.equal(store.getState().stale, false);
  assert.equal(store.getState().docs['image:web'].text, IMAGE_TEXT);
});

test('what-if changes are sent as overrides', async () => {
  const { client, controller } = setup();
  await controller.init();
  controller.setWhatIf({ runtime: { Debug: true }, cgroupControllers: ['cpu'], profile: 'v1.29.0' });
  await controller.idle();
  const last = client.calls.filter((c) => c.channel === 'plan.generate').at(-1)!.request as ChannelRequest<'plan.generate'>;
  assert.deepEqual(last.runtime, { Debug: true });
  assert.deepEqual(last.host, { cgroupControllers: ['cpu'] });
  assert.equal(last.profile, 'v1.29.0');
});

test('flavor overrides are left out when the host does not accept them', async () => {
  const { client, controller } = setup();
  await controller.init();
  controller.setWhatIf({ flavor: 'kvm' });
  await controller.idle();
  const last = client.calls.filter((c) => c.channel === 'plan.generate').at(-1)!.request as Record<string, unknown>;
  assert.equal('stage1' in last, false);
});

test('flavor and systemd version are sent when the host accepts them; a bare number gets its v', async () => {
  const { client, controller } = setup({ stage1Overrides: true });
  await controller.init();
  controller.setWhatIf({ flavor: 'kvm', systemdVersion: '230' });
  await controller.idle();
  const last = client.calls.filter((c) => c.channel === 'plan.generate').at(-1)!.request as ChannelRequest<'plan.generate'>;
  assert.deepEqual(last.stage1, { flavor: 'kvm', systemdVersion: 'v230' });
  controller.setWhatIf({ flavor: null, systemdVersion: null });
  await controller.idle();
  const reset = client.calls.filter((c) => c.channel === 'plan.generate').at(-1)!.request as ChannelRequest<'plan.generate'>;
  assert.equal('stage1' in reset, false);
});

test('the live plan brings the selected file\'s provenance; other files\' is fetched by seq on demand, once', async () => {
  const { store, client, controller } = setup({
    generate: (req) => {
      const all: Record<string, LineProvenance[]> = { [`${UNIT}/web.service`]: [{ line: 2, key: 'Description', sources: [{ kind: 'constant' }] }], [`${UNIT}/default.target`]: [] };
      const files = { [`${UNIT}/web.service`]: '[Unit]\nDescription=x\n', [`${UNIT}/default.target`]: '[Unit]\n' };
      const provenance = req.provenanceFor ? Object.fromEntries(req.provenanceFor.map((p) => [p, all[p] ?? []])) : all;
      return makePlan(files, { provenance });
    },
  });
  client.handlers['plan.provenance'] = (req) => ({ seq: req.seq, provenance: Object.fromEntries((req.paths ?? []).map((p) => [p, []])) });
  await controller.init();
  await controller.idle();
  const live = client.calls.filter((c) => c.channel === 'plan.generate').at(-1)!.request as ChannelRequest<'plan.generate'>;
  assert.ok(Array.isArray(live.provenanceFor));
  const st = store.getState();
  const other = `${UNIT}/default.target`;
  assert.equal(Object.hasOwn(st.plan!.provenance, other), false);
  const before = st.provenanceVersion;
  await Promise.all([controller.ensureProvenance([other]), controller.ensureProvenance([other])]);
  await controller.ensureProvenance([other]);
  const asked = client.calls.filter((c) => c.channel === 'plan.provenance');
  assert.equal(asked.length, 1);
  assert.deepEqual(asked[0].request, { seq: live.seq, paths: [other] });
  assert.deepEqual(store.getState().plan!.provenance[other], []);
  assert.equal(store.getState().provenanceVersion, before + 1);
});

test('live answers refer to the previous live plan for unchanged files; the store gets whole plans', async () => {
  const { store, client, controller } = setup();
  const answer = client.handlers['plan.generate']!;
  client.handlers['plan.generate'] = async (req) => {
    const res = await answer(req);
    if (req.sameAs === undefined || !res.plan) return res;
    // As the host does: the unchanged default.target without its content.
    const i = res.plan.entries.findIndex((e) => e.path === `${UNIT}/default.target`);
    const entries = res.plan.entries.map((e, j) => (j === i ? { ...e, content: undefined } : e));
    return { ...res, plan: { ...res.plan, entries }, sameContent: [i] };
  };
  await controller.init();
  await controller.idle();
  controller.editDoc('image:web', IMAGE_TEXT.replace('/bin/web', '/bin/x'));
  await controller.idle();
  const requests = client.calls.filter((c) => c.channel === 'plan.generate').map((c) => c.request as ChannelRequest<'plan.generate'>);
  const last = requests.at(-1)!;
  assert.equal(last.sameAs, requests.at(-2)!.seq);
  const plan = store.getState().plan!;
  assert.equal(plan.entries.find((e) => e.path === `${UNIT}/default.target`)?.content, '[Unit]\nDescription=rkt apps target\n');
  assert.match(plan.entries.find((e) => e.path === `${UNIT}/web.service`)?.content ?? '', /edited/);
});

test('the original-manifest baseline is generated without edits', async () => {
  const { store, client, controller } = setup();
  await controller.init();
  controller.editDoc('image:web', IMAGE_TEXT.replace('/bin/web', '/bin/x'));
  store.getState().setDiffBase('original');
  controller.refreshDiffBase();
  await controller.idle();
  const requests = client.calls.filter((c) => c.channel === 'plan.generate').map((c) => c.request as ChannelRequest<'plan.generate'>);
  assert.ok(requests.some((r) => r.manifests === undefined && r.seq > 1));
  assert.ok(store.getState().baselinePlan);
});

test('a failed open keeps the previous pod and says why', async () => {
  const { store, client, controller } = setup();
  await controller.init();
  client.handlers['pod.open'] = () => { throw Object.assign(new Error('/tmp/x has no pod manifest'), { code: 'not-a-pod' }); };
  const ok = await controller.openPod('/tmp/x');
  assert.equal(ok, false);
  const s = store.getState();
  assert.equal(s.podStatus, 'open');
  assert.equal(s.summary?.root, '/pods/p');
  assert.deepEqual(s.openError, { path: '/tmp/x', code: 'not-a-pod', message: '/tmp/x has no pod manifest' });
});

test('the pod root disappearing keeps the edits and says so', async () => {
  const { store, client, controller } = setup();
  await controller.init();
  controller.editDoc('image:web', IMAGE_TEXT + ' ');
  client.emit('pod.changed', { root: '/pods/p', paths: [], gone: true });
  assert.equal(store.getState().podGone, true);
  assert.equal(store.getState().docs['image:web'].text, IMAGE_TEXT + ' ');
});

test('a change on disk reloads unedited manifests and keeps edited ones', async () => {
  const { store, client, controller } = setup();
  await controller.init();
  await controller.idle();
  controller.editDoc('pod', store.getState().docs.pod.text + '\n');
  const newImage = IMAGE_TEXT.replace('/bin/web', '/bin/changed');
  client.handlers['pod.snapshot'] = () => {
    const snap = makeSnapshot();
    snap.manifests.images[0].text = newImage;
    snap.manifests.pod.text = '{"acKind":"PodManifest","apps":[]}';
    return snap;
  };
  client.emit('pod.changed', { root: '/pods/p', paths: ['pod', 'stage1/rootfs/opt/stage2/web/manifest'], gone: false });
  await new Promise((r) => setTimeout(r, 10));
  await controller.idle();
  const s = store.getState();
  assert.equal(s.docs['image:web'].text, newImage);
  assert.ok(s.docs.pod.text.endsWith('\n'), 'the edited pod manifest keeps its edit');
  assert.equal(s.docs.pod.original, '{"acKind":"PodManifest","apps":[]}');
});

const podChanged = async (client: ReturnType<typeof setup>['client'], controller: ReturnType<typeof setup>['controller']) => {
  client.emit('pod.changed', { root: '/pods/p', paths: ['pod'], gone: false });
  await new Promise((r) => setTimeout(r, 10));
  await controller.idle();
};

/** The pod open, with an edit typed into the image manifest. */
async function openWithTypedEdit(options: Parameters<typeof setup>[0] = {}) {
  const opened = setup(options);
  await opened.controller.init();
  await opened.controller.idle();
  const typed = IMAGE_TEXT.replace('/bin/web', '/bin/typed');
  opened.controller.editDoc('image:web', typed);
  await opened.controller.idle();
  return { ...opened, typed };
}

test('an edited image manifest survives its pod manifest being unreadable on disk for a while', async () => {
  const { store, client, controller, typed } = await openWithTypedEdit();
  // Another program is half-way through saving the pod manifest: it lists no apps now.
  client.handlers['pod.snapshot'] = () => makeSnapshot({ manifests: { ...makeSnapshot().manifests, pod: { path: 'pod', text: '{"acKind": "PodMan', error: null }, images: [] } });
  await podChanged(client, controller);
  assert.deepEqual(store.getState().docOrder, ['pod', 'image:web']);
  assert.equal(store.getState().docs['image:web'].text, typed);
  assert.match(store.getState().docs['image:web'].notice ?? '', /edits are kept/);
  client.handlers['pod.snapshot'] = () => makeSnapshot();
  await podChanged(client, controller);
  assert.equal(store.getState().docs['image:web'].text, typed);
  assert.equal(store.getState().docs['image:web'].notice, null);
});

test('an edited manifest that cannot be read for a while keeps its edits, and generation keeps using them', async () => {
  const { store, client, controller, typed } = await openWithTypedEdit();
  client.handlers['pod.snapshot'] = () => makeSnapshot({ manifests: { ...makeSnapshot().manifests, images: [{ app: 'web', path: 'stage1/rootfs/opt/stage2/web/manifest', text: null, error: 'permission denied' }] } });
  await podChanged(client, controller);
  assert.equal(store.getState().docs['image:web'].text, typed);
  controller.regenerate();
  await controller.idle();
  const last = client.calls.filter((c) => c.channel === 'plan.generate').at(-1)!.request as ChannelRequest<'plan.generate'>;
  assert.ok(last.manifests?.images?.web !== undefined || last.manifestEdits?.images?.web !== undefined, 'the edits are still sent');
  client.handlers['pod.snapshot'] = () => makeSnapshot();
  await podChanged(client, controller);
  assert.equal(store.getState().docs['image:web'].text, typed);
});

test('opening the same pod again keeps the edits; opening another asks first', async () => {
  const asked: string[] = [];
  let answer = false;
  const { store, client, controller, typed } = await openWithTypedEdit({ confirmDiscard: (m) => { asked.push(m); return answer; } });
  assert.equal(await controller.openPod('/pods/p'), true);
  await controller.idle();
  assert.equal(store.getState().docs['image:web'].text, typed);
  assert.deepEqual(asked, []);
  const opens = client.calls.filter((c) => c.channel === 'pod.open').length;
  assert.equal(await controller.openPod('/pods/other'), false);
  assert.match(asked[0], /Your edits to web are not written anywhere\. Open \/pods\/other and discard them\?/);
  assert.equal(client.calls.filter((c) => c.channel === 'pod.open').length, opens, 'nothing opened');
  assert.equal(store.getState().docs['image:web'].text, typed);
  answer = true;
  assert.equal(await controller.openPod('/pods/other'), true);
  await controller.idle();
  assert.equal(store.getState().docs['image:web'].text, IMAGE_TEXT);
});

test('an answer that cannot be completed while a manifest does not parse leaves nothing generating', async () => {
  const { store, client, controller } = setup();
  await controller.init();
  await controller.idle();
  let release: () => void = () => {};
  client.handlers['plan.generate'] = (req) => new Promise((done) => {
    release = () => done({ seq: req.seq, superseded: false, plan: makePlan({ [`${UNIT}/web.service`]: '[Unit]\n' }), diagnostics: [], sameProvenance: ['not/in/the/base'] } as never);
  });
  controller.editDoc('image:web', IMAGE_TEXT.replace('/bin/web', '/bin/web2'));
  await new Promise((r) => setTimeout(r, 0));
  assert.equal(store.getState().generating, true);
  controller.editDoc('image:web', '{ "acKind": ');
  release();
  await new Promise((r) => setTimeout(r, 10));
  await controller.idle();
  assert.equal(store.getState().stale, true);
  assert.equal(store.getState().generating, false);
});
