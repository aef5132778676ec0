import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allowedHosts, checkRequest, cookieName, isLoopbackAddress } from './guard.js';

const config = { token: 'tok-123', port: 4321, bindHost: '127.0.0.1' };
const facts = (over: Partial<Parameters<typeof checkRequest>[1]> = {}) => ({
  url: '/?token=tok-123', host: '127.0.0.1:4321', origin: undefined, secFetchSite: undefined, cookie: undefined, ...over,
});

test('loopback detection', () => {
  for (const h of ['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost']) assert.equal(isLoopbackAddress(h), true, h);
  for (const h of ['0.0.0.0', '::', '192.168.1.2', '10.0.0.1', 'example.com', '128.0.0.1']) assert.equal(isLoopbackAddress(h), false, h);
});

test('allowed Host values for a loopback bind', () => {
  assert.deepEqual([...allowedHosts(config)].sort(), ['127.0.0.1:4321', '[::1]:4321', 'localhost:4321']);
  assert.deepEqual([...allowedHosts({ ...config, bindHost: '192.168.1.5' })], ['192.168.1.5:4321']);
});

test('token from the query, then from the cookie', () => {
  assert.deepEqual(checkRequest(config, facts(), { requireOrigin: false }), { ok: true, tokenFrom: 'query' });
  const cookie = `a=b; ${cookieName(4321)}=tok-123`;
  assert.deepEqual(checkRequest(config, facts({ url: '/x.js', cookie }), { requireOrigin: false }), { ok: true, tokenFrom: 'cookie' });
  assert.equal(checkRequest(config, facts({ url: '/x.js' }), { requireOrigin: false }).ok, false);
  assert.equal(checkRequest(config, facts({ url: '/?token=tok-12' }), { requireOrigin: false }).ok, false);
  // a wrong token in the query is not rescued by a right cookie
  assert.equal(checkRequest(config, facts({ url: '/?token=no', cookie }), { requireOrigin: false }).ok, false);
});

test('Host and Origin are checked exactly', () => {
  assert.equal(checkRequest(config, facts({ host: undefined }), { requireOrigin: false }).ok, false);
  assert.equal(checkRequest(config, facts({ host: 'LOCALHOST:4321' }), { requireOrigin: false }).ok, true);
  assert.equal(checkRequest(config, facts({ origin: 'http://localhost:4321' }), { requireOrigin: true }).ok, true);
  assert.equal(checkRequest(config, facts(), { requireOrigin: true }).ok, false);
  assert.equal(checkRequest(config, facts({ origin: 'https://127.0.0.1:4321' }), { requireOrigin: true }).ok, false);
  assert.equal(checkRequest(config, facts({ origin: 'http://127.0.0.1:4321.evil' }), { requireOrigin: true }).ok, false);
});
