import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { doctor, type DoctorReport } from './explain.js';
import { generate } from '../generator/index.js';
import { readPodSnapshot } from '../pod/read.js';
import { SCENARIOS, staticProgram } from './fixtures/scenarios.js';
import { buildPod, helloApp, loadWritten } from './fixtures/pod-builder.js';
import { holdLock } from './fixtures/hold-lock.js';
import { journalToolsMissing } from './fixtures/journal-builder.js';
import { tempRoot } from './fixtures/temp.js';

const tmp = tempRoot();
after(tmp.cleanup);
const journalMissing = journalToolsMissing();
const skipJournal = journalMissing ? `no journal: ${journalMissing}` : false;
const withJournal = journalMissing === null;
const noFlock = spawnSync('flock', ['--version']).error ? 'flock(1) is not installed (Debian package util-linux)' : false;

// Without systemd-analyze the doctor still runs; verification has its own tests.
const run = (root: string, opts = {}) => doctor(root, { verify: false, ...opts });
const codes = (r: DoctorReport) => r.findings.map((f) => f.code);

describe('the right finding comes first', () => {
  for (const [name, s] of Object.entries(SCENARIOS)) {
    test(`${name}: ${s.description}`, async () => {
      const b = s.build(tmp.sub(name), withJournal);
      const r = await run(b.root);
      assert.equal(r.findings[0].code, s.first, `findings: ${codes(r).join(', ')}\n${r.findings[0].title}: ${r.findings[0].detail}`);
      assert.ok(r.findings.every((f) => f.title && f.detail && f.nextStep && Array.isArray(f.evidence)));
    });
  }
});

describe('evidence and wording', () => {
  test('healthy: the generator reproduces the units, nothing else is said', async () => {
    const r = await run(SCENARIOS.healthy.build(tmp.sub('h'), withJournal).root);
    assert.deepEqual(codes(r), ['healthy']);
    assert.equal(r.units?.comparedWith, 'rkt-tip');
    assert.deepEqual(r.units?.driftFiles, []);
  });

  test('exec-binary-missing names the status file, the unit line and the missing path', async () => {
    const r = await run(SCENARIOS['exec-binary-missing'].build(tmp.sub('m')).root);
    const f = r.findings[0];
    assert.equal(f.app, 'hello');
    assert.match(f.detail, /203\/EXEC.*\/bin\/hello does not exist/);
    assert.deepEqual(f.evidence.map((e) => e.kind), ['status', 'unit-line']);
    assert.match(f.evidence[0].path!, /stage1\/rootfs\/rkt\/status\/hello$/);
    assert.equal(f.evidence[1].text, 'ExecStart="/bin/hello"');
    assert.equal(f.evidence[1].line, 19);
    assert.ok(codes(r).includes('debug-off'));
    assert.ok(!codes(r).includes('exit-nonzero'), 'the exec finding explains the 203');
  });

  test('exec-bad-interpreter quotes PT_INTERP', async () => {
    const f = (await run(SCENARIOS['exec-bad-interpreter'].build(tmp.sub('i')).root)).findings[0];
    assert.match(f.detail, /needs the ELF interpreter \/lib64\/ld-linux-x86-64\.so\.2, but \/lib64 does not exist/);
    assert.ok(f.evidence.some((e) => /PT_INTERP \/lib64\/ld-linux-x86-64\.so\.2/.test(e.text)));
  });

  test('exit-nonzero carries the app\'s worst journal lines', { skip: skipJournal }, async () => {
    const f = (await run(SCENARIOS['exit-nonzero'].build(tmp.sub('e'), true).root)).findings[0];
    assert.equal(f.likelihood, 75);
    const lines = f.evidence.filter((e) => e.kind === 'journal').map((e) => e.text);
    assert.deepEqual(lines, ['cannot open /etc/hello.conf: No such file or directory', 'fatal: no configuration, exiting']);
    assert.match(f.title, /exited with status 1\/FAILURE/);
  });

  test('seccomp-kill names the isolator; killed-by-signal follows', async () => {
    const r = await run(SCENARIOS['seccomp-kill'].build(tmp.sub('s')).root);
    assert.deepEqual(codes(r).slice(0, 2), ['seccomp-kill', 'killed-by-signal']);
    assert.match(r.findings[0].detail, /os\/linux\/seccomp-retain-set/);
    assert.ok(r.findings[0].evidence.some((e) => e.kind === 'unit-line' && /SystemCallFilter=/.test(e.text)));
  });

  test("seccomp-kill with rkt's default filter says so", async () => {
    const b = buildPod(tmp.sub('sd'), { apps: [helloApp({ '/bin/hello': staticProgram() })], written: 'v1.30-hello', status: { hello: 31 } });
    const f = (await run(b.root)).findings[0];
    assert.equal(f.code, 'seccomp-kill');
    assert.match(f.detail, /default seccomp whitelist \(@rkt\/default-whitelist\)/);
  });

  test('unit-drift shows the hand-edited line with its line number', async () => {
    const r = await run(SCENARIOS['unit-drift'].build(tmp.sub('d')).root);
    const f = r.findings[0];
    assert.match(f.detail, /stage1\/rootfs\/usr\/lib\/systemd\/system\/hello\.service: 1 line on disk that the generator does not write/);
    const ev = f.evidence.find((e) => e.text.includes('HELLO_CONFIG'))!;
    assert.equal(ev.text, 'on disk: Environment=HELLO_CONFIG=/etc/hello-debug.conf');
    assert.equal(ev.line, 15);
    assert.match(ev.path!, /hello\.service$/);
    assert.deepEqual(r.units?.driftFiles, ['stage1/rootfs/usr/lib/systemd/system/hello.service']);
    assert.ok(codes(r).includes('exit-nonzero'));
  });

  test('profile-mismatch says which generation wrote the units', async () => {
    const r = await run(SCENARIOS['profile-mismatch'].build(tmp.sub('p')).root);
    const f = r.findings[0];
    assert.match(f.title, /rkt v0\.10\.0 – v1\.0\.0/);
    assert.match(f.nextStep, /--profile rkt-v0\.16\.0/);
    assert.ok(f.evidence.some((e) => /\/appexec/.test(e.text)));
    assert.ok(f.evidence.some((e) => /version 0\.16\.0/.test(e.text)));
    assert.ok(f.evidence.some((e) => /NUL-separated/.test(e.text)));
    assert.ok(!codes(r).includes('unit-drift'), 'differences are explained by the generation, not reported as drift');
    const auto = await run(SCENARIOS['profile-mismatch'].build(tmp.sub('pa')).root, { profile: 'rkt-v0.16.0' });
    assert.ok(!codes(auto).includes('profile-mismatch'));
  });

  test('prepare-failed lists what the preparation left out', async () => {
    const f = (await run(SCENARIOS['prepare-failed'].build(tmp.sub('f')).root)).findings[0];
    assert.match(f.detail, /aborted prepare/);
    assert.ok(f.evidence.some((e) => /missing: the stage1 image's manifest/.test(e.text)));
  });

  test('an exited overlay pod is read through the overlay upper directory', async () => {
    const b = SCENARIOS['overlay-exited'].build(tmp.sub('o'), withJournal);
    const r = await run(b.root);
    assert.equal(r.pod.overlay, true);
    const f = r.findings[0];
    assert.ok(f.evidence[0].path!.startsWith(path.join(b.root, 'overlay')), f.evidence[0].path);
    assert.deepEqual(r.units?.driftFiles, [], 'the generator sees the pod through its layers');
    if (withJournal) {
      assert.ok(r.journal.directory!.startsWith(path.join(b.root, 'overlay')));
      assert.ok(f.evidence.some((e) => e.kind === 'journal' && e.text === 'usage: hello [--name NAME]'));
    }
  });

  test('user-unresolvable when stage1 stopped at the user lookup', async () => {
    const f = (await run(SCENARIOS['user-unresolvable'].build(tmp.sub('u')).root)).findings[0];
    assert.equal(f.app, 'nouser');
    assert.match(f.detail, /"ghost" is not in \/etc\/passwd/);
  });

  test('a comment line in /etc/passwd breaks rkt\'s lookup', async () => {
    const b = buildPod(tmp.sub('c'), {
      apps: [{ name: 'nouser', exec: ['/bin/nouser'], user: 'nobody', group: '0', files: { '/etc/passwd': '# users\nnobody:x:65534:65534::/:/bin/false\n', '/bin/nouser': staticProgram() } }],
      written: 'v1.30-nouser',
    });
    const f = (await run(b.root)).findings[0];
    assert.equal(f.code, 'user-unresolvable');
    assert.match(f.detail, /line 1 has 1 field/);
    assert.equal(f.evidence.find((e) => e.kind === 'file')?.line, 1);
  });

  test('a prepared pod that has not run yet: predicted failures', async () => {
    const b = buildPod(tmp.sub('pp'), { stateDir: 'prepared', apps: [helloApp({ '/etc/passwd': 'root:x:0:0::/:/bin/sh\n' })] });
    const r = await run(b.root);
    assert.equal(r.findings[0].code, 'exec-binary-missing');
    assert.match(r.findings[0].detail, /when the pod runs/);
    const ok = buildPod(tmp.sub('pq'), { stateDir: 'prepared', apps: [helloApp({ '/bin/hello': staticProgram() })] });
    assert.equal((await run(ok.root)).findings[0].code, 'healthy');
  });

  test('SIGKILL under a memory limit points at the OOM killer', async () => {
    const unit = loadWritten('v1.30-hello').find((e) => e.path === 'stage1/rootfs/usr/lib/systemd/system/hello.service')!.content!;
    const b = buildPod(tmp.sub('oom'), {
      apps: [helloApp({ '/bin/hello': staticProgram() })],
      written: 'v1.30-hello',
      edits: { 'stage1/rootfs/usr/lib/systemd/system/hello.service': unit.replace('DevicePolicy=closed\n', 'DevicePolicy=closed\nMemoryLimit=67108864\n') },
      status: { hello: 9 },
    });
    const r = await run(b.root);
    const f = r.findings[0];
    assert.equal(f.code, 'killed-by-signal');
    assert.match(f.detail, /MemoryLimit=67108864.*OOM killer/);
    assert.ok(f.evidence.some((e) => e.kind === 'unit-line' && e.text === 'MemoryLimit=67108864'));
    assert.ok(codes(r).includes('unit-drift'), 'the hand-added limit is drift too');
  });

  test('exit 217: the user cannot be set up', async () => {
    const b = buildPod(tmp.sub('217'), { apps: [helloApp({ '/bin/hello': staticProgram() })], written: 'v1.30-hello', status: { hello: 217 }, runtime: { PrivateUsers: '65536:65536' } });
    const f = (await run(b.root)).findings[0];
    assert.equal(f.code, 'user-unresolvable');
    assert.match(f.detail, /User=0.*user namespace range \(PrivateUsers 65536:65536\)/);
  });

  test('exit 127 from #!/usr/bin/env with the interpreter missing', async () => {
    const b = buildPod(tmp.sub('127'), {
      apps: [helloApp({ '/bin/hello': { data: '#!/usr/bin/env python3\nprint("hi")\n', mode: 0o755 }, '/usr/bin/env': staticProgram() })],
      written: 'v1.30-hello',
      status: { hello: 127 },
    });
    const f = (await run(b.root)).findings[0];
    assert.equal(f.code, 'exec-bad-interpreter');
    assert.match(f.detail, /exit 127: .*no "python3" is in PATH=/);
  });

  test("with Debug on, systemd's own account decides between signal and exit code", { skip: skipJournal }, async () => {
    const b = buildPod(tmp.sub('dbg'), {
      apps: [helloApp({ '/bin/hello': staticProgram() })],
      written: 'v1.30-hello',
      runtime: { Debug: true },
      status: { hello: 31 },
      journal: [
        { time: new Date('2024-03-01T10:00:01Z'), identifier: 'hello', unit: 'hello.service', priority: 3, message: 'giving up after 31 retries' },
        { time: new Date('2024-03-01T10:00:02Z'), identifier: 'systemd', priority: 5, message: 'hello.service: Main process exited, code=exited, status=31/n/a', fields: { UNIT: 'hello.service' } },
      ],
    });
    const r = await run(b.root);
    assert.equal(r.findings[0].code, 'exit-nonzero', codes(r).join());
    assert.ok(!codes(r).includes('seccomp-kill'));
    assert.ok(!codes(r).includes('debug-off'));
    assert.ok(r.findings[0].evidence.some((e) => e.kind === 'journal' && /code=exited, status=31/.test(e.text)));
  });

  test('two apps: the one that failed comes before the one the shutdown stopped', async () => {
    const b = buildPod(tmp.sub('two'), {
      apps: [helloApp({ '/bin/hello': staticProgram() }), { name: 'side', exec: ['/bin/side'], files: { '/bin/side': staticProgram() } }],
      written: (root, uuid) => generate(readPodSnapshot(root, { uuid })).entries,
      status: { hello: 1, side: 15 },
    });
    const r = await run(b.root);
    assert.equal(r.findings[0].code, 'exit-nonzero', codes(r).join());
    assert.equal(r.findings[0].app, 'hello');
    assert.ok(!codes(r).includes('unit-drift'));
    const term = r.findings.find((f) => f.app === 'side')!;
    assert.equal(term.code, 'killed-by-signal');
    assert.equal(term.severity, 'warning');
    assert.match(term.nextStep, /look at the other apps first/);
  });

  test('a running pod', { skip: noFlock }, async () => {
    const b = buildPod(tmp.sub('r'), { stateDir: 'run', apps: [helloApp({ '/bin/hello': staticProgram() })], written: 'v1.30-hello', supervisorReady: true });
    const holder = await holdLock(b.root);
    try {
      const r = await run(b.root);
      assert.equal(r.pod.state, 'running');
      assert.ok(codes(r).includes('pod-running'));
      assert.match(r.findings.find((f) => f.code === 'pod-running')!.detail, /reported ready; still running: hello/);
    } finally {
      holder.kill();
    }
  });

  test('journalctl missing: said once, the rest of the diagnosis stands', { skip: skipJournal }, async () => {
    const r = await run(SCENARIOS['exit-nonzero'].build(tmp.sub('j'), true).root, { journalctl: '/nonexistent/journalctl' });
    assert.deepEqual(codes(r).slice(0, 2), ['exit-nonzero', 'journal-unavailable']);
    assert.match(r.findings[1].detail, /journalctl is not installed/);
  });

  test('an unreadable pod manifest', async () => {
    const b = buildPod(tmp.sub('bad'), { apps: [helloApp({})], written: 'v1.30-hello' });
    fs.writeFileSync(path.join(b.root, 'pod'), '{not json');
    const f = (await run(b.root)).findings[0];
    assert.equal(f.code, 'prepare-failed');
    assert.match(f.detail, /pod: .*JSON/);
  });
});
