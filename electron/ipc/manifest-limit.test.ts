import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_MANIFEST_TEXT, type ChannelName, type ChannelRequest, type ChannelResponse } from '../../shared/ipc/contract.js';
import type { Envelope } from '../../shared/ipc/envelope.js';
import { dispatch } from './dispatch.js';
import { createHandlers } from './handlers.js';
import { Session } from './session.js';
import { copySamplePod, tempDir, testEnv } from './test-support.js';

const tmp = tempDir();
after(tmp.cleanup);

function padded(text: string, bytes: number): string {
  const manifest = JSON.parse(text) as { annotations?: { name: string; value: string }[] };
  manifest.annotations = [...(manifest.annotations ?? []), { name: 'example.com/padding', value: 'x'.repeat(bytes) }];
  return JSON.stringify(manifest);
}

async function open(root: string) {
  const session = new Session(() => {});
  const handlers = createHandlers(testEnv());
  const call = <C extends ChannelName>(channel: C, request: ChannelRequest<C>) =>
    dispatch(handlers, { session }, channel, request) as Promise<Envelope<ChannelResponse<C>>>;
  const opened = await call('pod.open', { root });
  assert.ok(opened.ok);
  return { call, session };
}

test('a manifest the snapshot carries can be sent back edited: one limit for both', async () => {
  const root = copySamplePod('two-apps', join(tmp.dir, 'a'));
  const original = readFileSync(join(root, 'pod'), 'utf8');
  const big = padded(original, 3 * 1024 * 1024);
  writeFileSync(join(root, 'pod'), big);
  const { call, session } = await open(root);
  const snap = await call('pod.snapshot', {});
  assert.ok(snap.ok);
  assert.equal(snap.value.manifests.pod.text, big);
  assert.equal(snap.value.summary.apps.length > 0, true);
  const edited = await call('plan.generate', { seq: 1, manifests: { pod: big.replace('"x', '"y') } });
  assert.ok(edited.ok, !edited.ok ? edited.error.message : '');
  session.dispose();
});

test('beyond the limit the snapshot says so and an edit of that size is refused', async () => {
  const root = copySamplePod('two-apps', join(tmp.dir, 'b'));
  const huge = padded(readFileSync(join(root, 'pod'), 'utf8'), MAX_MANIFEST_TEXT);
  writeFileSync(join(root, 'pod'), huge);
  const { call, session } = await open(root);
  const snap = await call('pod.snapshot', {});
  assert.ok(snap.ok);
  assert.equal(snap.value.manifests.pod.text, null);
  assert.match(snap.value.manifests.pod.error ?? '', new RegExp(`larger than ${MAX_MANIFEST_TEXT} bytes`));
  const edited = await call('plan.generate', { seq: 1, manifests: { pod: huge } });
  assert.equal(!edited.ok && edited.error.code, 'bad-request');
  session.dispose();
});
