import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterUnitsShown, markUnitsShown } from './firstUnits';

// One module-wide state: the cases run in order, before and after the first units are shown.
test('waiting work runs when the first units are shown, once; cancelled work never runs', async () => {
  const ran: string[] = [];
  afterUnitsShown(() => ran.push('a'), 10_000);
  const cancel = afterUnitsShown(() => ran.push('cancelled'), 10_000);
  afterUnitsShown(() => ran.push('fallback'), 5);
  cancel();
  await sleep(30);
  assert.deepEqual(ran, ['fallback']);
  markUnitsShown();
  markUnitsShown();
  assert.deepEqual(ran, ['fallback', 'a']);
  await sleep(10);
  assert.deepEqual(ran, ['fallback', 'a']);
});

test('after the first units, work runs at once', () => {
  let ran = 0;
  afterUnitsShown(() => ran++);
  assert.equal(ran, 1);
});
