import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { RootView } from './root-view.js';
import { checkExec } from './exec-check.js';
import { makeElf } from './fixtures/elf-builder.js';
import { tempRoot } from './fixtures/temp.js';

const tmp = tempRoot();
after(tmp.cleanup);

type Spec = string | Buffer | { link: string } | { data: string | Buffer; mode: number } | { dir: true };

function app(files: Record<string, Spec>): RootView {
  const root = tmp.sub('app');
  for (const [p, v] of Object.entries(files)) {
    const f = path.join(root, p);
    fs.mkdirSync(path.dirname(f), { recursive: true });
    if (typeof v === 'string' || Buffer.isBuffer(v)) fs.writeFileSync(f, v, { mode: 0o755 });
    else if ('link' in v) fs.symlinkSync(v.link, f);
    else if ('dir' in v) fs.mkdirSync(f, { recursive: true });
    else {
      fs.writeFileSync(f, v.data);
      fs.chmodSync(f, v.mode);
    }
  }
  return new RootView([root]);
}

const LD = '/lib64/ld-linux-x86-64.so.2';
const dynamic = makeElf({ interpreter: LD });
const loader = makeElf({ type: 3 });

test('a dynamic binary with its loader is fine', () => {
  const c = checkExec(app({ 'bin/app': dynamic, 'lib/x86_64-linux-gnu/ld.so': loader, 'lib64/ld-linux-x86-64.so.2': { link: '/lib/x86_64-linux-gnu/ld.so' } }), '/bin/app', { arch: 'amd64' });
  assert.equal(c.problem, null);
  assert.equal(c.kind, 'elf');
  assert.deepEqual(c.interpreters, [LD]);
});

test('the program is missing, or a dangling symlink', () => {
  const c = checkExec(app({ 'bin/other': dynamic }), '/bin/app');
  assert.equal(c.problem?.code, 'exec-binary-missing');
  assert.match(c.problem!.message, /\/bin\/app does not exist/);
  const d = checkExec(app({ 'bin/app': { link: '/opt/app/bin/app' } }), '/bin/app');
  assert.equal(d.problem?.code, 'exec-binary-missing');
  assert.match(d.problem!.message, /\/opt does not exist.*via \/bin\/app -> \/opt\/app\/bin\/app/);
});

test('a directory, or a file without execute permission', () => {
  assert.equal(checkExec(app({ 'bin/app': { dir: true } }), '/bin/app').problem?.code, 'exec-not-executable');
  const c = checkExec(app({ 'bin/app': { data: dynamic, mode: 0o644 } }), '/bin/app');
  assert.equal(c.problem?.code, 'exec-not-executable');
  assert.match(c.problem!.message, /no execute permission/);
  assert.equal(c.problem!.evidence[0].kind, 'file');
});

test('the ELF interpreter is missing, or not executable', () => {
  const c = checkExec(app({ 'bin/app': dynamic }), '/bin/app', { arch: 'amd64' });
  assert.equal(c.problem?.code, 'exec-bad-interpreter');
  assert.match(c.problem!.message, /needs the ELF interpreter \/lib64\/ld-linux-x86-64\.so\.2, but \/lib64 does not exist/);
  assert.match(c.problem!.evidence[0].text, /PT_INTERP \/lib64\/ld-linux-x86-64\.so\.2/);
  const d = checkExec(app({ 'bin/app': dynamic, 'lib64/ld-linux-x86-64.so.2': { data: loader, mode: 0o644 } }), '/bin/app', { arch: 'amd64' });
  assert.equal(d.problem?.code, 'exec-bad-interpreter');
});

test('a binary for another architecture', () => {
  const c = checkExec(app({ 'bin/app': makeElf({ machine: 183 }) }), '/bin/app', { arch: 'amd64' });
  assert.equal(c.problem?.code, 'exec-bad-format');
  assert.match(c.problem!.message, /AArch64/);
  assert.equal(checkExec(app({ 'bin/app': makeElf({ machine: 183 }) }), '/bin/app', { arch: 'arm64' }).problem, null);
});

test('scripts: the #! interpreter must exist in the root', () => {
  assert.equal(checkExec(app({ 'run.sh': '#!/bin/sh\necho hi\n', 'bin/sh': makeElf() }), '/run.sh', { arch: 'amd64' }).problem, null);
  const c = checkExec(app({ 'run.sh': '#!/bin/bash\necho hi\n' }), '/run.sh');
  assert.equal(c.problem?.code, 'exec-bad-interpreter');
  assert.match(c.problem!.evidence[0].text, /#!\/bin\/bash/);
  // the interpreter itself needs its ELF interpreter
  const d = checkExec(app({ 'run.sh': '#!/bin/sh\n', 'bin/sh': dynamic }), '/run.sh', { arch: 'amd64' });
  assert.equal(d.problem?.code, 'exec-bad-interpreter');
  assert.match(d.problem!.message, /ld-linux/);
});

test('#!/usr/bin/env NAME looks NAME up in the app PATH', () => {
  const files = { 'run.py': '#!/usr/bin/env python3\n', 'usr/bin/env': makeElf() };
  const c = checkExec(app(files), '/run.py', { arch: 'amd64', path: '/usr/bin:/bin' });
  assert.equal(c.problem?.code, 'exec-bad-interpreter');
  assert.match(c.problem!.message, /no "python3" is in PATH/);
  assert.equal(checkExec(app({ ...files, 'usr/bin/python3': makeElf() }), '/run.py', { arch: 'amd64', path: '/usr/bin:/bin' }).problem, null);
});

test('neither ELF nor script', () => {
  assert.equal(checkExec(app({ 'bin/app': 'just text\n' }), '/bin/app').problem?.code, 'exec-bad-format');
});

test('relative programs are looked up in PATH', () => {
  assert.equal(checkExec(app({ 'usr/bin/app': makeElf() }), 'app', { arch: 'amd64', path: '/bin:/usr/bin' }).problem, null);
  assert.equal(checkExec(app({}), 'app', { path: '/bin' }).problem?.code, 'exec-binary-missing');
});

test('a real program of this machine, first without its loader, then with it', { skip: !fs.existsSync('/bin/true') && 'no /bin/true here' }, () => {
  const root = tmp.sub('real');
  fs.mkdirSync(path.join(root, 'bin'));
  fs.copyFileSync('/bin/true', path.join(root, 'bin/true'));
  fs.chmodSync(path.join(root, 'bin/true'), 0o755);
  const view = new RootView([root]);
  const first = checkExec(view, '/bin/true');
  assert.equal(first.problem?.code, 'exec-bad-interpreter');
  const interp = first.interpreters[0];
  // Put the host's loader (a symlink on most systems) at the same path inside the root.
  fs.mkdirSync(path.join(root, path.dirname(interp)), { recursive: true });
  fs.copyFileSync(fs.realpathSync(interp), path.join(root, interp));
  fs.chmodSync(path.join(root, interp), 0o755);
  assert.equal(checkExec(view, '/bin/true').problem, null);
});
