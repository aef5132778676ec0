import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { podStatus } from './status.js';
import { podLayout } from './overlay.js';
import { buildPod, helloApp } from './fixtures/pod-builder.js';
import { makeElf } from './fixtures/elf-builder.js';
import { tempRoot } from './fixtures/temp.js';

const tmp = tempRoot();
after(tmp.cleanup);
const bin = { '/bin/hello': { data: makeElf(), mode: 0o755 } };

test('exit status, supervisor, runtime-config and the Debug note', async () => {
  const b = buildPod(tmp.sub('pod'), { apps: [helloApp(bin)], written: 'v1.30-hello', status: { hello: 203 }, supervisorReady: true, ppid: 77 });
  const s = await podStatus(b.root);
  assert.equal(s.apps.length, 1);
  const a = s.apps[0];
  assert.equal(a.exitCode, 203);
  assert.equal(a.exit!.readings[0].label, '203/EXEC');
  assert.equal(a.statusFile, path.join(b.root, 'stage1/rootfs/rkt/status/hello'));
  assert.ok(a.finished);
  assert.equal(a.image, 'example.com/hello:1.0.0');
  assert.equal(s.supervisor.ready, true);
  assert.equal(s.ppid, 77);
  assert.equal(s.runtimeConfig?.Debug, false);
  assert.match(s.debugNote!, /rkt --debug/);
  assert.deepEqual([s.stage1.flavor, s.stage1.systemdVersion, s.stage1.rktVersion], ['coreos', 233, '1.30.0']);
});

test('Debug on: no note; mutable app times come from rkt/status/<app>-created and -started', async () => {
  const b = buildPod(tmp.sub('pod'), { apps: [helloApp(bin)], written: 'v1.30-hello', runtime: { Debug: true } });
  fs.writeFileSync(path.join(b.stage1Dir, 'rkt/status/hello-created'), '');
  const t = new Date('2024-05-01T12:00:00Z');
  fs.utimesSync(path.join(b.stage1Dir, 'rkt/status/hello-created'), t, t);
  const s = await podStatus(b.root);
  assert.equal(s.debugNote, null);
  assert.equal(s.apps[0].exitCode, null);
  assert.equal(s.apps[0].created, t.toISOString());
});

test('an exited overlay pod is read through overlay/<stage1TreeStoreID>/upper', async () => {
  const d = tmp.sub('rkt');
  const b = buildPod(d, { stateDir: 'run', overlay: true, apps: [helloApp(bin)], written: 'v1.30-hello', status: { hello: 1 } });
  assert.deepEqual(fs.readdirSync(path.join(b.root, 'stage1', 'rootfs')), [], 'the mount point is empty');
  const layout = podLayout(b.root);
  assert.equal(layout.overlay.enabled, true);
  assert.equal(layout.overlay.mounted, false);
  assert.equal(layout.overlay.stage1Layers[0], b.stage1Dir);
  assert.equal(layout.overlay.stage1Layers[1], path.join(d, 'cas/tree', fs.readFileSync(path.join(b.root, 'stage1TreeStoreID'), 'utf8'), 'rootfs'));
  const s = await podStatus(b.root);
  assert.equal(s.apps[0].exitCode, 1);
  assert.ok(s.apps[0].statusFile!.startsWith(b.stage1Dir));
  assert.equal(s.stage1.flavor, 'coreos', 'flavor comes from the stage1 image in the tree store');
  assert.equal(layout.appRoot('hello').lstat('/bin/hello')?.kind, 'file', 'the app root comes from its tree store copy');
});

test('an overlay pod whose tree store is gone still shows what stage1 wrote', async () => {
  const d = tmp.sub('rkt');
  const b = buildPod(d, { stateDir: 'run', overlay: true, apps: [helloApp(bin)], written: 'v1.30-hello', status: { hello: 0 } });
  fs.rmSync(path.join(d, 'cas'), { recursive: true });
  const s = await podStatus(b.root);
  assert.equal(s.apps[0].exitCode, 0);
  assert.equal(s.stage1.flavor, 'coreos', 'falls back to the pod root flavor link');
  assert.ok(s.warnings.some((w) => /tree store .* is not reachable/.test(w)));
});

test('a pod without a manifest lists the apps that have a status', async () => {
  const b = buildPod(tmp.sub('pod'), { apps: [helloApp(bin)], written: 'v1.30-hello', status: { hello: 0 }, omit: ['pod'] });
  const s = await podStatus(b.root);
  assert.deepEqual(s.apps.map((a) => a.name), ['hello']);
  assert.match(s.manifestError!, /cannot read .*pod: ENOENT/);
});
