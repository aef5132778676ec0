import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { SCENARIOS } from '../diagnostics/fixtures/scenarios.js';
import { journalToolsMissing } from '../diagnostics/fixtures/journal-builder.js';
import type { HandlerEnv } from './handlers.js';
import { tempDir, testClient, testEnv } from './test-support.js';

const tmp = tempDir('podunit-diag-ipc-');
after(tmp.cleanup);
const journalMissing = journalToolsMissing();
const skipJournal = journalMissing ? `no journal: ${journalMissing}` : false;
let n = 0;
const build = (name: string) => SCENARIOS[name].build(join(tmp.dir, String(n++)), !journalMissing);

function client(env: HandlerEnv = testEnv()) {
  return testClient('journal.entries', env);
}

test('diagnostics.doctor puts the scenario\'s finding first, with evidence relative to the pod root', async () => {
  const c = client();
  const pod = build('exec-binary-missing');
  await c.value('pod.open', { root: pod.root });
  const report = await c.value('diagnostics.doctor', { verify: false });
  assert.equal(report.findings[0].code, 'exec-binary-missing');
  assert.equal(report.findings[0].app, 'hello');
  const unitLine = report.findings[0].evidence.find((e) => e.kind === 'unit-line');
  assert.equal(unitLine?.rel, 'stage1/rootfs/usr/lib/systemd/system/hello.service');
  assert.equal(unitLine?.line, 19);
  c.session.dispose();
});

test('diagnostics.doctor without systemd-analyze says so in its notes', async () => {
  const c = client(testEnv(undefined, { diagnosticsTools: { systemdAnalyze: join(tmp.dir, 'no-systemd-analyze') } }));
  await c.value('pod.open', { root: build('seccomp-kill').root });
  const report = await c.value('diagnostics.doctor', {});
  assert.equal(report.findings[0].code, 'seccomp-kill');
  assert.equal(report.verify?.available, false);
  assert.ok(report.notes.some((t) => /systemd-analyze/.test(t)), report.notes.join('\n'));
  c.session.dispose();
});

test('diagnostics.doctor needs an open pod', async () => {
  const r = await client().call('diagnostics.doctor', {});
  assert.equal(!r.ok && r.error.code, 'no-pod');
});

test('diagnostics.status gives each app\'s exit status', async () => {
  const c = client();
  await c.value('pod.open', { root: build('exit-nonzero').root });
  const st = await c.value('diagnostics.status', {});
  assert.equal(st.state, 'exited');
  assert.equal(st.locked, false);
  assert.deepEqual(st.apps.map((a) => [a.name, a.exitCode]), [['hello', 1]]);
  assert.match(st.apps[0].exit ?? '', /^1\/FAILURE/);
  c.session.dispose();
});

test('diagnostics.journal reads one app\'s entries with a priority filter', { skip: skipJournal }, async () => {
  const c = client();
  await c.value('pod.open', { root: build('exit-nonzero').root });
  const all = await c.value('diagnostics.journal', { app: 'hello' });
  assert.equal(all.problem, null);
  assert.deepEqual(all.entries.map((e) => e.message), ['hello 2.3 starting', 'cannot open /etc/hello.conf: No such file or directory', 'fatal: no configuration, exiting']);
  assert.ok(all.entries.every((e) => e.cursor));
  const errors = await c.value('diagnostics.journal', { app: 'hello', priority: 'err' });
  assert.equal(errors.entries.length, 2);
  const bad = await c.value('diagnostics.journal', { priority: 'loud' });
  assert.equal(bad.problem?.code, 'bad-query');
  c.session.dispose();
});

test('diagnostics.journal says clearly when journalctl is missing or there is no journal', async () => {
  const c = client(testEnv(undefined, { diagnosticsTools: { journalctl: join(tmp.dir, 'no-journalctl') } }));
  await c.value('pod.open', { root: build('healthy').root });
  const r = await c.value('diagnostics.journal', {});
  if (journalMissing) assert.equal(r.problem?.code, 'no-journal');
  else {
    assert.equal(r.problem?.code, 'journalctl-missing');
    assert.match(r.problem?.message ?? '', /journalctl is not installed/);
  }
  await c.value('pod.open', { root: build('exec-binary-missing').root });
  const none = await c.value('diagnostics.journal', {});
  assert.equal(none.problem?.code, 'no-journal');
  c.session.dispose();
});

test('diagnostics.followJournal pushes entries and stops when the pod closes', { skip: skipJournal }, async () => {
  const c = client();
  await c.value('pod.open', { root: build('healthy').root });
  const { followId } = await c.value('diagnostics.followJournal', { app: 'hello' });
  const t0 = Date.now();
  while (!c.events.some((e) => e.entries.length > 0) && Date.now() - t0 < 10_000) await new Promise((r) => setTimeout(r, 50));
  assert.ok(c.events.every((e) => e.followId === followId));
  assert.deepEqual(c.events.flatMap((e) => e.entries.map((x) => x.message)), ['hello, world']);
  await c.value('pod.close', {});
  while (!c.events.some((e) => e.ended) && Date.now() - t0 < 10_000) await new Promise((r) => setTimeout(r, 50));
  assert.equal(c.events.at(-1)?.ended, true);
  assert.equal(c.events.at(-1)?.problem, null);
  // Unfollowing what already ended is harmless.
  await c.value('pod.open', { root: build('healthy').root });
  await c.value('diagnostics.unfollowJournal', { followId });
  c.session.dispose();
});

test('diagnostics.file reads evidence files inside the pod and nothing outside it', async () => {
  const c = client();
  await c.value('pod.open', { root: build('exec-bad-interpreter').root });
  const status = await c.value('diagnostics.file', { path: 'stage1/rootfs/rkt/status/hello' });
  assert.equal(status.content?.trim(), '203');
  const elf = await c.value('diagnostics.file', { path: 'stage1/rootfs/opt/stage2/hello/rootfs/bin/hello' });
  assert.equal(elf.kind, 'file');
  assert.equal(elf.content, null);
  for (const path of ['../../../etc/passwd', '/etc/passwd']) {
    const r = await c.call('diagnostics.file', { path });
    assert.equal(!r.ok && r.error.code, 'outside-root', path);
  }
  const missing = await c.call('diagnostics.file', { path: 'stage1/manifest.nope' });
  assert.equal(!missing.ok && missing.error.code, 'not-found');
  c.session.dispose();
});

test('pod.listDataDir tells the lock state of each pod', async () => {
  const c = client();
  const pod = build('exit-nonzero');
  const list = await c.value('pod.listDataDir', { dataDir: pod.dataDir! });
  assert.deepEqual(list.pods.map((p) => [p.uuid, p.state, p.locked]), [[pod.uuid, 'exited', false]]);
});
