import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { listPods, resolvePod, PodNotFoundError } from './discovery.js';
import { buildPod, helloApp } from './fixtures/pod-builder.js';
import { holdLock } from './fixtures/hold-lock.js';
import { makeElf } from './fixtures/elf-builder.js';
import { tempRoot } from './fixtures/temp.js';

const tmp = tempRoot();
after(tmp.cleanup);
const noFlock = spawnSync('flock', ['--version']).error ? 'flock(1) is not installed (Debian package util-linux)' : false;

const U = {
  exited: 'aaaaaaaa-0000-4000-8000-000000000001',
  running: 'aaaaaaab-0000-4000-8000-000000000002',
  prepared: 'bbbbbbbb-0000-4000-8000-000000000003',
  aborted: 'cccccccc-0000-4000-8000-000000000004',
  garbage: 'dddddddd-0000-4000-8000-000000000005',
};

function dataDir(): string {
  const d = tmp.sub('rkt');
  const bin = { '/bin/hello': { data: makeElf(), mode: 0o755 } };
  buildPod(d, { stateDir: 'run', uuid: U.exited, apps: [helloApp(bin)], written: 'v1.30-hello', status: { hello: 0 }, ppid: 4242 });
  buildPod(d, { stateDir: 'run', uuid: U.running, apps: [helloApp(bin)], written: 'v1.30-hello' });
  buildPod(d, { stateDir: 'prepared', uuid: U.prepared, apps: [helloApp(bin), { name: 'second', exec: ['/bin/second'] }] });
  buildPod(d, { stateDir: 'prepare', uuid: U.aborted, apps: [helloApp(bin)], omit: ['stage1'] });
  buildPod(d, { stateDir: 'garbage', uuid: U.garbage, apps: [helloApp(bin)] });
  fs.writeFileSync(path.join(d, 'pods', 'run', 'stray-file'), '');
  return d;
}

test('every state directory is listed, with lock-derived states', { skip: noFlock }, async () => {
  const d = dataDir();
  const holder = await holdLock(path.join(d, 'pods', 'run', U.running));
  try {
    const l = await listPods(d);
    const by = Object.fromEntries(l.pods.map((p) => [p.uuid, p]));
    assert.equal(by[U.exited].state, 'exited');
    assert.equal(by[U.exited].locked, false);
    assert.equal(by[U.running].state, 'running');
    assert.equal(by[U.running].locked, true);
    assert.equal(by[U.prepared].state, 'prepared');
    assert.deepEqual(by[U.prepared].apps, ['hello', 'second']);
    assert.deepEqual(by[U.prepared].images, ['example.com/hello:1.0.0', 'example.com/second:1.0.0']);
    assert.equal(by[U.aborted].state, 'aborted prepare');
    assert.equal(by[U.garbage].state, 'garbage');
    assert.ok(by[U.exited].created && by[U.exited].started, 'created from pod-created, started from ppid');
    assert.equal(by[U.prepared].started, null);
    assert.deepEqual(l.pods.map((p) => p.stateDir), ['prepare', 'prepared', 'run', 'run', 'garbage']);
    assert.ok(l.warnings.some((w) => w.includes('stray-file') && w.includes('not a directory')));
  } finally {
    holder.kill();
  }
});

test('a data directory without pods/ is an error that names it', async () => {
  await assert.rejects(listPods(tmp.sub('empty')), /pods does not exist/);
});

test('resolving a UUID prefix, a full UUID, a path', () => {
  const d = dataDir();
  assert.equal(resolvePod('bbbb', d).root, path.join(d, 'pods', 'prepared', U.prepared));
  assert.equal(resolvePod(U.garbage.toUpperCase(), d).stateDir, 'garbage');
  const r = resolvePod(path.join(d, 'pods', 'run', U.exited), '/nonexistent');
  assert.deepEqual([r.uuid, r.stateDir, r.dataDir], [U.exited, 'run', d]);
  assert.throws(() => resolvePod('aaaa', d), /ambiguous: aaaaaaaa-.*aaaaaaab-/);
  assert.throws(() => resolvePod('ffff', d), (e) => e instanceof PodNotFoundError && /no pod matches "ffff"/.test(e.message));
  assert.throws(() => resolvePod(tmp.sub('notapod'), d), /not a pod root/);
  assert.throws(() => resolvePod('xyz!', d), /neither a pod root path nor a UUID/);
});
