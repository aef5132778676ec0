// The browser-mode client (shared/ipc/ws-client.ts) against the real host, over real sockets.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { IpcError } from '../../shared/ipc/envelope.js';
import { createWsClient, tokenFromLocation, socketUrl, type SocketConstructor } from '../../shared/ipc/ws-client.js';
import { memoryRecentStore } from '../app-state/recent.js';
import { PODS_DIR, SAMPLES, tempDir, testEngine } from '../ipc/test-support.js';
import { startHost, type RunningHost } from './server.js';

const tmp = tempDir();
let host: RunningHost;
const sockets: WebSocket[] = [];

before(async () => {
  mkdirSync(join(tmp.dir, 'dist'));
  writeFileSync(join(tmp.dir, 'dist', 'index.html'), '<!doctype html>');
  host = await startHost({
    distDir: join(tmp.dir, 'dist'),
    env: { name: 'podunit', version: '0', engine: testEngine(), samples: SAMPLES, samplesDir: PODS_DIR, initialPod: null, recent: memoryRecentStore() },
    log: () => {},
  });
});
after(async () => {
  await host.close();
  tmp.cleanup();
});

function socketClass(origin: string): SocketConstructor {
  class BrowserLikeSocket extends WebSocket {
    constructor(url: string) {
      super(url, { origin });
      sockets.push(this);
    }
  }
  return BrowserLikeSocket as unknown as SocketConstructor;
}

const page = () => ({ protocol: 'http:', host: `127.0.0.1:${host.port}`, search: `?token=${encodeURIComponent(host.token)}&pod=x` });

test('token and socket URL come from the page location', () => {
  assert.equal(tokenFromLocation('?a=1&token=abc%2B'), 'abc+');
  assert.equal(tokenFromLocation(''), null);
  assert.equal(socketUrl({ protocol: 'http:', host: 'h:1' }, 'a b'), 'ws://h:1/ipc?token=a%20b');
  assert.equal(socketUrl({ protocol: 'https:', host: 'h:1' }, 't'), 'wss://h:1/ipc?token=t');
});

test('calls, typed errors, and the open pod surviving a reconnect', async () => {
  const statuses: string[] = [];
  const client = createWsClient({
    location: page(), WebSocketImpl: socketClass(`http://127.0.0.1:${host.port}`), backoffMs: [10], onStatus: (s) => statuses.push(s),
  });
  const info = await client.call('app.info', {});
  assert.equal(info.mode, 'browser');
  await assert.rejects(client.call('pod.snapshot', {}), (e: unknown) => e instanceof IpcError && e.code === 'no-pod');
  await client.call('pod.open', { root: SAMPLES[0].root });
  sockets.at(-1)!.terminate();
  const snap = await waitForOk(() => client.invoke('pod.snapshot', {}));
  assert.equal(snap.summary.root, SAMPLES[0].root);
  assert.ok(statuses.filter((s) => s === 'open').length >= 2, statuses.join(','));
  client.close();
});

test('a page of another origin never gets through', async () => {
  const statuses: string[] = [];
  const client = createWsClient({
    location: page(), WebSocketImpl: socketClass('http://evil.example'), backoffMs: [5000], onStatus: (s) => statuses.push(s),
  });
  let answered = false;
  void client.invoke('app.info', {}).then(() => { answered = true; });
  // The host refuses the upgrade: the socket closes, and the call is never answered.
  await new Promise<void>((resolve) => {
    const poll = setInterval(() => { if (statuses.includes('closed')) { clearInterval(poll); resolve(); } }, 10);
  });
  assert.equal(answered, false);
  client.close();
});

async function waitForOk<T>(attempt: () => Promise<{ ok: true; value: T } | { ok: false; error: { code: string } }>): Promise<T> {
  for (let i = 0; i < 50; i++) {
    const r = await attempt();
    if (r.ok) return r.value;
    if (r.error.code !== 'io') assert.fail(`unexpected ${r.error.code}`);
    await new Promise((res) => setTimeout(res, 20));
  }
  assert.fail('never reconnected');
}
