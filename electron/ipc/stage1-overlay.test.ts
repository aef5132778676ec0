import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryPodFs } from '../generator/memory-fs.js';
import { FsError } from '../generator/podfs.js';
import { createRealEngine } from './real-engine.js';
import { generateFor } from './generate.js';
import { FLAVOR_PATH, Stage1OverlayFs, SYSTEMD_VERSION_PATH, withStage1Overrides } from './stage1-overlay.js';
import { SAMPLES } from './test-support.js';

const decode = (b: Uint8Array) => new TextDecoder().decode(b);

function pod() {
  return new MemoryPodFs(
    { pod: '{}', [SYSTEMD_VERSION_PATH]: 'v233\n', 'stage1/rootfs/kvm/marker': 'kvm tree\n' },
    { [FLAVOR_PATH]: 'coreos' },
  );
}

test('without overrides the pod view is used as it is', () => {
  const fs = pod();
  assert.equal(withStage1Overrides(fs, undefined), fs);
  assert.equal(withStage1Overrides(fs, {}), fs);
});

test('the flavor override is a symlink to the new name; everything else passes through', () => {
  const fs = new Stage1OverlayFs(pod(), { flavor: 'kvm' });
  assert.equal(fs.readlink(FLAVOR_PATH), 'kvm');
  assert.deepEqual(fs.lstat(FLAVOR_PATH), { kind: 'symlink', mode: 0o777, uid: 0, gid: 0, size: 3 });
  assert.equal(fs.tryLstat(FLAVOR_PATH)?.kind, 'symlink');
  assert.equal(decode(fs.readFile(SYSTEMD_VERSION_PATH)), 'v233\n');
  assert.equal(decode(fs.readFile('pod')), '{}');
  // Through the link: its target, relative to stage1/rootfs.
  assert.equal(decode(fs.readFile(`${FLAVOR_PATH}/marker`)), 'kvm tree\n');
  assert.equal(fs.stat(FLAVOR_PATH).kind, 'dir');
});

test('a dangling flavor link fails like the real one, under the path asked for', () => {
  const fs = new Stage1OverlayFs(pod(), { flavor: 'fly' });
  assert.throws(() => fs.readFile(FLAVOR_PATH), (e: unknown) => e instanceof FsError && e.code === 'ENOENT' && e.path === FLAVOR_PATH);
  assert.throws(() => fs.stat(FLAVOR_PATH), (e: unknown) => e instanceof FsError && e.op === 'stat');
  // Below the link too, and its listing is the new target's, not the pod's own flavor's.
  assert.throws(() => fs.stat(`${FLAVOR_PATH}/missing`), (e: unknown) => e instanceof FsError && e.path === `${FLAVOR_PATH}/missing`);
  assert.throws(() => fs.readdir(FLAVOR_PATH), (e: unknown) => e instanceof FsError && e.path === FLAVOR_PATH);
  assert.deepEqual(new Stage1OverlayFs(pod(), { flavor: 'kvm' }).readdir(FLAVOR_PATH), ['marker']);
});

test('the systemd-version override is a regular file holding the text and a newline', () => {
  const fs = new Stage1OverlayFs(pod(), { systemdVersion: 'v230' });
  assert.equal(decode(fs.readFile(SYSTEMD_VERSION_PATH)), 'v230\n');
  assert.deepEqual(fs.stat(SYSTEMD_VERSION_PATH), { kind: 'file', mode: 0o644, uid: 0, gid: 0, size: 5 });
  assert.throws(() => fs.readlink(SYSTEMD_VERSION_PATH), (e: unknown) => e instanceof FsError && e.code === 'EINVAL');
  assert.throws(() => fs.readFile(`${SYSTEMD_VERSION_PATH}/x`), (e: unknown) => e instanceof FsError && e.code === 'ENOTDIR');
  assert.equal(fs.readlink(FLAVOR_PATH), 'coreos');
});

test('overridden files appear in stage1/rootfs even when the pod lacks them', () => {
  const bare = new MemoryPodFs({ 'stage1/rootfs/etc/os-release': 'x' });
  const fs = new Stage1OverlayFs(bare, { flavor: 'src', systemdVersion: 'v231' });
  assert.deepEqual(fs.readdir('stage1/rootfs').sort(), ['etc', 'flavor', 'systemd-version']);
  assert.deepEqual(fs.readdir('stage1/rootfs/etc'), ['os-release']);
  assert.equal(new Stage1OverlayFs(pod(), { flavor: 'src' }).readdir('stage1/rootfs').filter((n) => n === 'flavor').length, 1);
});

test('generation sees the overrides: kvm drops the device policy, systemd 230 protects with *Directories', () => {
  const engine = createRealEngine();
  const root = SAMPLES[0].root;
  const unitOf = (stage1?: { flavor?: string; systemdVersion?: string }) => {
    const plan = generateFor(engine, root, { stage1 });
    assert.equal(plan.error, null, plan.error?.message);
    // The first app's service: not a template (prepare-app@), reaper or shutdown unit.
    return plan.entries.find((e) => /\/system\/(?!reaper-|shutdown)[^/@]+\.service$/.test(e.path))!.content!;
  };
  const own = unitOf();
  assert.match(own, /^DevicePolicy=closed$/m);
  assert.match(own, /^InaccessiblePaths=/m);
  assert.doesNotMatch(unitOf({ flavor: 'kvm' }), /^DevicePolicy=/m);
  const old = unitOf({ systemdVersion: 'v230' });
  assert.match(old, /^InaccessibleDirectories=/m);
  assert.doesNotMatch(old, /^InaccessiblePaths=/m);
});
