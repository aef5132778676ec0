import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { compareWithPlan, diffLines } from './drift.js';
import { podLayout } from './overlay.js';
import { buildPod, helloApp, loadWritten } from './fixtures/pod-builder.js';
import type { Plan, PlanEntry } from '../../shared/plan.js';
import { tempRoot } from './fixtures/temp.js';

const tmp = tempRoot();
after(tmp.cleanup);

test('line diff', () => {
  assert.deepEqual(diffLines(['a', 'b', 'c'], ['a', 'x', 'c']), [
    { op: '+', line: 2, text: 'x' },
    { op: '-', line: 2, text: 'b' },
  ]);
  assert.deepEqual(diffLines(['a'], ['a', 'b']), [{ op: '+', line: 2, text: 'b' }]);
  assert.deepEqual(diffLines([], []), []);
});

function planOf(entries: PlanEntry[]): Plan {
  return { entries } as unknown as Plan;
}

test('differences, missing files, wrong symlinks; env prefix order does not count', () => {
  const b = buildPod(tmp.sub('pod'), { apps: [helloApp({})], written: 'v1.30-hello' });
  const entries: PlanEntry[] = loadWritten('v1.30-hello').map((e) => ({ ...e, uid: 0, gid: 0 }));
  const layout = podLayout(b.root);
  assert.deepEqual(compareWithPlan(layout, planOf(entries)), []);

  // rkt writes the default environment lines in random order.
  const envPath = path.join(b.stage1Dir, 'rkt/env/hello');
  const env = fs.readFileSync(envPath, 'utf8').split('\n');
  const prefix = 5;
  fs.writeFileSync(envPath, [...env.slice(0, prefix).reverse(), ...env.slice(prefix)].join('\n'));
  const withPrefix = entries.map((e) => (e.path.endsWith('rkt/env/hello') ? { ...e, unorderedPrefixLines: prefix } : e));
  assert.deepEqual(compareWithPlan(layout, planOf(withPrefix)), []);
  assert.equal(compareWithPlan(layout, planOf(entries)).length, 1, 'without the prefix count the order matters');

  fs.rmSync(path.join(b.stage1Dir, 'usr/lib/systemd/system/halt.target'));
  fs.rmSync(path.join(b.stage1Dir, 'usr/lib/systemd/system/default.target.wants/hello.service'));
  fs.symlinkSync('../other.service', path.join(b.stage1Dir, 'usr/lib/systemd/system/default.target.wants/hello.service'));
  const d = compareWithPlan(layout, planOf(withPrefix));
  assert.deepEqual(
    d.map((x) => [x.path.replace('stage1/rootfs/usr/lib/systemd/system/', ''), x.change]),
    [
      ['default.target.wants/hello.service', 'target'],
      ['halt.target', 'missing'],
    ],
  );
});
