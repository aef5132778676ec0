// Path handling that must match Go and rkt exactly: symlinks evaluated as after chroot into
// the app's rootfs, Go-quoted error texts, os.MkdirAll's errors and filepath.Clean.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateSymlinksInside } from './symlinks.js';
import { MemoryPodFs } from './memory-fs.js';
import { PlanFs } from './plan-fs.js';
import { GenError } from './gen-error.js';
import { clean, join } from './gopath.js';
import { atoi } from './goparse.js';

const R = 'stage1/rootfs/opt/stage2/a/rootfs';

function planFs(files: Record<string, string>, links: Record<string, string> = {}): PlanFs {
  return new PlanFs(new MemoryPodFs(files, links), 0o022);
}

test('a link on the way resolves inside the app rootfs, as after chroot', () => {
  const fs = planFs({ [`${R}/x`]: '' }, { [`${R}/bin`]: '/usr/bin', [`${R}/usr`]: '/opt/usr', [`${R}/opt/usr/bin/foo`]: '../../x' });
  assert.equal(evaluateSymlinksInside(fs, R, `/pod/${R}`, '/bin/foo'), '/x');
  // '..' in a link target stops at the rootfs.
  const up = planFs({ [`${R}/y`]: '' }, { [`${R}/d`]: '../../../../..', [`${R}/e`]: '/d/y' });
  assert.equal(evaluateSymlinksInside(up, R, `/pod/${R}`, '/e'), '/y');
  // Missing components are kept.
  assert.equal(evaluateSymlinksInside(fs, R, `/pod/${R}`, '/bin/missing/z'), '/opt/usr/bin/missing/z');
});

test('a link loop on the way is the kernel\'s ELOOP, reported with Go-quoted paths', () => {
  const fs = planFs({ [`${R}/.keep`]: '' }, { [`${R}/l\u0001`]: '/l\u0001', [`${R}/{{err}}`]: '/{{err}}' });
  const chainOf = (path: string) => {
    try {
      evaluateSymlinksInside(fs, R, `/pod/${R}`, path);
    } catch (e) {
      assert.ok(e instanceof GenError);
      return e.chain;
    }
    assert.fail('no error');
  };
  assert.deepEqual(chainOf('/l\u0001/foo'), ['evaluating symlinks of "/l\\x01/foo" failed', 'lstat /l\u0001/foo: too many levels of symbolic links']);
  // errwrap.Wrapf puts the inner message wherever the text says {{err}}, even inside the path.
  assert.deepEqual(chainOf('/{{err}}/foo'), [
    'evaluating symlinks of "/lstat /{{err}}/foo: too many levels of symbolic links/foo" failed',
    'lstat /{{err}}/foo: too many levels of symbolic links',
  ]);
});

test('MkdirAll through a file fails at the mkdir under it, as os.MkdirAll does', () => {
  const fs = planFs({ 'a/file': 'x' });
  assert.throws(() => fs.mkdirAll('a/file/sub/dir', 0o755), /mkdir a\/file: not a directory/);
  assert.throws(() => fs.mkdirAll('a/file', 0o755), /mkdir a\/file: not a directory/);
  fs.mkdirAll('a/new/deeper', 0o755);
  assert.equal(fs.stat('a/new/deeper').kind, 'dir');
});

test('Clean and Join treat a line break before a trailing slash like any other character', () => {
  assert.equal(clean('a\n/'), 'a\n');
  assert.equal(clean('\r/'), '\r');
  assert.equal(join('/app', 'x\n/'), '/app/x\n');
});

test('strconv.Atoi errors quote the text as Go does', () => {
  const r = atoi('1\u00a0');
  assert.equal(r.ok, false);
  assert.equal(!r.ok && r.text, 'strconv.Atoi: parsing "1\\u00a0": invalid syntax');
});
