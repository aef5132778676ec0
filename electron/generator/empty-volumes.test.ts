// Empty volumes as rkt's PrepareMountpoints makes them: a docker image's implicit volume filled
// with a copy of the image's directory (fileutil.CopyTree), Go's os.FileMode bits for a volume's
// mode, os.Chown's 32-bit ids, and strconv.ParseUint's error texts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { planOf, TINY_ROOTFS, withTinyPod, type TinyPod } from '../test-support/tiny-pod.js';
import type { PlanEntry } from '../../shared/plan.js';

const MOUNT_POINT = { exec: ['/bin/impl'], user: '0', group: '0', mountPoints: [{ name: 'logs', path: '/var/log/app' }] };

function withPlan(spec: TinyPod & { volumes?: unknown[]; mounts?: unknown[]; annotations?: unknown[] }, check: Parameters<typeof withTinyPod>[1]): void {
  const { volumes, mounts, annotations, ...rest } = spec;
  withTinyPod({ app: MOUNT_POINT, pod: { volumes: volumes ?? null }, podApp: { mounts: mounts ?? [] }, imageAnnotations: annotations, ...rest }, check);
}

const DOCKER = [{ name: 'appc.io/docker/repository', value: 'example.com/impl' }];
const summary = (entries: PlanEntry[] | null) =>
  (entries ?? []).map((e) => [e.path, e.kind, e.mode ?? null, e.uid, e.gid, e.content ?? e.target ?? null, e.encoding ?? null]);

test("a docker image's implicit volume is a copy of the image's directory, in Walk order", () => {
  const binary = Buffer.from([0x00, 0xff, 0xfe, 0x80, 0x41]);
  const files = { 'var/log/app/b.log': 'hello\n', 'var/log/app/sub/x': 'x\n', 'var/log/app/data.bin': binary };
  withPlan({ annotations: DOCKER, files, links: { 'var/log/app/a-link': 'b.log' } }, (plan, root) => {
    const app = path.join(root, TINY_ROOTFS, 'var/log/app');
    fs.chmodSync(app, 0o2750);
    fs.chownSync(app, 123, 456);
    const again = planOf(root);
    assert.equal(plan.nspawnError, null);
    assert.deepEqual(summary(again.nspawnEntries), [
      ['sharedVolumes', 'dir', '0755', 0, 0, null, null],
      // The volume takes the image directory's mode (setgid included) and owner.
      ['sharedVolumes/impl-logs', 'dir', '2750', 123, 456, null, null],
      ['sharedVolumes/impl-logs/a-link', 'symlink', null, 0, 0, 'b.log', null],
      ['sharedVolumes/impl-logs/b.log', 'file', '0644', 0, 0, 'hello\n', null],
      // Bytes that are not UTF-8 text are kept exactly, as base64.
      ['sharedVolumes/impl-logs/data.bin', 'file', '0644', 0, 0, binary.toString('base64'), 'base64'],
      ['sharedVolumes/impl-logs/sub', 'dir', '0755', 0, 0, null, null],
      ['sharedVolumes/impl-logs/sub/x', 'file', '0644', 0, 0, 'x\n', null],
    ]);
  });
});

test('an image file where the implicit volume goes is copied, then MkdirAll fails on it', () => {
  withPlan({ annotations: DOCKER, files: { 'var/log/app': 'data\n' } }, (plan) => {
    assert.equal(plan.nspawnError?.message, 'error creating "sharedVolumes/impl-logs"');
    assert.deepEqual(plan.nspawnError?.chain.at(-1), 'mkdir sharedVolumes/impl-logs: not a directory');
    assert.equal(plan.nspawnArgs, null);
    assert.deepEqual(summary(plan.nspawnEntries).at(-1), ['sharedVolumes/impl-logs', 'file', '0644', 0, 0, 'data\n', null]);
  });
  // Without the docker annotation nothing is copied.
  withPlan({ files: { 'var/log/app/b.log': 'hello\n' } }, (plan) => {
    assert.deepEqual(summary(plan.nspawnEntries), [['sharedVolumes', 'dir', '0755', 0, 0, null, null], ['sharedVolumes/impl-logs', 'dir', '0755', 0, 0, null, null]]);
  });
});

test("an empty volume's mode is a Go os.FileMode and its ids are the kernel's 32-bit ones", () => {
  const volume = (name: string, mode: string, uid: number, gid: number) => ({ name, kind: 'empty', mode, uid, gid });
  const volumes = [
    volume('e', '40000000', 0, 0), // os.ModeSetuid
    volume('f', '4000755', 0, 0), // os.ModeSticky | 0755
    volume('g', '1777', -1, -1), // 0o1000 is not a Go flag; -1 leaves the owner as it is
    volume('h', '755', -2, 4294967296),
  ];
  const mounts = ['e', 'f', 'g', 'h'].map((v) => ({ volume: v, path: `/mnt/${v}` }));
  withPlan({ volumes, mounts }, (plan) => {
    const byPath = new Map(summary(plan.nspawnEntries).map((e) => [e[0], e.slice(2, 5)]));
    assert.deepEqual(byPath.get('sharedVolumes/e'), ['4000', 0, 0]);
    assert.deepEqual(byPath.get('sharedVolumes/f'), ['1755', 0, 0]);
    assert.deepEqual(byPath.get('sharedVolumes/g'), ['0777', 0, 0]);
    assert.deepEqual(byPath.get('sharedVolumes/h'), ['0755', 4294967294, 0]);
  });
  // strconv.ParseUint reads left to right: the overflow comes before the bad digit.
  withPlan({ volumes: [volume('e', '777777777778', 0, 0)], mounts: [{ volume: 'e', path: '/mnt/e' }] }, (plan) => {
    assert.deepEqual(plan.nspawnError?.chain, ['invalid mode "777777777778" for volume "e"', 'strconv.ParseUint: parsing "777777777778": value out of range']);
  });
});

test('the rkt/volumes folder is made under the absolute pod root, as its errors show', () => {
  const prepare = (root: string) => {
    fs.mkdirSync(path.join(root, 'stage1/rootfs/rkt'));
    fs.writeFileSync(path.join(root, 'stage1/rootfs/rkt/volumes'), '');
  };
  withTinyPod({ prepare }, (plan, root) => {
    assert.equal(plan.error?.message, `mkdir ${path.join(fs.realpathSync(root), 'stage1/rootfs/rkt/volumes')}: not a directory`);
  });
});
