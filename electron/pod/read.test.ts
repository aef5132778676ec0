// Reading a pod root's runtime options: the pod's own runtime-config is read inside the root.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readRuntime } from './read.js';

test('runtime-config is read inside the pod root: a symlink cannot lead out of it', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'podunit-read-'));
  try {
    const root = path.join(tmp, 'pod');
    fs.mkdirSync(root);
    fs.writeFileSync(path.join(tmp, 'options'), JSON.stringify({ Hostname: 'outside' }));
    fs.writeFileSync(path.join(root, 'options'), JSON.stringify({ Hostname: 'inside' }));
    // Inside the pod '..' cannot climb above the root: the link means <pod>/options.
    fs.symlinkSync('../options', path.join(root, 'runtime-config'));
    assert.equal(readRuntime(root, {}).runtime.Hostname, 'inside');
    fs.unlinkSync(path.join(root, 'options'));
    assert.equal(readRuntime(root, {}).source, 'rkt defaults', 'a dangling link is no runtime-config');
    fs.unlinkSync(path.join(root, 'runtime-config'));
    fs.mkdirSync(path.join(root, 'runtime-config'));
    assert.throws(() => readRuntime(root, {}), /runtime-config: is a directory/);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
