import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { isElf, machineForArch, parseElf, parseShebang } from './elf.js';
import { makeElf } from './fixtures/elf-builder.js';

test('PT_INTERP of a 64-bit little-endian executable', () => {
  const p = parseElf(makeElf({ interpreter: '/lib64/ld-linux-x86-64.so.2' }));
  assert.ok(p.ok);
  assert.equal(p.elf.bits, 64);
  assert.equal(p.elf.machine, 62);
  assert.equal(p.elf.interpreter, '/lib64/ld-linux-x86-64.so.2');
});

test('32-bit and big-endian files, static binaries', () => {
  const a = parseElf(makeElf({ bits: 32, machine: 3, interpreter: '/lib/ld-linux.so.2' }));
  assert.ok(a.ok && a.elf.bits === 32 && a.elf.interpreter === '/lib/ld-linux.so.2');
  const b = parseElf(makeElf({ littleEndian: false, machine: 22, interpreter: '/lib/ld64.so.1' }));
  assert.ok(b.ok && !b.elf.littleEndian && b.elf.interpreter === '/lib/ld64.so.1' && b.elf.machineName === 's390');
  const c = parseElf(makeElf({ interpreter: null }));
  assert.ok(c.ok && c.elf.interpreter === null);
});

test('truncated and foreign files are reported, not thrown', () => {
  assert.equal(parseElf(Buffer.from('hello')).ok, false);
  const full = makeElf({ interpreter: '/lib64/ld.so' });
  const r = parseElf(full.subarray(0, 70));
  assert.equal(r.ok, false);
  assert.equal(isElf(Buffer.from('#!/bin/sh')), false);
});

test('a real binary of this machine', { skip: !fs.existsSync('/bin/true') && 'no /bin/true here' }, () => {
  const bytes = fs.readFileSync('/bin/true');
  const p = parseElf(bytes);
  assert.ok(p.ok);
  assert.equal(p.elf.machine, machineForArch(process.arch));
  assert.match(p.elf.interpreter ?? '', /ld/);
});

test('shebang lines', () => {
  assert.deepEqual(parseShebang(Buffer.from('#!/bin/sh\necho')), { interpreter: '/bin/sh', argument: null });
  assert.deepEqual(parseShebang(Buffer.from('#! /usr/bin/env  python3 -u\n')), { interpreter: '/usr/bin/env', argument: 'python3 -u' });
  assert.deepEqual(parseShebang(Buffer.from('#!/bin/bash\r\n')), { interpreter: '/bin/bash', argument: null });
  assert.equal(parseShebang(Buffer.from('#!\n')), null);
  assert.equal(parseShebang(Buffer.from('echo hi')), null);
});
