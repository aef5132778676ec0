import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChannelName, ChannelRequest, ChannelResponse } from '../../shared/ipc/contract.js';
import type { Envelope } from '../../shared/ipc/envelope.js';
import { dispatch } from './dispatch.js';
import { createHandlers } from './handlers.js';
import { createRealEngine } from './real-engine.js';
import { Session } from './session.js';
import { copySamplePod, SAMPLES, tempDir, testEnv } from './test-support.js';
import { withSame } from '../../shared/plan-delta.js';

const tmp = tempDir();
after(tmp.cleanup);

async function client() {
  const session = new Session(() => {});
  const handlers = createHandlers(testEnv(createRealEngine()));
  const value = async <C extends ChannelName>(channel: C, request: ChannelRequest<C>) => {
    const r = await dispatch(handlers, { session }, channel, request) as Envelope<ChannelResponse<C>>;
    if (!r.ok) assert.fail(`${channel}: ${r.error.code}: ${r.error.message}`);
    return r.value;
  };
  const call = (channel: ChannelName, request: unknown) => dispatch(handlers, { session }, channel, request);
  await value('pod.open', { root: copySamplePod('two-apps', join(tmp.dir, String(Math.random()))) });
  return { value, call, session };
}

test('plan.generate carries the provenance of the files asked for; plan.provenance the rest, by seq', async () => {
  const c = await client();
  const full = await c.value('plan.generate', { seq: 1 });
  const paths = Object.keys(full.plan!.provenance);
  assert.ok(paths.length > 2);
  const [shown] = paths;
  const lean = await c.value('plan.generate', { seq: 2, provenanceFor: [shown, 'runtime-config'] });
  assert.deepEqual(Object.keys(lean.plan!.provenance).sort(), [shown, 'runtime-config'].sort());
  assert.deepEqual(lean.plan!.provenance[shown], full.plan!.provenance[shown]);
  assert.deepEqual(lean.plan!.provenance['runtime-config'], []);
  assert.deepEqual(lean.plan!.entries, full.plan!.entries);

  const rest = await c.value('plan.provenance', { seq: 2, paths: [paths[1]] });
  assert.deepEqual(rest.provenance, { [paths[1]]: full.plan!.provenance[paths[1]] });
  const all = await c.value('plan.provenance', { seq: 2 });
  assert.deepEqual(all.provenance, full.plan!.provenance);
  c.session.dispose();
});

test('only recent plans are kept; asking for an older one says so', async () => {
  const c = await client();
  for (let seq = 1; seq <= 6; seq++) await c.value('plan.generate', { seq, provenanceFor: [] });
  const old = await c.call('plan.provenance', { seq: 1 });
  assert.equal(!old.ok && old.error.code, 'not-found');
  assert.ok((await c.call('plan.provenance', { seq: 6 })).ok);
  await c.value('pod.close', {});
  const closed = await c.call('plan.provenance', { seq: 6 });
  assert.equal(!closed.ok && closed.error.code, 'not-found');
  c.session.dispose();
});

test('sameAs: what is unchanged since that answer is left out, and the client can put it back', async () => {
  const c = await client();
  const first = await c.value('plan.generate', { seq: 1, provenanceFor: [] });
  const count = first.plan!.entries.length;
  // Unchanged inputs: every entry equals the one at the same index.
  const again = await c.value('plan.generate', { seq: 2, provenanceFor: [], sameAs: 1 });
  assert.deepEqual(again.sameEntries, [[0, count]]);
  assert.equal(again.plan!.entries.length, 0);
  assert.deepEqual(withSame(again.plan!, again, first.plan!)?.entries, first.plan!.entries);
  // A changed app name changes some files; the rest still travels as runs or without content.
  const pod = readFileSync(join(SAMPLES[0].root, 'pod'), 'utf8').replace('"/bin/rorf"', '"/bin/other"');
  const edited = await c.value('plan.generate', { seq: 3, provenanceFor: [], sameAs: 1, manifests: { pod } });
  const full = await c.value('plan.generate', { seq: 4, provenanceFor: [], manifests: { pod } });
  assert.ok(edited.plan!.entries.length < full.plan!.entries.length);
  assert.deepEqual(withSame(edited.plan!, edited, first.plan!)?.entries, full.plan!.entries);
  // A seq the host no longer keeps: everything is sent.
  for (let seq = 5; seq <= 10; seq++) await c.value('plan.generate', { seq, provenanceFor: [] });
  const old = await c.value('plan.generate', { seq: 11, provenanceFor: [], sameAs: 1 });
  assert.equal(old.sameEntries, undefined);
  assert.equal(old.sameContent, undefined);
  assert.deepEqual(old.plan!.entries, first.plan!.entries);
  c.session.dispose();
});
