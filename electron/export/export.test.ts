import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Plan } from '../../shared/plan.js';
import { IpcError } from '../../shared/ipc/envelope.js';
import { writeFileAtomic } from '../pod/write.js';
import { planOf, tempDir } from '../ipc/test-support.js';
import { bundleEntries } from './bundle.js';
import { paxRecord, splitUstarPath, tarArchive } from './tar.js';
import { bundleTarGz, exportBundle } from './write-bundle.js';

const tmp = tempDir();
after(tmp.cleanup);

const longName = `stage1/rootfs/usr/lib/systemd/system/${'very-long-app-name-'.repeat(8)}.service`;
const plan: Plan = planOf({ root: '/pods/x' }, [
  { path: 'runtime-config', kind: 'file', mode: '0644', uid: 0, gid: 0, content: '{}' },
  { path: 'stage1/rootfs/rkt/env', kind: 'dir', mode: '0755', uid: 0, gid: 0 },
  { path: 'stage1/rootfs/rkt/env/web', kind: 'file', mode: '0644', uid: 0, gid: 0, content: 'PATH=/bin\nAC_APP_NAME=web\n' },
  { path: 'stage1/rootfs/usr/lib/systemd/system/web.service', kind: 'file', mode: '0644', uid: 0, gid: 0, content: '[Unit]\nDescription=web ünïcode\n' },
  { path: 'stage1/rootfs/usr/lib/systemd/system/default.target.wants/web.service', kind: 'symlink', uid: 0, gid: 0, target: '../web.service' },
  { path: 'stage1/rootfs/usr/lib/sysusers.d/web.service.conf', kind: 'file', mode: '0640', uid: 0, gid: 0, content: 'g gen0 0\nu gen0 0 "gen0"\n' },
  { path: longName, kind: 'file', mode: '0644', uid: 0, gid: 0, content: 'long\n' },
], {
  nspawnArgs: ['--boot', '--bind=/pods/x/sharedVolumes/a:/opt/a'],
  provenance: { 'stage1/rootfs/usr/lib/systemd/system/web.service': [{ line: 2, key: 'Description', sources: [{ kind: 'manifest', doc: { kind: 'pod' }, pointer: '/apps/0/name' }] }] },
});

test('pax record lengths count themselves', () => {
  for (const value of ['x', 'a'.repeat(90), 'a'.repeat(95), 'a'.repeat(994), 'ü'.repeat(50)]) {
    const rec = paxRecord('path', value);
    assert.equal(Number(rec.split(' ')[0]), Buffer.byteLength(rec));
  }
  assert.deepEqual(splitUstarPath('a/b'), { prefix: '', name: 'a/b' });
  assert.equal(splitUstarPath('x'.repeat(300)), null);
});

test('tar archives refuse unsafe paths', () => {
  for (const path of ['../x', '/etc/passwd', 'a/../../x', '']) {
    assert.throws(() => tarArchive([{ path, kind: 'file', mode: 0o644, data: new Uint8Array() }]), /unsafe tar path/);
  }
});

test('the bundle holds units, env, sysusers, nspawn args, provenance and checksums, sorted', () => {
  const entries = bundleEntries(plan);
  const paths = entries.map((e) => e.path);
  assert.deepEqual(paths, [...paths].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))));
  for (const p of ['SHA256SUMS', 'bundle.json', 'nspawn-args.json', 'provenance.json', 'pod', 'pod/runtime-config',
    'pod/stage1/rootfs/rkt/env/web', 'pod/stage1/rootfs/usr/lib/sysusers.d/web.service.conf',
    'pod/stage1/rootfs/usr/lib/systemd/system/default.target.wants/web.service']) {
    assert.ok(paths.includes(p), p);
  }
  const provenance = JSON.parse(new TextDecoder().decode(entries.find((e) => e.path === 'provenance.json')!.data));
  assert.deepEqual(Object.keys(provenance), ['pod/stage1/rootfs/usr/lib/systemd/system/web.service']);
  assert.throws(() => bundleEntries(planOf({ root: '/' }, [{ path: '../x', kind: 'file', mode: '0644', uid: 0, gid: 0, content: '' }])), /not a clean relative path/);
});

test('the .tar.gz is reproducible and readable by tar, and its checksums verify', () => {
  const a = bundleTarGz(plan);
  const b = bundleTarGz(structuredClone(plan));
  assert.deepEqual(Buffer.from(a), Buffer.from(b));
  // gzip header: no file name, no mtime, maximum compression, OS Unix.
  assert.equal(Buffer.from(a.subarray(0, 10)).toString('hex'), '1f8b0800000000000203');
  const file = join(tmp.dir, 'bundle.tar.gz');
  writeFileSync(file, a);
  const listing = execFileSync('tar', ['-tvzf', file, '--numeric-owner'], { encoding: 'utf8' });
  assert.match(listing, /lrwxrwxrwx 0\/0 +0 1970-01-01 00:00 pod\/stage1\/rootfs\/usr\/lib\/systemd\/system\/default.target.wants\/web.service -> \.\.\/web.service/);
  assert.match(listing, /-rw-r----- 0\/0 +\d+ 1970-01-01 00:00 pod\/stage1\/rootfs\/usr\/lib\/sysusers.d\/web.service.conf/);
  assert.ok(listing.includes(`pod/${longName}`), 'long name kept through a pax header');
  const out = join(tmp.dir, 'extracted');
  mkdirSync(out);
  execFileSync('tar', ['-xzf', file, '-C', out]);
  assert.equal(readFileSync(join(out, 'pod/stage1/rootfs/usr/lib/systemd/system/web.service'), 'utf8'), '[Unit]\nDescription=web ünïcode\n');
  execFileSync('sha256sum', ['-c', '--quiet', 'SHA256SUMS'], { cwd: out });
  assert.deepEqual(JSON.parse(readFileSync(join(out, 'nspawn-args.json'), 'utf8')), plan.nspawnArgs);
  assert.equal(gunzipSync(a).length % 512, 0);
});

test('export to a .tar.gz file and to a directory give the same files', () => {
  const file = join(tmp.dir, 'out.tar.gz');
  const toFile = exportBundle(plan, file, 'tar.gz', false, writeFileAtomic);
  assert.equal(toFile.bytes, statSync(file).size);
  const dir = join(tmp.dir, 'out-dir');
  const toDir = exportBundle(plan, dir, 'dir', false, writeFileAtomic);
  assert.deepEqual(toDir.files, toFile.files);
  assert.equal(readlinkSync(join(dir, 'pod/stage1/rootfs/usr/lib/systemd/system/default.target.wants/web.service')), '../web.service');
  assert.equal(statSync(join(dir, 'pod/stage1/rootfs/usr/lib/sysusers.d/web.service.conf')).mode & 0o777, 0o640);
  execFileSync('sha256sum', ['-c', '--quiet', 'SHA256SUMS'], { cwd: dir });
});

test('export does not overwrite unless asked', () => {
  const file = join(tmp.dir, 'exists.tar.gz');
  writeFileSync(file, 'precious');
  assert.throws(() => exportBundle(plan, file, 'tar.gz', false, writeFileAtomic), (e: unknown) => e instanceof IpcError && e.code === 'exists');
  assert.equal(readFileSync(file, 'utf8'), 'precious');
  exportBundle(plan, file, 'tar.gz', true, writeFileAtomic);
  assert.notEqual(readFileSync(file, 'utf8'), 'precious');
  const dir = join(tmp.dir, 'nonempty');
  mkdirSync(dir);
  writeFileSync(join(dir, 'keep.txt'), 'x');
  assert.throws(() => exportBundle(plan, dir, 'dir', false, writeFileAtomic), (e: unknown) => e instanceof IpcError && e.code === 'exists');
  assert.throws(() => exportBundle(plan, join(tmp.dir, 'no/such/parent.tar.gz'), 'tar.gz', false, writeFileAtomic), (e: unknown) => e instanceof IpcError && e.code === 'not-found');
  assert.ok(!existsSync(join(dir, 'SHA256SUMS')));
});

test('a directory export has the bundle\'s exact modes, whatever the umask', () => {
  const wide = planOf({ root: '/pods/x' }, [
    { path: 'sharedVolumes', kind: 'dir', mode: '0755', uid: 0, gid: 0 },
    { path: 'sharedVolumes/tmp', kind: 'dir', mode: '0777', uid: 0, gid: 0 },
  ], { nspawnArgs: [] });
  const umask = process.umask(0o022);
  try {
    const dir = join(tmp.dir, 'modes');
    exportBundle(wide, dir, 'dir', false, writeFileAtomic);
    assert.equal(statSync(join(dir, 'pod/sharedVolumes/tmp')).mode & 0o777, 0o777);
  } finally {
    process.umask(umask);
  }
});

test('the folder an export goes into may be reached through a symlink', () => {
  const real = join(tmp.dir, 'real-folder');
  mkdirSync(real);
  symlinkSync(real, join(tmp.dir, 'linked-folder'));
  exportBundle(plan, join(tmp.dir, 'linked-folder/b.tar.gz'), 'tar.gz', false, writeFileAtomic);
  exportBundle(plan, join(tmp.dir, 'linked-folder/b-dir'), 'dir', false, writeFileAtomic);
  assert.ok(existsSync(join(real, 'b.tar.gz')));
  assert.ok(existsSync(join(real, 'b-dir/SHA256SUMS')));
});

test('a directory export that fails leaves nothing behind', () => {
  const parent = join(tmp.dir, 'failing');
  mkdirSync(parent);
  let writes = 0;
  const diskFull: typeof writeFileAtomic = (dir, rel, data, mode) => {
    if (++writes === 3) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    writeFileAtomic(dir, rel, data, mode);
  };
  assert.throws(() => exportBundle(plan, join(parent, 'bundle'), 'dir', false, diskFull), /ENOSPC/);
  assert.deepEqual(readdirSync(parent), []);
});
