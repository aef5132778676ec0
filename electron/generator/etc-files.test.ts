// rkt's passwd and group parsers read with a bufio.Scanner whose errors are never checked once
// the file is open, and whose 64 KiB limit counts a line's '\r'.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryPodFs } from './memory-fs.js';
import { PlanFs } from './plan-fs.js';
import { GenError } from './gen-error.js';
import { lookupGidFromFile, lookupUidFromFile } from './etc-files.js';

const fsOf = (files: Record<string, string>) => new PlanFs(new MemoryPodFs(files), 0o022);

function failure(run: () => unknown): string[] {
  try {
    run();
  } catch (e) {
    assert.ok(e instanceof GenError);
    return e.chain;
  }
  assert.fail('no error');
}

test('a passwd or group that is a directory has no entries (the read error is never checked)', () => {
  const fs = fsOf({ 'etc/passwd/x': '', 'etc/group/x': '' });
  assert.deepEqual(failure(() => lookupUidFromFile(fs, 'etc/passwd', '/etc/passwd', 'nginx')), ['"nginx" user not found']);
  assert.deepEqual(failure(() => lookupGidFromFile(fs, 'etc/group', '/etc/group', 'www')), ['"www" group not found']);
});

test("a line of 64 KiB with its '\\r' stops the scan", () => {
  const long = `nginx:x:101:101:${'g'.repeat(65535 - 26)}:/:/bin/sh`;
  assert.equal(Buffer.byteLength(long), 65535);
  const fs = fsOf({ 'etc/passwd': `${long}\r\n`, 'etc/passwd-lf': `${long}\n` });
  assert.deepEqual(failure(() => lookupUidFromFile(fs, 'etc/passwd', '/etc/passwd', 'nginx')), ['"nginx" user not found']);
  assert.equal(lookupUidFromFile(fs, 'etc/passwd-lf', '/etc/passwd', 'nginx'), 101n);
});
