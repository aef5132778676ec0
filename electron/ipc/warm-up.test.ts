import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { warmUp, type WarmUpOptions } from './warm-up.js';
import { SAMPLES, testClient, testEngine, testEnv } from './test-support.js';

const FAST: WarmUpOptions = { runs: 3, maxRuns: 3, budgetMs: 0, sliceMs: 1000, delayMs: 1, gapMs: 1, maxFirstRunMs: 1000, maxRunMs: 1000 };

/** A clock that moves only when a run says so: run lengths without timing anything. */
function fakeClock() {
  let t = 0;
  return { now: () => t, spend: (ms: number) => { t += ms; } };
}

test('warm-up runs the generation the given number of times while the client is quiet', async () => {
  let runs = 0;
  warmUp(() => runs++, () => true, 5, FAST);
  await sleep(50);
  assert.equal(runs, 3);
});

test('quick generations go on past the minimum until the time budget or the most runs', async () => {
  const quickClock = fakeClock();
  let quick = 0;
  warmUp(() => { quick++; quickClock.spend(0.1); }, () => true, 1, { ...FAST, maxRuns: 40, budgetMs: 1000 }, quickClock.now);
  const slowClock = fakeClock();
  let slow = 0;
  warmUp(() => { slow++; slowClock.spend(4); }, () => true, 4, { ...FAST, runs: 1, maxRuns: 40, budgetMs: 14 }, slowClock.now);
  await sleep(50);
  assert.equal(quick, 40);
  // 4 ms a run: 12 ms after the third, under the budget of 14; 16 ms after the fourth.
  assert.equal(slow, 4);
});

test('runs come in slices with a pause between them, where a request stops them', async () => {
  const clock = fakeClock();
  const slices: number[] = [];
  let open = false;
  let quiet = true;
  warmUp(() => {
    // The runs of one slice happen in one go: a microtask queued by the first ends it.
    if (!open) {
      open = true;
      slices.push(0);
      queueMicrotask(() => { open = false; });
    }
    slices[slices.length - 1]++;
    clock.spend(1);
    if (slices.length === 3) quiet = false;
  }, () => quiet, 1, { ...FAST, maxRuns: 1000, budgetMs: 1000, sliceMs: 3 }, clock.now);
  await sleep(60);
  // Three runs of 1 ms fill a slice of 3 ms; the request that arrives in the third stops it.
  assert.deepEqual(slices, [3, 3, 1]);
});

test('warm-up stops when a request arrives, is cancelled, or a run is slow', async () => {
  let quietRuns = 0;
  let quiet = true;
  warmUp(() => { quietRuns++; quiet = false; }, () => quiet, 5, FAST);
  let cancelledRuns = 0;
  const cancel = warmUp(() => cancelledRuns++, () => true, 5, { ...FAST, delayMs: 20 });
  cancel();
  let slowRuns = 0;
  const clock = fakeClock();
  warmUp(() => { slowRuns++; clock.spend(5); }, () => true, 0, { ...FAST, maxRunMs: 2 }, clock.now);
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

test('warm-up runs do the work of answering an edit: only the asked-for provenance is computed', async () => {
  const base = testEngine();
  let everyFileRead = 0;
  const engine = {
    ...base,
    generate: (...args: Parameters<typeof base.generate>) => {
      const plan = base.generate(...args);
      // Listing every file's provenance computes all of it (the record is lazy).
      plan.provenance = new Proxy(plan.provenance, { ownKeys: (t) => { everyFileRead++; return Reflect.ownKeys(t); } });
      return plan;
    },
  };
  const c = testClient('pod.changed', testEnv(engine, { warmUp: FAST }));
  await c.value('pod.open', { root: SAMPLES[0].root });
  await c.value('plan.generate', { seq: 1, provenanceFor: [] });
  await sleep(50);
  assert.equal(everyFileRead, 0);
  c.session.dispose();
});
