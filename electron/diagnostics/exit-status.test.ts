import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeExitStatus, parseStatusFile, signalName, signalNumber } from './exit-status.js';

test('0 is success', () => {
  const d = decodeExitStatus(0);
  assert.equal(d.readings.length, 1);
  assert.equal(d.readings[0].kind, 'success');
});

test("systemd's own codes are named", () => {
  assert.equal(decodeExitStatus(203).readings[0].label, '203/EXEC');
  assert.equal(decodeExitStatus(217).readings[0].label, '217/USER');
  assert.equal(decodeExitStatus(200).readings[0].label, '200/CHDIR');
  assert.match(decodeExitStatus(226).summary, /NAMESPACE/);
});

test('a number that is usually a signal reads as the signal first, the exit code second', () => {
  const d = decodeExitStatus(31);
  assert.deepEqual(d.readings.map((r) => r.kind), ['signal', 'exit']);
  assert.equal(d.readings[0].signal, 'SIGSYS');
  assert.match(d.summary, /killed by SIGSYS.*or exited with code 31/);
  assert.equal(decodeExitStatus(9).readings[0].signal, 'SIGKILL');
});

test('small exit codes read as exit codes first, with their conventional meaning', () => {
  const d = decodeExitStatus(1);
  assert.equal(d.readings[0].kind, 'exit');
  assert.equal(d.readings[0].label, '1/FAILURE');
  assert.equal(d.readings[1].signal, 'SIGHUP');
  assert.equal(decodeExitStatus(78).readings[0].label, '78/CONFIG');
  assert.equal(decodeExitStatus(42).readings[0].label, '42');
});

test('128+N reads as a shell reporting a signal', () => {
  const d = decodeExitStatus(137);
  assert.equal(d.readings[0].kind, 'shell-signal');
  assert.equal(d.readings[0].signal, 'SIGKILL');
  assert.equal(decodeExitStatus(127).readings[0].label, '127/NOTFOUND');
});

test('signal names and numbers, real-time signals', () => {
  assert.equal(signalName(15), 'SIGTERM');
  assert.equal(signalName(34), 'SIGRTMIN');
  assert.equal(signalName(40), 'SIGRTMIN+6');
  assert.equal(signalName(99), null);
  assert.equal(signalNumber('sys'), 31);
  assert.equal(signalNumber('SIGKILL'), 9);
});

test('status file parsing', () => {
  assert.equal(parseStatusFile('203\n'), 203);
  assert.equal(parseStatusFile(' 0 '), 0);
  assert.equal(parseStatusFile(''), null);
  assert.equal(parseStatusFile('abc\n'), null);
});
