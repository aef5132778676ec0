// apply(plan) leaves exactly the planned tree on disk, never escapes the pod root, and
// refuses to clobber files it did not write.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { generate } from '../generator/index.js';
import { readPodSnapshot } from './read.js';
import { applyPlan, ApplyError, previewApply, STATE_FILE } from './apply.js';
import { confinedPath, UnsafePathError } from './write.js';
import { copyInput, canChown } from '../test-support/corpus.js';
import { sharedDir, SHARED_MISSING } from '../test-support/shared-dir.js';
import type { Plan } from '../../shared/plan.js';

const shared = sharedDir();
const skip = shared ? false : SHARED_MISSING;

function freshPod(caseName: string): { root: string; tmp: string } {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'podunit-apply-'));
  const root = path.join(tmp, 'pod');
  copyInput(path.join(shared!, 'conformance/cases', caseName, 'input'), root);
  return { root, tmp };
}

function planFor(root: string, asPrepared = false): Plan {
  return generate(readPodSnapshot(root, { uuid: '6b1a4c5e-2f0d-4a8b-9c3e-7d5f1e2a3b4c', host: { cgroupControllers: ['memory', 'cpu'] }, asPrepared }));
}

function assertTreeMatches(root: string, plan: Plan): void {
  for (const e of [...plan.entries, ...(plan.nspawnEntries ?? [])]) {
    const abs = path.join(root, e.path);
    const st = fs.lstatSync(abs);
    if (e.kind === 'symlink') {
      assert.ok(st.isSymbolicLink(), `${e.path} is a symlink`);
      assert.equal(fs.readlinkSync(abs), e.target);
      continue;
    }
    assert.equal((st.mode & 0o7777).toString(8).padStart(4, '0'), e.mode, `${e.path} mode`);
    if (canChown) assert.deepEqual([st.uid, st.gid], [e.uid, e.gid], `${e.path} owner`);
    if (e.kind === 'dir') assert.ok(st.isDirectory(), `${e.path} is a directory`);
    else assert.equal(fs.readFileSync(abs, 'utf8'), e.content, `${e.path} content`);
  }
}

test('apply writes exactly the planned tree', { skip }, () => {
  for (const name of ['many-apps-mixed-features', 'private-users-uid-range', 'volume-host-device-nodes', 'mutable-app-add']) {
    const { root, tmp } = freshPod(name);
    try {
      const plan = planFor(root);
      assert.equal(plan.error, null, name);
      const report = applyPlan(plan, root, { force: false });
      assert.ok(report.written.length > 0);
      assertTreeMatches(root, plan);
      const again = planFor(root, true);
      assert.equal(again.error, null, `${name}: regenerating the written pod as prepared`);
      const second = applyPlan(again, root, { force: false });
      assert.equal(second.written.length, 0, `${name}: a second apply has nothing to do`);
      assert.ok(!fs.readdirSync(path.join(root, 'stage1/rootfs/usr/lib/systemd/system')).some((f) => f.includes('.podunit-')), 'no temp files left');
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }
});

test('a hand-edited unit is a conflict; --force keeps a backup', { skip }, () => {
  const { root, tmp } = freshPod('single-app-minimal');
  try {
    const unit = path.join(root, 'stage1/rootfs/usr/lib/systemd/system/halt.target');
    fs.writeFileSync(unit, '[Unit]\nDescription=edited by hand\n');
    const plan = planFor(root);
    assert.throws(() => applyPlan(plan, root, { force: false }), (e: unknown) => e instanceof ApplyError && e.conflicts.includes('stage1/rootfs/usr/lib/systemd/system/halt.target'));
    assert.equal(fs.readFileSync(unit, 'utf8'), '[Unit]\nDescription=edited by hand\n', 'nothing written');
    assert.ok(!fs.existsSync(path.join(root, STATE_FILE)));
    const report = applyPlan(plan, root, { force: true });
    assert.deepEqual(report.backups.map((b) => b.path), ['stage1/rootfs/usr/lib/systemd/system/halt.target']);
    assert.equal(fs.readFileSync(unit + '.podunit-bak', 'utf8'), '[Unit]\nDescription=edited by hand\n');
    assertTreeMatches(root, plan);
    // a file podunit wrote itself may be replaced without --force
    const edited = { ...plan, entries: plan.entries.map((e) => (e.path.endsWith('halt.target') ? { ...e, content: e.content + '# changed\n' } : e)) };
    applyPlan(edited, root, { force: false });
    assert.match(fs.readFileSync(unit, 'utf8'), /# changed\n$/);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

test('a failed plan writes nothing', { skip }, () => {
  const { root, tmp } = freshPod('exec-relative-missing-binary');
  try {
    const plan = planFor(root);
    assert.ok(plan.error);
    const before = fs.readdirSync(root).sort();
    assert.throws(() => applyPlan(plan, root, { force: true }), ApplyError);
    assert.deepEqual(fs.readdirSync(root).sort(), before);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

test('writes never leave the pod root', () => {
  inTempPod((root, tmp) => {
    fs.mkdirSync(path.join(tmp, 'outside'));
    fs.symlinkSync('../outside', path.join(root, 'escape'));
    assert.throws(() => confinedPath(root, '../x'), UnsafePathError);
    assert.throws(() => confinedPath(root, '/etc/passwd'), UnsafePathError);
    assert.throws(() => confinedPath(root, 'a/../../x'), UnsafePathError);
    assert.throws(() => confinedPath(root, 'escape/file'), UnsafePathError);
    const plan: Plan = {
      profile: 'rkt-tip', podRoot: root, error: null, errorStage: null, stderr: '', nspawnArgs: [], nspawnError: null,
      nspawnEntries: [], nspawnStderr: '', warnings: [], provenance: {}, elapsedMs: 0,
      entries: [{ path: 'escape/evil', kind: 'file', mode: '0644', uid: 0, gid: 0, content: 'x' }],
    };
    assert.throws(() => applyPlan(plan, root, { force: true }), UnsafePathError);
    assert.deepEqual(fs.readdirSync(path.join(tmp, 'outside')), []);
  });
});

function bareTree(root: string, files: Record<string, string>): Plan {
  return {
    profile: 'rkt-tip', podRoot: root, error: null, errorStage: null, stderr: '', nspawnArgs: [], nspawnError: null,
    nspawnEntries: [], nspawnStderr: '', warnings: [], provenance: {}, elapsedMs: 0,
    entries: Object.entries(files).map(([p, content]) => ({ path: p, kind: 'file' as const, mode: '0644', uid: 0, gid: 0, content })),
  };
}

/** Runs `fn` with an empty pod root (and the temporary folder around it), removed afterwards. */
function inTempPod(fn: (root: string, tmp: string) => void): void {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'podunit-apply-'));
  try {
    const root = path.join(tmp, 'pod');
    fs.mkdirSync(root);
    fn(root, tmp);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

test('a state file that is a symlink vouches for nothing: a hand-edited unit stays a conflict', () => {
  inTempPod((root, tmp) => {
    fs.writeFileSync(path.join(root, 'app.service'), 'edited by hand\n');
    const st = fs.lstatSync(path.join(root, 'app.service'));
    // An outside file claiming podunit wrote that very version of the unit.
    fs.writeFileSync(path.join(tmp, 'claims.json'), JSON.stringify({ 'app.service': `${st.ino}:${st.size}:${st.mtimeMs}` }));
    fs.symlinkSync('../claims.json', path.join(root, STATE_FILE));
    assert.throws(() => applyPlan(bareTree(root, { 'app.service': 'generated\n' }), root, { force: false }), ApplyError);
    assert.equal(fs.readFileSync(path.join(root, 'app.service'), 'utf8'), 'edited by hand\n');
  });
});

test('a backup never lands on a name a dangling link already holds', () => {
  inTempPod((root) => {
    fs.writeFileSync(path.join(root, 'b.service'), 'edited by hand\n');
    fs.symlinkSync('nowhere', path.join(root, 'b.service.podunit-bak'));
    const report = applyPlan(bareTree(root, { 'a.service': 'a\n', 'b.service': 'b\n' }), root, { force: true });
    assert.deepEqual(report.backups, [{ path: 'b.service', backup: 'b.service.podunit-bak.1' }]);
    assert.equal(fs.readFileSync(path.join(root, 'b.service.podunit-bak.1'), 'utf8'), 'edited by hand\n');
    assert.equal(fs.readlinkSync(path.join(root, 'b.service.podunit-bak')), 'nowhere');
    assert.ok(fs.existsSync(path.join(root, STATE_FILE)), 'the state file is saved');
  });
});

test('a named pipe where the plan has a file is refused, not read (which would block for good)', () => {
  inTempPod((root) => {
    execFileSync('mkfifo', [path.join(root, 'app.service')]);
    assert.throws(() => applyPlan(bareTree(root, { 'app.service': 'generated\n' }), root, { force: true }), /app\.service: is not a regular file/);
  });
});

test('a base64 entry is written as its bytes, and found unchanged the next time', () => {
  inTempPod((root) => {
    const bytes = Buffer.from([0x00, 0xff, 0xfe, 0x41]);
    const plan = bareTree(root, {});
    plan.nspawnEntries = [{ path: 'data.bin', kind: 'file', mode: '0644', uid: 0, gid: 0, content: bytes.toString('base64'), encoding: 'base64' }];
    applyPlan(plan, root, { force: false });
    assert.deepEqual(fs.readFileSync(path.join(root, 'data.bin')), bytes);
    assert.deepEqual(previewApply(plan, root).map((p) => p.action), ['unchanged']);
  });
});
