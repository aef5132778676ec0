import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHANNEL_NAMES } from '../../shared/ipc/contract.js';
import { createHandlers, type HandlerEnv, type Handlers } from './handlers.js';
import { textEdit } from '../../shared/text-edit.js';
import { generate } from '../generator/index.js';
import { copySamplePod, planOf, SAMPLES, tempDir, testClient, testEngine, testEnv } from './test-support.js';

const tmp = tempDir();
after(tmp.cleanup);
let n = 0;
const freshPod = (id = 'two-apps') => copySamplePod(id, join(tmp.dir, String(n++)));

function client(env: HandlerEnv = testEnv()) {
  return testClient('pod.changed', env);
}

test('app.info lists the sample pods and starts on the first one', async () => {
  const c = client();
  const info = await c.value('app.info', {});
  assert.equal(info.mode, 'browser');
  assert.ok(info.samples.length >= 3);
  assert.deepEqual(info.samples.slice(0, 3).map((s) => s.id), ['two-apps', 'failed-app', 'mutable']);
  assert.equal(info.initialPod, SAMPLES[0].root);
  assert.equal(info.nativeDialogs, false);
  const dialog = await c.call('dialog.choose', { purpose: 'pod-root' });
  assert.equal(!dialog.ok && dialog.error.code, 'unsupported');
});

test('pod.open summarises each sample pod', async () => {
  const c = client();
  const healthy = await c.value('pod.open', { root: SAMPLES[0].root });
  assert.deepEqual(healthy.apps.map((a) => a.name), ['rorf', 'rorf2']);
  assert.equal(healthy.flavor, 'coreos');
  assert.equal(healthy.systemdVersion, 'v233');
  assert.equal(healthy.state, 'run');
  assert.equal(healthy.sample, true);
  assert.deepEqual(healthy.warnings, []);
  const failed = await c.value('pod.open', { root: SAMPLES[1].root });
  assert.deepEqual(failed.apps, [{ name: 'abs', imageName: 'example.com/abs', exitStatus: 203 }]);
  assert.equal(failed.state, 'exited-garbage');
  const mutable = await c.value('pod.open', { root: SAMPLES[2].root });
  assert.deepEqual(mutable.apps.map((a) => a.name), ['added1', 'added-2']);
  c.session.dispose();
});

test('pod.open explains what is wrong with a path that is not a pod root', async () => {
  const c = client();
  const missing = await c.call('pod.open', { root: join(tmp.dir, 'nope') });
  assert.equal(!missing.ok && missing.error.code, 'not-found');
  const dataDir = await c.call('pod.open', { root: join(SAMPLES[0].root, '..', '..', '..') });
  assert.equal(!dataDir.ok && dataDir.error.code, 'not-a-pod');
  assert.match(!dataDir.ok ? dataDir.error.message : '', /rkt data dir/);
  const file = await c.call('pod.open', { root: join(SAMPLES[0].root, 'pod') });
  assert.equal(!file.ok && file.error.code, 'not-a-pod');
});

test('pod.snapshot carries manifests, units on disk, env and sysusers files', async () => {
  const c = client();
  await c.value('pod.open', { root: SAMPLES[0].root });
  const snap = await c.value('pod.snapshot', {});
  assert.equal(snap.manifests.pod.path, 'pod');
  assert.match(snap.manifests.pod.text ?? '', /PodManifest/);
  assert.deepEqual(snap.manifests.images.map((i) => [i.app, i.path]), [
    ['rorf', 'stage1/rootfs/opt/stage2/rorf/manifest'], ['rorf2', 'stage1/rootfs/opt/stage2/rorf2/manifest'],
  ]);
  assert.match(snap.manifests.stage1?.text ?? '', /stage1-coreos/);
  const unit = snap.units.find((u) => u.path.endsWith('/rorf.service') && u.kind === 'file');
  assert.match(unit?.content ?? '', /RootDirectory=\/opt\/stage2\/rorf\/rootfs/);
  const want = snap.units.find((u) => u.path.endsWith('default.target.wants/rorf.service'));
  assert.equal(want?.kind, 'symlink');
  assert.equal(want?.target, '../rorf.service');
  assert.deepEqual(snap.env.map((e) => e.path.split('/').pop()), ['rorf', 'rorf2']);
  assert.deepEqual(snap.sysusers.map((e) => e.path.split('/').pop()), ['rorf.service.conf', 'rorf2.service.conf']);
  assert.equal(snap.summary.flavor, 'coreos');
  assert.equal(snap.runtime.Mutable, false);
  c.session.dispose();
});

test('plan.generate applies edits, answers with the seq, and drops superseded requests', async () => {
  const c = client();
  await c.value('pod.open', { root: SAMPLES[0].root });
  const edited = readFileSync(join(SAMPLES[0].root, 'pod'), 'utf8').replace('"rorf"', '"renamed"');
  const [first, second] = await Promise.all([
    c.value('plan.generate', { seq: 1, manifests: { pod: edited } }),
    c.value('plan.generate', { seq: 2, manifests: { pod: edited } }),
  ]);
  assert.deepEqual([first.seq, first.superseded, first.plan], [1, true, null]);
  assert.equal(second.superseded, false);
  assert.match(second.plan?.entries[0].content ?? '', /Description=renamed/);
  const broken = await c.value('plan.generate', { seq: 3, manifests: { pod: '{"apps": [' } });
  assert.ok(broken.plan?.error);
  assert.equal(broken.diagnostics[0].severity, 'error');
  assert.deepEqual(broken.diagnostics[0].doc, { kind: 'pod' });
  assert.match(broken.diagnostics[0].message, /JSON syntax error/);
  c.session.dispose();
});

test('plan.generate takes manifest edits against the text the connection sent last', async () => {
  const c = client();
  await c.value('pod.open', { root: SAMPLES[0].root });
  const pod = readFileSync(join(SAMPLES[0].root, 'pod'), 'utf8');
  const renamed = pod.replace('"rorf"', '"renamed"');
  // Nothing sent yet: an edit has no text to apply to.
  const blind = await c.call('plan.generate', { seq: 1, manifestEdits: { pod: textEdit(pod, renamed) } });
  assert.equal(!blind.ok && blind.error.code, 'unknown-base');
  await c.value('plan.generate', { seq: 2, manifests: { pod } });
  const first = await c.value('plan.generate', { seq: 3, manifestEdits: { pod: textEdit(pod, renamed) } });
  assert.match(first.plan?.entries[0].content ?? '', /Description=renamed/);
  const again = renamed.replace('"renamed"', '"again"');
  const second = await c.value('plan.generate', { seq: 4, manifestEdits: { pod: textEdit(renamed, again) } });
  assert.match(second.plan?.entries[0].content ?? '', /Description=again/);
  // An edit made against another text (same length, other characters) would be wrong: its length check refuses most.
  const stale = await c.call('plan.generate', { seq: 5, manifestEdits: { pod: textEdit(pod + 'xx', again) } });
  assert.equal(!stale.ok && stale.error.code, 'unknown-base');
  // Reopening the pod forgets the texts.
  await c.value('pod.open', { root: SAMPLES[0].root });
  const reopened = await c.call('plan.generate', { seq: 6, manifestEdits: { pod: textEdit(again, pod) } });
  assert.equal(!reopened.ok && reopened.error.code, 'unknown-base');
  c.session.dispose();
});

test('writing needs a preview token, is single use, and keeps backups of conflicting files', async () => {
  const root = freshPod();
  const c = client();
  await c.value('pod.open', { root });
  const noToken = await c.call('plan.write', { token: 'made-up' });
  assert.equal(!noToken.ok && noToken.error.code, 'confirmation-required');

  const unit = join(root, 'stage1/rootfs/usr/lib/systemd/system/podunit-test.service');
  writeFileSync(unit, 'hand written\n');
  const preview = await c.value('plan.previewWrite', {});
  assert.deepEqual(preview.conflicts, ['stage1/rootfs/usr/lib/systemd/system/podunit-test.service']);
  const change = preview.changes.find((ch) => ch.path.endsWith('podunit-test.service') && ch.kind === 'file');
  assert.equal(change?.action, 'conflict');
  assert.equal(change?.before, 'hand written\n');
  assert.equal(change?.backup, 'stage1/rootfs/usr/lib/systemd/system/podunit-test.service.podunit-bak');

  const unforced = await c.call('plan.write', { token: preview.token });
  assert.equal(!unforced.ok && unforced.error.code, 'conflict');
  assert.equal(readFileSync(unit, 'utf8'), 'hand written\n');
  const reused = await c.call('plan.write', { token: preview.token, force: true });
  assert.equal(!reused.ok && reused.error.code, 'confirmation-required');

  const again = await c.value('plan.previewWrite', {});
  const written = await c.value('plan.write', { token: again.token, force: true });
  assert.equal(readFileSync(unit, 'utf8'), '[Unit]\nDescription=rorf\n');
  assert.equal(readFileSync(`${unit}.podunit-bak`, 'utf8'), 'hand written\n');
  assert.deepEqual(written.backups.map((b) => b.path), ['stage1/rootfs/usr/lib/systemd/system/podunit-test.service']);
  assert.equal(readlinkSync(join(root, 'stage1/rootfs/usr/lib/systemd/system/default.target.wants/podunit-test.service')), '../podunit-test.service');
  c.session.dispose();
});

test('a write is refused when the disk changed after the preview', async () => {
  const root = freshPod();
  const c = client();
  await c.value('pod.open', { root });
  const preview = await c.value('plan.previewWrite', {});
  writeFileSync(join(root, 'stage1/rootfs/usr/lib/systemd/system/podunit-test.service'), 'sneaked in\n');
  const r = await c.call('plan.write', { token: preview.token, force: true });
  assert.equal(!r.ok && r.error.code, 'conflict');
  assert.equal(readFileSync(join(root, 'stage1/rootfs/usr/lib/systemd/system/podunit-test.service'), 'utf8'), 'sneaked in\n');
  c.session.dispose();
});

for (const [label, entryPath] of [
  ['..', '../escaped.service'],
  ['nested ..', 'stage1/rootfs/../../escaped.service'],
  ['an absolute path', '/tmp/podunit-escaped.service'],
] as const) {
  test(`no channel writes outside the pod root: ${label}`, async () => {
    const root = freshPod();
    const engine = testEngine((s) => planOf(s, [{ path: entryPath, kind: 'file', mode: '0644', uid: 0, gid: 0, content: 'x' }]));
    const c = client(testEnv(engine));
    await c.value('pod.open', { root });
    const preview = await c.call('plan.previewWrite', {});
    assert.equal(!preview.ok && preview.error.code, 'outside-root', JSON.stringify(preview));
    const exported = await c.call('bundle.export', { target: join(tmp.dir, `bundle-${n++}`), format: 'dir' });
    assert.equal(exported.ok, false);
    assert.ok(!existsSync(join(root, '..', 'escaped.service')));
    assert.ok(!existsSync('/tmp/podunit-escaped.service'));
    c.session.dispose();
  });
}

test('no channel writes outside the pod root: symlink escape', async () => {
  const root = freshPod();
  const outside = join(tmp.dir, `outside-${n++}`);
  mkdirSync(outside);
  const unitsDir = join(root, 'stage1/rootfs/usr/lib/systemd/system');
  rmSync(unitsDir, { recursive: true });
  symlinkSync(outside, unitsDir);
  const c = client();
  await c.value('pod.open', { root });
  const preview = await c.call('plan.previewWrite', {});
  assert.equal(!preview.ok && preview.error.code, 'outside-root', JSON.stringify(preview));
  assert.deepEqual(readdir(outside), []);
  c.session.dispose();
});

test('no channel writes outside the pod root: a symlink planted between preview and write', async () => {
  const root = freshPod();
  const outside = join(tmp.dir, `outside-${n++}`);
  mkdirSync(outside);
  const c = client();
  await c.value('pod.open', { root });
  const preview = await c.value('plan.previewWrite', {});
  const wants = join(root, 'stage1/rootfs/usr/lib/systemd/system/default.target.wants');
  rmSync(wants, { recursive: true });
  symlinkSync(outside, wants);
  const r = await c.call('plan.write', { token: preview.token, force: true });
  assert.equal(!r.ok && r.error.code, 'outside-root', JSON.stringify(r));
  assert.deepEqual(readdir(outside), []);
  c.session.dispose();
});

test('bundle.export does not follow a symlink planted in the export folder', async () => {
  const root = freshPod();
  const target = join(tmp.dir, `export-${n++}`);
  const outside = join(tmp.dir, `outside-${n++}`);
  mkdirSync(target);
  mkdirSync(outside);
  symlinkSync(outside, join(target, 'pod'));
  const c = client();
  await c.value('pod.open', { root });
  const r = await c.call('bundle.export', { target, format: 'dir', overwrite: true });
  assert.equal(!r.ok && r.error.code, 'outside-root', JSON.stringify(r));
  assert.deepEqual(readdir(outside), []);
  const ok = await c.value('bundle.export', { target: join(tmp.dir, `export-${n++}.tar.gz`), format: 'tar.gz' });
  assert.ok(ok.files.some((f) => f.path === 'SHA256SUMS'));
  c.session.dispose();
});

test('a pod root deleted while open gives a clear message and a pod.changed event', async () => {
  const root = freshPod();
  const c = client();
  await c.value('pod.open', { root });
  rmSync(root, { recursive: true, force: true });
  for (const [channel, payload] of [['pod.snapshot', {}], ['plan.generate', { seq: 1 }], ['plan.previewWrite', {}], ['bundle.export', { target: join(tmp.dir, 'b.tar.gz'), format: 'tar.gz' }]] as const) {
    const r = await c.call(channel, payload as never);
    assert.equal(!r.ok && r.error.code, 'not-found', channel);
    assert.match(!r.ok ? r.error.message : '', /no longer exists: it was deleted or moved while open/);
  }
  await waitFor(() => c.events.some((e) => e.gone));
  assert.equal(c.events.find((e) => e.gone)?.root, root);
  c.session.dispose();
});

test('pod.changed reports edits of watched files', async () => {
  const root = freshPod();
  const c = client();
  await c.value('pod.open', { root });
  writeFileSync(join(root, 'stage1/rootfs/usr/lib/systemd/system/rorf.service'), 'edited\n');
  await waitFor(() => c.events.some((e) => e.paths.includes('stage1/rootfs/usr/lib/systemd/system/rorf.service')));
  assert.equal(c.events[0].gone, false);
  c.session.dispose();
});

test('pod.listDataDir lists the sample data dir by state', async () => {
  const c = client();
  const dataDir = join(SAMPLES[0].root, '..', '..', '..');
  const listing = await c.value('pod.listDataDir', { dataDir });
  const byUuid = new Map(listing.pods.map((p) => [p.uuid, p]));
  assert.equal(byUuid.get('7a2e9c41-0d3b-4c6e-8f15-2b9d4e6a8c30')?.dirState, 'exited-garbage');
  assert.deepEqual(byUuid.get('3f6d2a1c-8b4e-4f1a-9c2d-5e7b8a9c0d1e')?.apps, ['rorf', 'rorf2']);
  const notData = await c.call('pod.listDataDir', { dataDir: SAMPLES[0].root });
  assert.equal(!notData.ok && notData.error.code, 'not-a-pod');
  assert.match(!notData.ok ? notData.error.message : '', /looks like a pod root/);
});

test('the shipped sample pods cannot be written to', async () => {
  const c = client();
  await c.value('pod.open', { root: SAMPLES[0].root });
  const r = await c.call('plan.previewWrite', {});
  assert.equal(!r.ok && r.error.code, 'unsupported');
  assert.match(!r.ok ? r.error.message : '', /sample pods are read-only/);
  c.session.dispose();
});

test('every channel of the contract has a handler (and leaving one out does not compile)', () => {
  const all = createHandlers(testEnv());
  assert.deepEqual(Object.keys(all).sort(), [...CHANNEL_NAMES].sort());
  const { 'pod.open': _left, ...rest } = all;
  // @ts-expect-error: 'pod.open' is missing
  const incomplete: Handlers = rest;
  assert.equal('pod.open' in incomplete, false);
});

test('recent pods remember opened roots (but not the samples)', async () => {
  const root = freshPod();
  const c = client();
  await c.value('pod.open', { root: SAMPLES[0].root });
  await c.value('pod.open', { root });
  const recent = await c.value('recent.list', {});
  assert.deepEqual(recent.map((r) => r.path), [root]);
  await c.value('recent.clear', {});
  assert.deepEqual(await c.value('recent.list', {}), []);
  c.session.dispose();
});

function readdir(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir) : [];
}

async function waitFor(cond: () => boolean, ms = 3000): Promise<void> {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > ms) assert.fail('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

test('bundle.export refuses a plan whose systemd-nspawn arguments failed, as writing does', async () => {
  const root = freshPod();
  const c = client(testEnv(testEngine((snapshot) => generate(snapshot))));
  await c.value('pod.open', { root });
  const pod = JSON.parse(readFileSync(join(root, 'pod'), 'utf8'));
  const volume = pod.volumes.findIndex((v: { kind: string }) => v.kind === 'empty');
  assert.ok(volume >= 0, 'the sample pod has an empty volume');
  pod.volumes[volume].mode = '0999';
  const target = join(tmp.dir, `nspawn-failed-${n++}.tar.gz`);
  const r = await c.call('bundle.export', { manifests: { pod: JSON.stringify(pod) }, target, format: 'tar.gz' });
  assert.equal(!r.ok && r.error.code, 'bad-request', JSON.stringify(r));
  assert.match(!r.ok ? r.error.message : '', /systemd-nspawn arguments failed \(invalid mode "0999"/);
  assert.ok(!existsSync(target));
  c.session.dispose();
});
