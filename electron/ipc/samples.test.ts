// The sample pods against the real engine: each one is a pod root the generator reads without
// error, and the units on disk are what it generates (directory modes aside, which git does not
// keep).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { ChannelName, ChannelRequest, ChannelResponse } from '../../shared/ipc/contract.js';
import type { Envelope } from '../../shared/ipc/envelope.js';
import { dispatch } from './dispatch.js';
import { createHandlers } from './handlers.js';
import { createRealEngine } from './real-engine.js';
import { Session } from './session.js';
import { copySamplePod, SAMPLES, tempDir, testEnv } from './test-support.js';

const tmp = tempDir();
after(tmp.cleanup);
const handlers = createHandlers(testEnv(createRealEngine()));

async function value<C extends ChannelName>(session: Session, channel: C, request: ChannelRequest<C>): Promise<ChannelResponse<C>> {
  const r = (await dispatch(handlers, { session }, channel, request)) as Envelope<ChannelResponse<C>>;
  if (!r.ok) assert.fail(`${channel}: ${r.error.code}: ${r.error.message}`);
  return r.value;
}

test('there are at least the three required sample pods', () => {
  assert.deepEqual(SAMPLES.slice(0, 3).map((s) => s.id), ['two-apps', 'failed-app', 'mutable']);
});

for (const sample of SAMPLES) {
  test(`sample ${sample.id}: generates cleanly and matches the units rkt wrote`, async () => {
    const root = copySamplePod(sample.id, join(tmp.dir, sample.id));
    const session = new Session(() => {});
    try {
      await value(session, 'pod.open', { root });
      const generated = await value(session, 'plan.generate', { seq: 1 });
      assert.equal(generated.plan?.error, null, generated.plan?.error?.message);
      const preview = await value(session, 'plan.previewWrite', {});
      // Content must match; modes may not (git keeps only the executable bit: rkt's 0640 comes back 0644).
      const differing = preview.changes.filter((c) => c.kind !== 'dir' && c.action !== 'unchanged' && c.action !== 'update-attributes');
      assert.deepEqual(differing.map((c) => `${c.action} ${c.path}`), []);
      const snapshot = await value(session, 'pod.snapshot', {});
      assert.ok(snapshot.units.length > 0);
    } finally {
      session.dispose();
    }
  });
}
