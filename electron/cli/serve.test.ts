import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UsageError } from './args.js';
import { nonLoopbackWarning, parseServeArgs, serveCommand, SERVE_HELP } from './serve.js';

test('serve arguments', () => {
  assert.deepEqual(parseServeArgs([]), { podRoot: null, port: 0, host: '127.0.0.1' });
  assert.deepEqual(parseServeArgs(['/pods/x', '--port', '8080', '--host=::1']), { podRoot: '/pods/x', port: 8080, host: '::1' });
  assert.equal(parseServeArgs(['--help']), 'help');
  assert.throws(() => parseServeArgs(['--port', 'abc']), UsageError);
  assert.throws(() => parseServeArgs(['--port', '70000']), UsageError);
  assert.throws(() => parseServeArgs(['a', 'b']), UsageError);
  assert.throws(() => parseServeArgs(['--bogus']), UsageError);
});

test('serve --help and usage errors', async () => {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (t: string) => { out.push(t); }, err: (t: string) => { err.push(t); } };
  assert.equal(await serveCommand(['--help'], io), 0);
  assert.equal(out.join(''), SERVE_HELP);
  assert.equal(await serveCommand(['--port', 'x'], io), 2);
  assert.match(err.join(''), /--port needs a number/);
  assert.equal(await serveCommand(['/no/such/pod-root'], io), 1);
  assert.match(err.join(''), /no such directory/);
});

test('binding beyond loopback comes with a warning', () => {
  assert.match(nonLoopbackWarning('0.0.0.0'), /^WARNING: --host 0\.0\.0\.0 is not a loopback address/);
});
