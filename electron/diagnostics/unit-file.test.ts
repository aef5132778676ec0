import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appExecOf, parseUnit, splitExec } from './unit-file.js';

const UNIT = `[Unit]
Description=Application=hello Image=example.com/hello
# a comment

[Service]
ExecStart="/bin/hello" "a b" "c\\"d" "$$HOME" "100%%"
RootDirectory=/opt/stage2/hello/rootfs
SystemCallFilter=read
SystemCallFilter=write
`;

test('unit lines keep their line numbers and sections', () => {
  const u = parseUnit(UNIT);
  assert.equal(u.first('Unit', 'Description')?.line, 2);
  assert.equal(u.first('Service', 'ExecStart')?.line, 6);
  assert.equal(u.get('Service', 'SystemCallFilter').length, 2);
  assert.equal(u.first('Unit', 'ExecStart'), null);
});

test('exec lines are split the way systemd does', () => {
  assert.deepEqual(splitExec('"/bin/hello" "a b" "c\\"d" "$$HOME" "100%%"').argv, ['/bin/hello', 'a b', 'c"d', '$HOME', '100%']);
  assert.deepEqual(splitExec('-/bin/true x\\ty').prefixes, '-');
  assert.deepEqual(splitExec("/bin/sh -c 'echo hi'").argv, ['/bin/sh', '-c', 'echo hi']);
  assert.deepEqual(splitExec('"a\\x41\\101"').argv, ['aAA']);
});

test('what an app unit runs, with and without the old wrappers', () => {
  const plain = appExecOf(parseUnit(UNIT))!;
  assert.equal(plain.binary, '/bin/hello');
  assert.equal(plain.rootDirectory, '/opt/stage2/hello/rootfs');
  assert.equal(plain.wrapper, null);
  const old = appExecOf(parseUnit('[Service]\nExecStart="/appexec" "/opt/stage2/hello/rootfs" "/" "/rkt/env/hello" "0" "0" "/bin/hello" "-v"\n'))!;
  assert.deepEqual([old.binary, old.args, old.rootDirectory, old.wrapper], ['/bin/hello', ['-v'], '/opt/stage2/hello/rootfs', '/appexec']);
  const dashes = appExecOf(parseUnit('[Service]\nExecStart="/appexec" "/r" "/" "/rkt/env/a" "0" "0" "--" "/bin/a"\n'))!;
  assert.equal(dashes.binary, '/bin/a');
  const diag = appExecOf(parseUnit('[Service]\nExecStart=/diagexec "/opt/stage2/x/rootfs" "/" "/rkt/env/x" "0" "0" "/bin/x"\n'))!;
  assert.equal(diag.wrapper, '/diagexec');
});
