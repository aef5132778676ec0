import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { MAX_PAYLOAD_BYTES } from '../../shared/ipc/envelope.js';
import type { WsServerFrame } from '../../shared/ipc/ws-protocol.js';
import { memoryRecentStore } from '../app-state/recent.js';
import { PODS_DIR, SAMPLES, tempDir, testEngine } from '../ipc/test-support.js';
import { startHost, type RunningHost } from './server.js';

const tmp = tempDir();
const dist = join(tmp.dir, 'dist');
let host: RunningHost;
let hostHeader: string;

before(async () => {
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>podunit</title><script type="module" src="/assets/app.js"></script>');
  writeFileSync(join(dist, 'assets', 'app.js'), 'console.log(1);\n');
  writeFileSync(join(dist, 'assets', 'editor-B4g_XCeR.js'), 'console.log(2);\n');
  writeFileSync(join(tmp.dir, 'secret.txt'), 'secret\n');
  host = await startHost({
    distDir: dist,
    env: { name: 'podunit', version: '0.0.0-test', engine: testEngine(), samples: SAMPLES, samplesDir: PODS_DIR, initialPod: null, recent: memoryRecentStore() },
    watchDebounceMs: 20,
    log: () => {},
  });
  hostHeader = `127.0.0.1:${host.port}`;
});
after(async () => {
  await host.close();
  tmp.cleanup();
});

interface Reply { status: number; headers: Record<string, string | string[] | undefined>; body: string }

function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, method, headers: { Host: hostHeader, ...headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => { body += c; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const withToken = (path: string, token = host.token) => `${path}${path.includes('?') ? '&' : '?'}token=${encodeURIComponent(token)}`;

test('the page is served with the token, a strict CSP and a session cookie', async () => {
  const r = await get(withToken('/'));
  assert.equal(r.status, 200);
  assert.equal(r.headers['content-type'], 'text/html; charset=utf-8');
  const csp = String(r.headers['content-security-policy']);
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'self'(;|$)/);
  assert.match(csp, new RegExp(`connect-src 'self' ws://127\\.0\\.0\\.1:${host.port}`));
  assert.match(csp, /frame-ancestors 'none'/);
  assert.equal(r.headers['x-content-type-options'], 'nosniff');
  const cookie = String(r.headers['set-cookie']);
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /SameSite=Strict/);
  const asset = await get('/assets/app.js', { Cookie: cookie.split(';')[0] });
  assert.equal(asset.status, 200);
  assert.equal(asset.headers['content-type'], 'text/javascript; charset=utf-8');
  // Content-named assets are kept for good; anything else is revalidated; the page is never stored.
  assert.equal(asset.headers['cache-control'], 'no-cache');
  const hashed = await get('/assets/editor-B4g_XCeR.js', { Cookie: cookie.split(';')[0] });
  assert.equal(hashed.headers['cache-control'], 'public, max-age=31536000, immutable');
  assert.equal(r.headers['cache-control'], 'no-store');
  const localhost = await get(withToken('/'), { Host: `localhost:${host.port}` });
  assert.equal(localhost.status, 200);
});

test('HTTP: a missing or wrong token is refused', async () => {
  assert.equal((await get('/')).status, 401);
  assert.equal((await get('/assets/app.js')).status, 401);
  assert.equal((await get(withToken('/', 'wrong'))).status, 401);
  assert.equal((await get(withToken('/', host.token + 'x'))).status, 401);
  assert.equal((await get('/', { Cookie: `podunit_token_${host.port}=wrong` })).status, 401);
});

test('HTTP: a wrong Host is refused (DNS rebinding)', async () => {
  for (const h of ['evil.example:80', `evil.example:${host.port}`, `127.0.0.1:${host.port + 1}`, '127.0.0.1', `127.0.0.1.nip.io:${host.port}`]) {
    const r = await get(withToken('/'), { Host: h });
    assert.equal(r.status, 421, h);
  }
});

test('HTTP: a foreign Origin or a cross-site fetch is refused', async () => {
  assert.equal((await get(withToken('/'), { Origin: 'http://evil.example' })).status, 403);
  assert.equal((await get(withToken('/'), { Origin: `http://127.0.0.1:${host.port + 1}` })).status, 403);
  assert.equal((await get(withToken('/'), { Origin: 'null' })).status, 403);
  assert.equal((await get(withToken('/'), { 'Sec-Fetch-Site': 'cross-site' })).status, 403);
  assert.equal((await get(withToken('/'), { 'Sec-Fetch-Site': 'same-site' })).status, 403);
  assert.equal((await get(withToken('/'), { Origin: `http://127.0.0.1:${host.port}`, 'Sec-Fetch-Site': 'same-origin' })).status, 200);
});

test('HTTP: only GET and HEAD, and nothing outside the renderer directory', async () => {
  assert.equal((await get(withToken('/'), {}, 'POST')).status, 405);
  assert.equal((await get(withToken('/'), {}, 'HEAD')).status, 200);
  for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/assets/%2e%2e%2f%2e%2e%2fsecret.txt', '/%2fetc%2fpasswd', '/assets//app.js', '/nothing.js', '/%ZZ']) {
    const r = await get(withToken(path));
    assert.ok(r.status === 404 || r.status === 400, `${path}: ${r.status}`);
    assert.doesNotMatch(r.body, /secret/);
  }
});

function connect(opts: { token?: string; origin?: string | null; host?: string } = {}): Promise<WebSocket> {
  const token = opts.token ?? host.token;
  const headers: Record<string, string> = { Host: opts.host ?? hostHeader };
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ipc?token=${encodeURIComponent(token)}`, {
    headers,
    ...(opts.origin === null ? {} : { origin: opts.origin ?? `http://${hostHeader}` }),
    maxPayload: 64 * 1024 * 1024,
  });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

function nextFrame(ws: WebSocket): Promise<WsServerFrame> {
  return new Promise((resolve) => ws.once('message', (data) => resolve(JSON.parse(String(data)) as WsServerFrame)));
}

async function call(ws: WebSocket, channel: string, payload: unknown, id = 1) {
  const reply = nextFrame(ws);
  ws.send(JSON.stringify({ type: 'call', id, channel, payload }));
  return reply;
}

test('WebSocket: the contract works over a checked socket', async () => {
  const ws = await connect();
  const frame = await call(ws, 'app.info', {});
  assert.equal(frame.type, 'result');
  assert.ok(frame.type === 'result' && frame.result.ok);
  if (frame.type === 'result' && frame.result.ok) assert.equal((frame.result.value as { mode: string }).mode, 'browser');
  ws.close();
});

test('WebSocket: a wrong token, Origin or Host is refused at the upgrade', async () => {
  await assert.rejects(connect({ token: 'wrong' }), /HTTP 401/);
  await assert.rejects(connect({ origin: 'http://evil.example' }), /HTTP 403/);
  await assert.rejects(connect({ origin: null }), /HTTP 403/);
  await assert.rejects(connect({ origin: `http://127.0.0.1:${host.port + 1}` }), /HTTP 403/);
  await assert.rejects(connect({ host: `evil.example:${host.port}` }), /HTTP 421/);
});

test('WebSocket: malformed frames and unknown channels get clear errors', async () => {
  const ws = await connect();
  const bad = nextFrame(ws);
  ws.send('{not json');
  assert.deepEqual(await bad, { type: 'error', error: { code: 'bad-request', message: 'the frame is not valid JSON' } });
  const shape = nextFrame(ws);
  ws.send(JSON.stringify({ hello: 1 }));
  assert.equal((await shape).type, 'error');
  const unknown = await call(ws, 'shell.exec', { cmd: 'rm -rf /' }, 7);
  assert.deepEqual(unknown, { type: 'result', id: 7, result: { ok: false, error: { code: 'unknown-channel', message: 'Unknown channel "shell.exec".' } } });
  const invalid = await call(ws, 'pod.open', { root: ['x'] }, 8);
  assert.ok(invalid.type === 'result' && !invalid.result.ok && invalid.result.error.code === 'bad-request');
  ws.close();
});

test('WebSocket: an oversized request is answered with too-large', async () => {
  const ws = await connect();
  const reply = await call(ws, 'plan.generate', { seq: 1, manifests: { pod: 'x'.repeat(MAX_PAYLOAD_BYTES) } }, 9);
  assert.equal(reply.type, 'result');
  assert.ok(reply.type === 'result' && !reply.result.ok);
  if (reply.type === 'result' && !reply.result.ok) {
    assert.equal(reply.result.error.code, 'too-large');
    assert.match(reply.result.error.message, /limit is 32\.0 MiB/);
  }
  ws.close();
});

test('WebSocket: a frame far beyond the limit closes the socket with 1009', async () => {
  const ws = await connect();
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  ws.send('x'.repeat(MAX_PAYLOAD_BYTES + 1024 * 1024));
  assert.equal(await closed, 1009);
});

test('WebSocket: opening a pod pushes pod.changed when it is deleted', async () => {
  const { copySamplePod } = await import('../ipc/test-support.js');
  const { rmSync } = await import('node:fs');
  const root = copySamplePod('failed-app', join(tmp.dir, 'pods-ws'));
  const ws = await connect();
  const opened = await call(ws, 'pod.open', { root });
  assert.ok(opened.type === 'result' && opened.result.ok);
  const event = nextFrame(ws);
  rmSync(root, { recursive: true, force: true });
  const frame = await event;
  assert.equal(frame.type, 'event');
  if (frame.type === 'event') {
    assert.equal(frame.event, 'pod.changed');
    assert.equal((frame.payload as { gone: boolean }).gone, true);
  }
  const snap = await call(ws, 'pod.snapshot', {}, 3);
  assert.ok(snap.type === 'result' && !snap.result.ok && snap.result.error.code === 'not-found');
  ws.close();
});
