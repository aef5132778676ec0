import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { warmUp, type WarmUpOptions } from './warm-up.js';
import { SAMPLES, testClient, testEngine, testEnv } from './test-support.js';

const FAST: WarmUpOptions = { runs: 3, delayMs: 1, gapMs: 1, maxFirstRunMs: 1000, maxRunMs: 1000 };

test('warm-up runs the generation the given number of times while the client is quiet', async () => {
  let runs = 0;
  warmUp(() => runs++, () => true, 5, FAST);
  await sleep(50);
  assert.equal(runs, 3);
});

test('warm-up stops when a request arrives, is cancelled, or a run is slow', async () => {
  let quietRuns = 0;
  let quiet = true;
  warmUp(() => { quietRuns++; quiet = false; }, () => quiet, 5, FAST);
  let cancelledRuns = 0;
  const cancel = warmUp(() => cancelledRuns++, () => true, 5, { ...FAST, delayMs: 20 });
  cancel();
  let slowRuns = 0;
  warmUp(() => { slowRuns++; const end = performance.now() + 5; while (performance.now() < end); }, () => true, 0, { ...FAST, maxRunMs: 2 });
  let skipped = 0;
  warmUp(() => skipped++, () => true, 2000, FAST);
  await sleep(60);
  assert.deepEqual([quietRuns, cancelledRuns, slowRuns, skipped], [1, 0, 1, 0]);
});

test("a pod's first plan warms the generator once; later plans and superseded requests do not", async () => {
  let generated = 0;
  const base = testEngine();
  const engine = { ...base, generate: (...args: Parameters<typeof base.generate>) => { generated++; return base.generate(...args); } };
  const c = testClient('pod.changed', testEnv(engine, { warmUp: FAST }));
  await c.value('pod.open', { root: SAMPLES[0].root });
  await c.value('plan.generate', { seq: 1 });
  await sleep(50);
  assert.equal(generated, 1 + FAST.runs);
  await c.value('plan.generate', { seq: 2 });
  await sleep(50);
  assert.equal(generated, 2 + FAST.runs);
  c.session.dispose();
});
