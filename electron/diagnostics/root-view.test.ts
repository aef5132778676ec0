import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { RootView, cleanInRoot } from './root-view.js';
import { tempRoot } from './fixtures/temp.js';

const tmp = tempRoot();
after(tmp.cleanup);

function tree(base: string, files: Record<string, string | { link: string }>): string {
  for (const [p, v] of Object.entries(files)) {
    const f = path.join(base, p);
    fs.mkdirSync(path.dirname(f), { recursive: true });
    if (typeof v === 'string') fs.writeFileSync(f, v);
    else fs.symlinkSync(v.link, f);
  }
  return base;
}

test('paths are cleaned without climbing above the root', () => {
  assert.equal(cleanInRoot('/a/../../b/./c/'), '/b/c');
  assert.equal(cleanInRoot('..'), '/');
});

test('symlinks resolve inside the root, like after chroot', () => {
  const outside = tree(tmp.sub('outside'), { 'secret': 'host file' });
  const root = tree(tmp.sub('root'), {
    'etc/passwd': 'root:x:0:0::/root:/bin/sh\n',
    'abs': { link: '/etc/passwd' },
    'up': { link: '../../../../etc/passwd' },
    'escape': { link: outside + '/secret' },
    'lib64': { link: 'lib' },
    'lib/ld.so': 'x',
    'loop1': { link: 'loop2' },
    'loop2': { link: 'loop1' },
    'file': 'f',
  });
  const v = new RootView([root]);
  const abs = v.resolve('/abs');
  assert.ok(abs.ok && abs.path === '/etc/passwd');
  const up = v.resolve('/up');
  assert.ok(up.ok && up.path === '/etc/passwd');
  const esc = v.resolve('/escape');
  assert.ok(!esc.ok && esc.error === 'ENOENT', 'an absolute link to a host path stays inside the root');
  const lib = v.resolve('/lib64/ld.so');
  assert.ok(lib.ok && lib.path === '/lib/ld.so' && lib.links.length === 1);
  const loop = v.resolve('/loop1');
  assert.ok(!loop.ok && loop.error === 'ELOOP');
  const nd = v.resolve('/file/x');
  assert.ok(!nd.ok && nd.error === 'ENOTDIR' && nd.at === '/file');
  const missing = v.resolve('/nope/x');
  assert.ok(!missing.ok && missing.at === '/nope');
  const noFollow = v.resolve('/abs', false);
  assert.ok(noFollow.ok && noFollow.stat.kind === 'symlink');
});

test('a symlinked directory in a layer is never followed by the host', () => {
  const outside = tree(tmp.sub('outside2'), { 'etc/shadow': 'secret' });
  const root = tmp.sub('root2');
  fs.symlinkSync(outside + '/etc', path.join(root, 'etc'));
  const v = new RootView([root]);
  assert.equal(v.lstat('/etc/shadow'), null);
  assert.equal(v.readText('/etc/shadow'), null);
  assert.equal(v.readdir('/etc'), null);
});

test('layers: upper wins, whiteouts hide, directories merge', { skip: process.getuid?.() !== 0 && 'whiteouts need mknod (root)' }, () => {
  const lower = tree(tmp.sub('lower'), { 'bin/a': 'lower a', 'bin/b': 'lower b', 'etc/x': 'x' });
  const upper = tree(tmp.sub('upper'), { 'bin/a': 'upper a', 'bin/c': 'upper c' });
  // An overlayfs whiteout is a character device 0:0.
  const r = require_mknod(path.join(upper, 'bin', 'b'));
  assert.ok(r, 'mknod failed');
  const v = new RootView([upper, lower]);
  assert.equal(v.readText('/bin/a'), 'upper a');
  assert.equal(v.lstat('/bin/b'), null);
  assert.equal(v.readText('/etc/x'), 'x');
  assert.deepEqual(v.readdir('/bin')!.sort(), ['a', 'c']);
  assert.equal(v.hostPath('/etc/x'), path.join(lower, 'etc/x'));
});

function require_mknod(p: string): boolean {
  return spawnSync('mknod', [p, 'c', '0', '0']).status === 0;
}
