// `--profile auto` on pod roots as rkt left them: for every recorded case without an error,
// the input plus what the release wrote is detected as a profile whose output reproduces the
// recording. Plus the rules on small hand-made roots.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sharedDir, SHARED_MISSING } from '../test-support/shared-dir.js';
import { canChown, compareWithExpected, copyInput, runCase, type Expected } from '../test-support/corpus.js';
import { RealPodFs } from '../pod/realfs.js';
import type { PlanEntry } from '../../shared/plan.js';
import { detectProfile } from './detect.js';
import { MemoryPodFs } from './memory-fs.js';
import { profileForVersion } from './detect/stage1-version.js';

const shared = sharedDir();

/** Lays the recorded entries over the materialized input: the pod root after the run. */
function layEntries(root: string, entries: PlanEntry[]): void {
  for (const e of entries) {
    const p = path.join(root, e.path);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    if (e.kind === 'dir') fs.mkdirSync(p, { recursive: true });
    else {
      fs.rmSync(p, { force: true });
      if (e.kind === 'symlink') fs.symlinkSync(e.target!, p);
      else fs.writeFileSync(p, e.content ?? '');
    }
    if (e.mode) fs.chmodSync(p, parseInt(e.mode, 8));
    if (canChown) fs.lchownSync(p, e.uid, e.gid);
  }
}

interface Corpus {
  label: string;
  dir: string;
  /** The flags format of the older releases (no runtime-config). */
  legacy: boolean;
}

function corpora(): Corpus[] {
  if (!shared) return [];
  const legacyDir = path.join(shared, 'conformance/legacy');
  const tags = fs.readdirSync(legacyDir).filter((t) => fs.existsSync(path.join(legacyDir, t, 'cases')));
  return [
    ...tags.map((t) => ({ label: `legacy/${t}`, dir: path.join(legacyDir, t, 'cases'), legacy: t !== 'v1.30.0' })),
    { label: 'cases', dir: path.join(shared, 'conformance/cases'), legacy: false },
  ];
}

for (const corpus of corpora()) {
  const names = fs.readdirSync(corpus.dir).filter((n) => fs.existsSync(path.join(corpus.dir, n, 'expected.json'))).sort();
  describe(`detect: ${corpus.label} as rkt left it`, { skip: shared ? false : SHARED_MISSING }, () => {
    for (const name of names) {
      const dir = path.join(corpus.dir, name);
      const exp: Expected = JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8'));
      if (exp.error || exp.nspawnError) continue;
      it(name, async () => {
        const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'podunit-detect-'));
        try {
          const root = path.join(tmp, 'pod');
          copyInput(path.join(dir, 'input'), root, name);
          layEntries(root, [...(exp.entries ?? []), ...(exp.nspawnEntries ?? [])]);
          const detection = detectProfile(new RealPodFs(root));
          const run = await runCase(dir, ['--profile', detection.profile], corpus.legacy);
          try {
            // The nspawn arguments never reach the disk: releases that write the same files may differ there.
            const problems = compareWithExpected(exp, run.stdout, run.root).filter((p) => !p.startsWith('nspawnArgs '));
            assert.deepEqual(problems, [], `detected ${detection.profile} (${detection.reason}), which does not reproduce the recording:\n${problems.join('\n')}`);
          } finally {
            fs.rmSync(run.tmp, { recursive: true, force: true });
          }
        } finally {
          fs.rmSync(tmp, { recursive: true, force: true });
        }
      });
    }
  });
}

describe('detect: rules', () => {
  const pod = (apps: { name: string; id: string; exec: string[] }[]) =>
    JSON.stringify({
      acVersion: '0.8.11',
      acKind: 'PodManifest',
      apps: apps.map((a) => ({ name: a.name, image: { id: a.id }, app: { exec: a.exec, user: '0', group: '0' } })),
    });
  const ID = 'sha512-' + 'ab'.repeat(32);
  const UNITS = 'stage1/rootfs/usr/lib/systemd/system';

  it('a prepared pod with nothing generated: the default profile, every profile possible', () => {
    const d = detectProfile(new MemoryPodFs({ pod: pod([{ name: 'a', id: ID, exec: ['/a'] }]), 'stage1/rootfs/opt/stage2/a/manifest': '{}' }));
    assert.equal(d.profile, 'rkt-tip');
    assert.ok(d.possible.includes('rkt-v0.16.0'));
    assert.ok(!d.possible.includes('rkt-v0.7.0'), 'app directories named after the app rule out v0.7.0');
  });

  it('the stage1 version label picks among the profiles the files allow', () => {
    const d = detectProfile(new MemoryPodFs({
      pod: pod([{ name: 'a', id: ID, exec: ['/a'] }]),
      'stage1/manifest': JSON.stringify({ labels: [{ name: 'version', value: '1.2.0' }] }),
      [`${UNITS}/a.service`]: '[Service]\nExecStart="/appexec" "/opt/stage2/a/rootfs" "/" "/rkt/env/a" "0" "0" "--" "/a"\n',
    }));
    assert.equal(d.profile, 'rkt-v1.3.0');
    assert.deepEqual(d.stage1Version, { label: '1.2.0', profile: 'rkt-v1.3.0', approximate: true });
  });

  it("'/appexec' without '--' leaves v0.16.0 and v1.0.0 (they write the same units); the older is taken", () => {
    const d = detectProfile(new MemoryPodFs({
      pod: pod([{ name: 'a', id: ID, exec: ['/a'] }]),
      [`${UNITS}/a.service`]: '[Service]\nExecStart="/appexec" "/opt/stage2/a/rootfs" "/" "/rkt/env/a" "0" "0" "/a"\n',
    }));
    assert.deepEqual(d.possible, ['rkt-v1.0.0', 'rkt-v0.16.0']);
    assert.equal(d.profile, 'rkt-v0.16.0');
    assert.match(d.reason, /without '--'/);
  });

  it("'%' in an argument tells the v1.30.0 release from the tip", () => {
    const files = (exec: string) => ({
      pod: pod([{ name: 'a', id: ID, exec: ['/a', '50%'] }]),
      'runtime-config': '{}',
      [`${UNITS}/a.service`]: `[Service]\nExecStart=${exec}\nRootDirectory=/opt/stage2/a/rootfs\nPermissionsStartOnly=true\n`,
    });
    assert.equal(detectProfile(new MemoryPodFs(files('"/a" "50%%"'))).profile, 'rkt-tip');
    assert.equal(detectProfile(new MemoryPodFs(files('"/a" "50%"'))).profile, 'rkt-v1.30.0');
  });

  it('maps release labels to profiles', () => {
    assert.deepEqual(profileForVersion('0.16.0'), { profile: 'rkt-v0.16.0', approximate: false });
    assert.deepEqual(profileForVersion('0.15.0'), { profile: 'rkt-v0.16.0', approximate: true });
    assert.deepEqual(profileForVersion('v1.8.0'), { profile: 'rkt-v1.11.0', approximate: true });
    assert.deepEqual(profileForVersion('1.30.0'), { profile: 'rkt-v1.30.0', approximate: false });
    assert.deepEqual(profileForVersion('1.30.0+git6c293b65'), { profile: 'rkt-tip', approximate: false });
    assert.deepEqual(profileForVersion('1.31.0'), { profile: 'rkt-tip', approximate: false });
  });
});
