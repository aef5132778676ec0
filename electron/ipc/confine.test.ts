// Confinement to a chosen directory: what is inside, what leads out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { confinedPath, isInside } from './confine.js';

test('inside means below the root: a name that merely starts with two dots is inside', () => {
  assert.equal(isInside('/pods/p', '/pods/p'), true);
  assert.equal(isInside('/pods/p', '/pods/p/..data/file'), true);
  assert.equal(isInside('/pods/p', '/pods/p/a/..b'), true);
  assert.equal(isInside('/pods/p', '/pods/other'), false);
  assert.equal(isInside('/pods/p', '/pods/p/../q'), false);
  assert.equal(isInside('/pods/p', '/pods'), false);
});

test('a link to a ..-named directory inside the root is followed; one out of it is refused', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'podunit-confine-'));
  try {
    const root = path.join(tmp, 'root');
    fs.mkdirSync(path.join(root, '..data'), { recursive: true });
    fs.symlinkSync('..data', path.join(root, 'current'));
    fs.symlinkSync('..', path.join(root, 'up'));
    assert.equal(confinedPath(root, 'current/file'), path.join(fs.realpathSync(root), 'current/file'));
    assert.throws(() => confinedPath(root, 'up/file'), /leaves its root/);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
