import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { listCommand } from '../cli/list.js';
import { statusCommand } from '../cli/status.js';
import { logsCommand } from '../cli/logs.js';
import { doctorCommand } from '../cli/doctor.js';
import type { CliIO } from '../cli/output.js';
import { SCENARIOS } from './fixtures/scenarios.js';
import { journalToolsMissing } from './fixtures/journal-builder.js';
import { tempRoot } from './fixtures/temp.js';

const tmp = tempRoot();
after(tmp.cleanup);
const journalMissing = journalToolsMissing();
const skipJournal = journalMissing ? `no journal: ${journalMissing}` : false;

function io(): CliIO & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return { out: (t) => (out += t), err: (t) => (err += t), stdout: () => out, stderr: () => err };
}

const data = tmp.sub('rkt');
const healthy = SCENARIOS.healthy.build(data, !journalMissing);
SCENARIOS['exec-binary-missing'].build(tmp.sub('other')); // outside the data dir

test('--help and bad usage', async () => {
  for (const cmd of [listCommand, statusCommand, logsCommand, doctorCommand]) {
    const h = io();
    assert.equal(await cmd(['--help'], h), 0);
    assert.match(h.stdout(), /^Usage: podunit /);
    const bad = io();
    assert.equal(await cmd(['--bogus'], bad), 2);
    assert.match(bad.stderr(), /unknown option --bogus/);
  }
  const e = io();
  assert.equal(await statusCommand([], e), 2);
  assert.match(e.stderr(), /needs exactly one <pod-root\|uuid>/);
  const l = io();
  assert.equal(await logsCommand([healthy.root, '--lines', 'ten'], l), 2);
  assert.match(l.stderr(), /--lines "ten": expected a number/);
});

test('list', async () => {
  const o = io();
  assert.equal(await listCommand(['--data-dir', data], o), 0);
  const lines = o.stdout().split('\n');
  assert.match(lines[0], /^UUID\s+APP\s+IMAGE NAME\s+STATE\s+LOCKED\s+CREATED\s+STARTED$/);
  assert.match(lines[1], /^6b1a4c5e\s+hello\s+example\.com\/hello:1\.0\.0\s+exited\s+no\s/);
  const j = io();
  assert.equal(await listCommand(['--data-dir', data, '--json'], j), 0);
  const doc = JSON.parse(j.stdout());
  assert.equal(doc.pods[0].uuid, healthy.uuid);
  const missing = io();
  assert.equal(await listCommand(['--data-dir', path.join(tmp.dir, 'nope')], missing), 1);
  assert.match(missing.stderr(), /nope\/pods does not exist/);
});

test('status by UUID prefix', async () => {
  const o = io();
  assert.equal(await statusCommand(['6b1a', '--data-dir', data], o), 0);
  assert.match(o.stdout(), /^state=exited$/m);
  assert.match(o.stdout(), /^app-hello=0 \(0\/SUCCESS: exited successfully\) image=example\.com\/hello:1\.0\.0/m);
  assert.match(o.stdout(), /^note: Debug was off/m);
  const j = io();
  assert.equal(await statusCommand([healthy.root, '--json'], j), 0);
  assert.equal(JSON.parse(j.stdout()).apps[0].exitCode, 0);
  const nf = io();
  assert.equal(await statusCommand(['ffff', '--data-dir', data], nf), 1);
  assert.match(nf.stderr(), /no pod matches "ffff"/);
});

test('doctor --json: the documented shape, most likely first', async () => {
  const b = SCENARIOS['exec-binary-missing'].build(tmp.sub('dj'));
  const o = io();
  assert.equal(await doctorCommand([b.root, '--json', '--no-verify'], o), 1);
  const doc = JSON.parse(o.stdout());
  assert.equal(doc.findings[0].code, 'exec-binary-missing');
  for (const f of doc.findings) for (const k of ['code', 'severity', 'title', 'detail', 'evidence']) assert.ok(k in f, k);
  const ok = io();
  assert.equal(await doctorCommand([healthy.root], ok), 0);
  assert.match(ok.stdout(), /1\. \[info\] healthy: /);
});

test('logs', { skip: skipJournal }, async () => {
  const o = io();
  assert.equal(await logsCommand([healthy.root, '--app', 'hello'], o), 0);
  assert.match(o.stdout(), /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d hello\[7\]: hello, world$/m);
  const j = io();
  assert.equal(await logsCommand([healthy.root, '--json', '--lines', '1'], j), 0);
  assert.equal(JSON.parse(j.stdout().trim()).message, 'hello, world');
  const bad = io();
  assert.equal(await logsCommand([healthy.root, '--priority', 'loud'], bad), 2);
  const noApp = io();
  assert.equal(await logsCommand([healthy.root, '--app', 'web'], noApp), 2);
  assert.match(noApp.stderr(), /the pod has no app "web" \(its apps: hello\)/);
});

test('logs follows until stopped', { skip: skipJournal }, async () => {
  const o = io();
  const ac = new AbortController();
  const done = logsCommand([healthy.root, '--follow'], o, ac.signal);
  const t0 = Date.now();
  while (!o.stdout().includes('hello, world') && Date.now() - t0 < 10_000) await new Promise((r) => setTimeout(r, 50));
  ac.abort();
  assert.equal(await done, 0);
  assert.match(o.stdout(), /hello, world/);
});

test('logs of a pod without a journal', async () => {
  const b = SCENARIOS['exec-binary-missing'].build(tmp.sub('nj'));
  const o = io();
  assert.equal(await logsCommand([b.root], o), 1);
  assert.match(o.stderr(), /the pod has no journal/);
});
