import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_PAYLOAD_BYTES } from '../../shared/ipc/envelope.js';
import { dispatch } from './dispatch.js';
import { createHandlers, type Handlers } from './handlers.js';
import { Session } from './session.js';
import { testEnv } from './test-support.js';

const session = () => new Session(() => {});

test('an unknown channel is rejected by name', async () => {
  const r = await dispatch(createHandlers(testEnv()), { session: session() }, 'fs.delete', {});
  assert.deepEqual(r, { ok: false, error: { code: 'unknown-channel', message: 'Unknown channel "fs.delete".' } });
  const proto = await dispatch(createHandlers(testEnv()), { session: session() }, '__proto__', {});
  assert.equal(proto.ok, false);
  assert.equal(!proto.ok && proto.error.code, 'unknown-channel');
});

test('a malformed payload is rejected with the field and the reason', async () => {
  const handlers = createHandlers(testEnv());
  const wrongType = await dispatch(handlers, { session: session() }, 'pod.open', { root: 42 });
  assert.equal(wrongType.ok, false);
  assert.equal(!wrongType.ok && wrongType.error.code, 'bad-request');
  assert.match(!wrongType.ok ? wrongType.error.message : '', /Invalid request to pod\.open:[\s\S]*root/);
  const extraKey = await dispatch(handlers, { session: session() }, 'pod.open', { root: '/x', evil: true });
  assert.equal(!extraKey.ok && extraKey.error.code, 'bad-request');
  const notObject = await dispatch(handlers, { session: session() }, 'plan.generate', 'hello');
  assert.equal(!notObject.ok && notObject.error.code, 'bad-request');
  const nul = await dispatch(handlers, { session: session() }, 'pod.open', { root: '/tmp/a\0b' });
  assert.match(!nul.ok ? nul.error.message : '', /NUL/);
  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;
  const notJson = await dispatch(handlers, { session: session() }, 'pod.open', cyclic);
  assert.equal(!notJson.ok && notJson.error.code, 'bad-request');
});

test('an oversized payload is rejected before validation, with sizes in the message', async () => {
  const handlers = createHandlers(testEnv());
  const big = 'x'.repeat(MAX_PAYLOAD_BYTES);
  const r = await dispatch(handlers, { session: session() }, 'plan.generate', { seq: 1, manifests: { pod: big } });
  assert.equal(r.ok, false);
  assert.equal(!r.ok && r.error.code, 'too-large');
  assert.match(!r.ok ? r.error.message : '', /32\.0 MiB; the limit is 32\.0 MiB/);
});

test('a handler that throws yields an internal error, not a crash', async () => {
  const handlers = { ...createHandlers(testEnv()), 'recent.list': () => { throw new Error('boom'); } } as Handlers;
  const logged: string[] = [];
  const r = await dispatch(handlers, { session: session() }, 'recent.list', {}, { log: (m) => logged.push(m) });
  assert.deepEqual(r, { ok: false, error: { code: 'internal', message: 'recent.list failed: boom' } });
  assert.deepEqual(logged, ['recent.list failed']);
});

test('an answer outside the response schema is caught', async () => {
  const handlers = { ...createHandlers(testEnv()), 'recent.list': () => [{ path: 1 }] } as unknown as Handlers;
  const r = await dispatch(handlers, { session: session() }, 'recent.list', {});
  assert.equal(!r.ok && r.error.code, 'internal');
});

test('channels needing a pod say so when none is open', async () => {
  const handlers = createHandlers(testEnv());
  for (const [channel, payload] of [['pod.snapshot', {}], ['plan.generate', { seq: 0 }], ['plan.previewWrite', {}], ['plan.write', { token: 'x' }]] as const) {
    const r = await dispatch(handlers, { session: session() }, channel, payload);
    assert.equal(r.ok, false, channel);
    if (channel === 'plan.write') assert.equal(!r.ok && r.error.code, 'confirmation-required');
    else assert.equal(!r.ok && r.error.code, 'no-pod', channel);
  }
});
