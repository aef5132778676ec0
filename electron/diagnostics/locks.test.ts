import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { probeLock, probeLocks, procLocksComplete } from './locks.js';
import { devMajorMinor, parseProcLocks } from './proc-locks.js';
import { tempRoot } from './fixtures/temp.js';
import { holdLock } from './fixtures/hold-lock.js';

const tmp = tempRoot();
after(tmp.cleanup);
const noFlock = spawnSync('flock', ['--version']).error ? 'flock(1) is not installed (Debian package util-linux)' : false;

test('/proc/locks lines and device numbers', () => {
  const locks = parseProcLocks('1: FLOCK  ADVISORY  WRITE 10421 fe:00:2146882 0 EOF\n2: POSIX  ADVISORY  READ 99 08:01:12 0 EOF\n3: -> FLOCK  ADVISORY  WRITE 1 fe:00:5 0 EOF\n');
  assert.equal(locks.length, 2);
  assert.deepEqual([locks[0].kind, locks[0].access, locks[0].major, locks[0].minor, locks[0].inode], ['FLOCK', 'WRITE', 254, 0, 2146882n]);
  assert.deepEqual(devMajorMinor(65024n), { major: 254, minor: 0 });
  assert.deepEqual(devMajorMinor(2049n), { major: 8, minor: 1 });
});

test('an unlocked directory, then one held exclusively, through flock(1)', { skip: noFlock }, async () => {
  const dir = tmp.sub('pod');
  assert.deepEqual(await probeLock(dir), { locked: false, method: 'flock' });
  const holder = await holdLock(dir);
  try {
    assert.deepEqual(await probeLock(dir), { locked: true, method: 'flock' });
  } finally {
    holder.kill();
  }
});

test('without flock(1), /proc/locks answers', { skip: noFlock }, async () => {
  const dir = tmp.sub('pod');
  const opts = { flockBinary: '/nonexistent/flock' };
  assert.deepEqual(await probeLock(dir, opts), { locked: false, method: 'proc-locks' });
  const holder = await holdLock(dir);
  try {
    assert.deepEqual(await probeLock(dir, opts), { locked: true, method: 'proc-locks' });
  } finally {
    holder.kill();
  }
});

test('with neither, the answer is unknown and says why', async () => {
  const r = await probeLock(tmp.sub('pod'), { flockBinary: '/nonexistent/flock', procLocks: '/nonexistent/locks' });
  assert.equal(r.locked, null);
  assert.match(r.note!, /flock\(1\) is not installed.*\/proc\/locks/);
});

test('many directories at once: /proc/locks when it is complete, flock(1) each otherwise', { skip: noFlock }, async () => {
  const a = tmp.sub('a');
  const b = tmp.sub('b');
  const holder = await holdLock(b);
  try {
    const viaFlock = await probeLocks([a, b], { procSelf: '/nonexistent' });
    assert.deepEqual(viaFlock, [{ locked: false, method: 'flock' }, { locked: true, method: 'flock' }]);
    if (procLocksComplete()) {
      assert.deepEqual(await probeLocks([a, b]), [{ locked: false, method: 'proc-locks' }, { locked: true, method: 'proc-locks' }]);
    }
  } finally {
    holder.kill();
  }
});
