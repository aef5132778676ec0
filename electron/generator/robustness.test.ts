// Property-based: random and mutated manifests never make the generator throw; every
// outcome is a plan (possibly carrying an error), and failed plans name a stage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { generate } from './index.js';
import { MemoryPodFs } from './memory-fs.js';
import type { PodSnapshot } from './snapshot.js';
import { defaultRuntimePod } from '../../shared/runtime.js';
import { sharedDir, SHARED_MISSING } from '../test-support/shared-dir.js';

const shared = sharedDir();

function snapshotWith(files: Record<string, string>, links: Record<string, string>, runtime = defaultRuntimePod()): PodSnapshot {
  return {
    root: '/pods/6b1a4c5e-2f0d-4a8b-9c3e-7d5f1e2a3b4c',
    uuid: '6b1a4c5e-2f0d-4a8b-9c3e-7d5f1e2a3b4c',
    fs: new MemoryPodFs(files, links),
    runtime,
    metadataURL: '',
    appAdd: [],
    host: { cgroupControllers: ['memory', 'cpu'], systemctlVersionOutput: 'systemd 233\n', path: '/usr/bin', umask: 0o022, arch: 'amd64', devices: { '/dev/null': 'char' } },
  };
}

const BASE_FILES: Record<string, string> = {
  'stage1/rootfs/systemd-version': 'v233\n',
  'stage1/rootfs/usr/lib/systemd/system/default.target.wants/.keep': '',
  'stage1/rootfs/usr/lib/systemd/system/sockets.target.wants/.keep': '',
  'stage1/rootfs/opt/stage2/a/rootfs/bin/a': '#!/bin/sh\n',
};

function assertPlan(snapshot: PodSnapshot): void {
  const plan = generate(snapshot);
  if (plan.error) {
    assert.ok(plan.errorStage, 'a failed plan names its stage');
    assert.ok(plan.error.message.length > 0);
  }
  for (const e of plan.entries) assert.ok(!e.path.startsWith('/') && !e.path.split('/').includes('..'), `entry inside the pod: ${e.path}`);
}

// A JSON value generator biased towards manifest-like shapes.
const jsonValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null), fc.boolean(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string(),
    fc.constantFrom('PodManifest', 'ImageManifest', '0.8.11', 'a', '/bin/a', 'root', 'resource/memory', 'os/linux/seccomp-retain-set', '500m', 'tcp', 'host', 'empty'),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom('acKind', 'acVersion', 'name', 'apps', 'app', 'exec', 'user', 'group', 'isolators', 'value', 'volumes', 'mounts', 'ports', 'annotations', 'environment', 'kind', 'source', 'path', 'set', 'limit'), tie('value'), { maxKeys: 6 }),
  ),
})).value;

test('random pod and image manifests never crash the generator', () => {
  fc.assert(
    fc.property(jsonValue, jsonValue, (pod, image) => {
      const podDoc = typeof pod === 'object' && pod !== null && !Array.isArray(pod) ? { acKind: 'PodManifest', ...pod } : pod;
      assertPlan(snapshotWith({ ...BASE_FILES, pod: JSON.stringify(podDoc), 'stage1/rootfs/opt/stage2/a/manifest': JSON.stringify(image) }, { 'stage1/rootfs/flavor': 'coreos' }));
    }),
    { numRuns: 300 },
  );
});

test('arbitrary bytes as manifests never crash the generator', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 200 }), fc.uint8Array({ maxLength: 64 }), (podText, bytes) => {
      assertPlan(snapshotWith({ ...BASE_FILES, pod: podText, 'stage1/rootfs/opt/stage2/a/manifest': new TextDecoder().decode(bytes) }, { 'stage1/rootfs/flavor': 'coreos' }));
    }),
    { numRuns: 300 },
  );
});

test('mutated corpus manifests never crash the generator', { skip: shared ? false : SHARED_MISSING }, () => {
  const casesDir = path.join(shared!, 'conformance/cases');
  const cases = fs.readdirSync(casesDir).filter((c) => fs.existsSync(path.join(casesDir, c, 'input/pod'))).slice(0, 40);
  const mutate = (v: unknown, rnd: () => number): unknown => {
    if (Array.isArray(v)) return rnd() < 0.2 ? [] : v.map((x) => mutate(x, rnd));
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        const r = rnd();
        if (r < 0.05) continue;
        if (r < 0.1) out[k.toUpperCase()] = x;
        else if (r < 0.15) out[k] = null;
        else if (r < 0.2) out[k] = typeof x === 'string' ? 42 : 'x';
        else out[k] = mutate(x, rnd);
      }
      return out;
    }
    return v;
  };
  fc.assert(
    fc.property(fc.constantFrom(...cases), fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.boolean(), (name, seed, mutable) => {
      let s = seed;
      const rnd = () => ((s = (s * 48271) % 2147483647) / 2147483647);
      const podText = fs.readFileSync(path.join(casesDir, name, 'input/pod'), 'utf8');
      const files: Record<string, string> = { ...BASE_FILES, pod: JSON.stringify(mutate(JSON.parse(podText), rnd)) };
      const stage2 = path.join(casesDir, name, 'input/stage1/rootfs/opt/stage2');
      if (fs.existsSync(stage2)) {
        for (const app of fs.readdirSync(stage2)) {
          const m = path.join(stage2, app, 'manifest');
          if (fs.existsSync(m)) files[`stage1/rootfs/opt/stage2/${app}/manifest`] = JSON.stringify(mutate(JSON.parse(fs.readFileSync(m, 'utf8')), rnd));
        }
      }
      assertPlan(snapshotWith(files, { 'stage1/rootfs/flavor': 'coreos' }, { ...defaultRuntimePod(), Mutable: mutable }));
    }),
    { numRuns: 200 },
  );
});
