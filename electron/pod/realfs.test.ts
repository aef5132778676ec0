// The read-only pod view: confined lookups, and the per-directory listing that answers misses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RealPodFs } from './realfs.js';

function tempRoot(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'podunit-realfs-'));
  fs.mkdirSync(path.join(root, 'a/b'), { recursive: true });
  fs.writeFileSync(path.join(root, 'a/b/present'), 'x');
  fs.symlinkSync('/a/b', path.join(root, 'link'));
  return root;
}

test('a miss lists the directory once; names in it are still found, absent ones are not', () => {
  const root = tempRoot();
  try {
    const rfs = new RealPodFs(root);
    assert.equal(rfs.tryLstat('a/b/absent'), null);
    assert.equal(rfs.tryLstat('a/b/present')?.kind, 'file');
    assert.equal(rfs.tryLstat('a/b/other'), null);
    assert.throws(() => rfs.lstat('a/b/absent'), /lstat a\/b\/absent: no such file or directory/);
    // Created after the listing: seen only after invalidate().
    fs.writeFileSync(path.join(root, 'a/b/other'), 'y');
    assert.equal(rfs.tryLstat('a/b/other'), null);
    rfs.invalidate();
    assert.equal(rfs.tryLstat('a/b/other')?.kind, 'file');
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('paths with dot components and links resolve inside the root', () => {
  const root = tempRoot();
  try {
    const rfs = new RealPodFs(root);
    assert.equal(rfs.tryLstat('a/./b/present')?.kind, 'file');
    assert.equal(rfs.tryLstat('a/b/../b/present')?.kind, 'file');
    assert.equal(rfs.tryLstat('../../a/b/present')?.kind, 'file');
    assert.equal(rfs.tryLstat('link/present')?.kind, 'file');
    assert.equal(rfs.stat('link').kind, 'dir');
    assert.equal(new TextDecoder().decode(rfs.readFile('link/present')), 'x');
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('a lookup under a missing or non-directory parent fails there and reads nothing outside the root', () => {
  const root = tempRoot();
  const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'podunit-realfs-cwd-'));
  const cwd = process.cwd();
  try {
    // Files named like the errors, where a lookup that took an error for a directory would land.
    for (const errno of ['ENOENT', 'ENOTDIR']) {
      fs.mkdirSync(path.join(elsewhere, errno, 'deeper'), { recursive: true });
      fs.writeFileSync(path.join(elsewhere, errno, 'secret'), 'outside');
    }
    process.chdir(elsewhere);
    const rfs = new RealPodFs(root);
    assert.equal(rfs.tryLstat('missing/secret'), null);
    assert.equal(rfs.tryLstat('a/missing/secret'), null);
    assert.equal(rfs.tryLstat('a/missing/deeper/secret'), null);
    assert.throws(() => rfs.readFile('missing/secret'), /open missing\/secret: no such file or directory/);
    assert.equal(rfs.tryLstat('a/b/present/secret'), null);
    assert.throws(() => rfs.lstat('a/b/present/secret'), /lstat a\/b\/present\/secret: not a directory/);
    assert.throws(() => rfs.readdir('a/b/present/deeper'), /not a directory/);
    // Through a link to a missing directory: the lookup fails instead of landing in the link's parent.
    fs.writeFileSync(path.join(root, 'a/beside'), 'x');
    fs.symlinkSync('/a/missing', path.join(root, 'dangling'));
    assert.equal(rfs.tryLstat('dangling/beside'), null);
    assert.throws(() => rfs.readFile('dangling/beside'), /no such file or directory/);
  } finally {
    process.chdir(cwd);
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(elsewhere, { recursive: true, force: true });
  }
});

test('a trailing slash or /. names a directory: through a link to a file it is ENOTDIR', () => {
  const root = tempRoot();
  try {
    fs.symlinkSync('b/present/', path.join(root, 'a/slash'));
    fs.symlinkSync('/a/b/present/.', path.join(root, 'a/dot'));
    fs.symlinkSync('/a/b/', path.join(root, 'a/dir'));
    const rfs = new RealPodFs(root);
    assert.throws(() => rfs.stat('a/slash'), /stat a\/slash: not a directory/);
    assert.throws(() => rfs.readFile('a/dot'), /open a\/dot: not a directory/);
    assert.throws(() => rfs.lstat('a/b/present/'), /not a directory/);
    assert.equal(rfs.stat('a/dir').kind, 'dir');
    assert.equal(rfs.lstat('link/').kind, 'dir');
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
