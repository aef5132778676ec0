import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { classifyVerifyLine, parseSecurity, verifyPlan, verifyPodUnits } from './verify.js';
import { podLayout } from './overlay.js';
import { buildPod, helloApp, loadWritten } from './fixtures/pod-builder.js';
import { staticProgram } from './fixtures/scenarios.js';
import type { Plan } from '../../shared/plan.js';
import { tempRoot } from './fixtures/temp.js';

const tmp = tempRoot();
after(tmp.cleanup);
const noAnalyze = spawnSync('systemd-analyze', ['--version']).error ? 'systemd-analyze is not installed (Debian package systemd)' : false;

const helloUnit = () => loadWritten('v1.30-hello').find((e) => e.path === 'stage1/rootfs/usr/lib/systemd/system/hello.service')!.content!;

function pod(edit?: (unit: string) => string) {
  const b = buildPod(tmp.sub('pod'), {
    apps: [helloApp({ '/bin/hello': staticProgram() })],
    written: 'v1.30-hello',
    edits: edit ? { 'stage1/rootfs/usr/lib/systemd/system/hello.service': edit(helloUnit()) } : undefined,
  });
  return podLayout(b.root);
}

test('rkt-specific complaints become notes', () => {
  const a = classifyVerifyLine('hello.service: Failed to create hello.service/start: Unit sysusers.service not found.', null)!;
  assert.equal(a.level, 'note');
  assert.match(a.reason!, /part of the stage1 image/);
  const b = classifyVerifyLine('reaper-hello.service: Command /reaper.sh is not executable: No such file or directory', null)!;
  assert.equal(b.level, 'note');
  const c = classifyVerifyLine('hello.service: Command /bin/hello is not executable: No such file or directory', null)!;
  assert.equal(c.level, 'note');
  assert.match(c.reason!, /RootDirectory=/);
  const d = classifyVerifyLine('/x/hello.service:362: Unit uses MemoryLimit=; please use MemoryMax= instead. Support for MemoryLimit= will be removed soon.', null)!;
  assert.deepEqual([d.level, d.line, d.replacement, d.unit], ['deprecation', 362, 'MemoryMax', 'hello.service']);
  const e = classifyVerifyLine("/x/hello.service:12: Unknown key 'Bogus' in section [Service], ignoring.", null)!;
  assert.equal(e.level, 'warning');
  const f = classifyVerifyLine('hello.service: Failed to create hello.service/start: Unit web.service not found.', null)!;
  assert.equal(f.level, 'error');
});

test('security report text', () => {
  const r = parseSecurity('hello.service', [
    '  NAME                          DESCRIPTION                                     EXPOSURE',
    '✓ SystemCallFilter=~@swap       System call allow list defined                  ',
    '✗ User=/DynamicUser=            Service runs as root user                            0.4',
    '',
    '→ Overall exposure level for hello.service: 6.5 MEDIUM 😐',
  ].join('\n'));
  assert.deepEqual(r, { unit: 'hello.service', exposure: 6.5, rating: 'MEDIUM', issues: [{ name: 'User=/DynamicUser=', description: 'Service runs as root user', exposure: 0.4 }] });
});

test('units rkt wrote pass systemd-analyze verify, apart from notes', { skip: noAnalyze }, async () => {
  const r = await verifyPodUnits(pod(), ['hello']);
  assert.equal(r.verifyAvailable, true);
  assert.deepEqual(r.units, ['default.target', 'halt.target', 'shutdown.service', 'prepare-app@.service', 'hello.service', 'reaper-hello.service']);
  assert.deepEqual(r.diagnostics.filter((d) => d.level !== 'note'), [], JSON.stringify(r.diagnostics));
  assert.ok(r.diagnostics.some((d) => d.unit === 'hello.service' && /\/bin\/hello/.test(d.message)));
  assert.equal(r.security.length, 1);
  assert.ok(r.security[0].exposure! > 0 && r.security[0].exposure! <= 10);
});

test('deprecated resource options and unknown keys are shown with their lines', { skip: noAnalyze }, async () => {
  const layout = pod((u) => u.replace('DevicePolicy=closed\n', 'DevicePolicy=closed\nMemoryLimit=536870912\nCPUShares=512\nBogusKey=1\n'));
  const r = await verifyPodUnits(layout, ['hello'], { security: false });
  const dep = r.diagnostics.filter((d) => d.level === 'deprecation');
  assert.deepEqual(dep.map((d) => d.replacement).sort(), ['CPUWeight', 'MemoryMax']);
  const unitText = fs.readFileSync(dep[0].path!, 'utf8').split('\n');
  for (const d of dep) assert.match(unitText[d.line! - 1], /^(MemoryLimit|CPUShares)=/);
  assert.ok(r.diagnostics.some((d) => d.level === 'warning' && /BogusKey/.test(d.message)));
});

test('a plan is verified from a temporary copy, with pod-relative paths', { skip: noAnalyze }, async () => {
  const entries = loadWritten('v1.30-hello').map((e) => ({ ...e, uid: 0, gid: 0 }));
  const unit = entries.find((e) => e.path.endsWith('system/hello.service'))!;
  unit.content = unit.content!.replace('DevicePolicy=closed\n', 'DevicePolicy=closed\nMemoryLimit=1000000\n');
  const plan = { entries } as unknown as Plan;
  const r = await verifyPlan(plan);
  const d = r.diagnostics.find((x) => x.level === 'deprecation')!;
  assert.equal(d.path, 'stage1/rootfs/usr/lib/systemd/system/hello.service');
  assert.equal(r.security[0]?.unit, 'hello.service');
});

test('without systemd-analyze: a clear problem, nothing else', async () => {
  const r = await verifyPodUnits(pod(), ['hello'], { systemdAnalyze: '/nonexistent/systemd-analyze' });
  assert.equal(r.verifyAvailable, false);
  assert.deepEqual(r.problems, ['systemd-analyze is not installed (Debian package "systemd"), so the units were not checked by systemd itself']);
});

test('an overlay pod is verified from its upper directory', { skip: noAnalyze }, async () => {
  const b = buildPod(tmp.sub('ov'), { stateDir: 'run', overlay: true, apps: [helloApp({ '/bin/hello': staticProgram() })], written: 'v1.30-hello' });
  const r = await verifyPodUnits(podLayout(b.root), ['hello'], { security: false });
  assert.equal(r.units.length, 6);
  assert.ok(r.diagnostics.every((d) => d.level === 'note'), JSON.stringify(r.diagnostics));
  assert.ok(fs.existsSync(path.join(b.stage1Dir, 'usr/lib/systemd/system/hello.service')));
});
