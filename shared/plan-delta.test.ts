import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Plan, PlanEntry } from './plan.js';
import { withoutSame, withSame } from './plan-delta.js';

const file = (path: string, content: string): PlanEntry => ({ path, kind: 'file', mode: '0644', uid: 0, gid: 0, content });
const plan = (entries: PlanEntry[]): Plan => ({
  profile: 'p', podRoot: '/p', error: null, errorStage: null, entries, stderr: '', nspawnArgs: null,
  nspawnError: null, nspawnEntries: null, nspawnStderr: '', warnings: [], provenance: {}, elapsedMs: 1,
});

const roundTrip = (sent: Plan): Plan => JSON.parse(JSON.stringify(sent)) as Plan;

test('entries equal to the base at the same index are left out, other unchanged content too', () => {
  const base = plan([file('a', 'A'), file('b', 'B'), file('c', 'C'), file('e', 'E')]);
  const link: PlanEntry = { path: 'l', kind: 'symlink', uid: 0, gid: 0, target: 'a' };
  const next = plan([file('a', 'A'), file('b', 'B2'), link, file('c', 'C'), file('e', 'E')]);
  next.entries[3] = { ...next.entries[3], mode: '0600' };
  const { plan: sent, delta } = withoutSame(next, base);
  assert.deepEqual(delta.sameEntries, [[0, 1]]);
  assert.deepEqual(delta.sameContent, [3, 4], 'shifted by the new link: same content, found by path');
  assert.deepEqual(sent.entries.map((e) => [e.path, e.content]), [['b', 'B2'], ['l', undefined], ['c', undefined], ['e', undefined]]);
  assert.equal(sent.entries[2].mode, '0600');
  assert.deepEqual(next.entries[0].content, 'A', 'the plan itself is left alone');
  assert.deepEqual(withSame(roundTrip(sent), delta, base), next);
});

test('a plan equal to its base travels as runs, and comes back whole', () => {
  const entries = Array.from({ length: 50 }, (_, i) => file(`f${String(i).padStart(2, '0')}`, `content ${i}`));
  const base = plan(entries);
  const next = plan(entries.map((e, i) => (i === 20 ? { ...e, content: 'changed' } : { ...e })));
  const { plan: sent, delta } = withoutSame(next, base);
  assert.deepEqual(delta.sameEntries, [[0, 20], [21, 29]]);
  assert.deepEqual(sent.entries, [next.entries[20]]);
  assert.deepEqual(withSame(roundTrip(sent), delta, base), next);
});

test('provenance equal to the base is left out and put back', () => {
  const lines = [{ line: 2, key: 'Description', sources: [{ kind: 'constant' as const }] }];
  const base = plan([file('a', 'A')]);
  base.provenance = { a: lines };
  const next = plan([file('a', 'A2')]);
  next.provenance = { a: JSON.parse(JSON.stringify(lines)), b: [] };
  const { plan: sent, delta } = withoutSame(next, base);
  assert.deepEqual(delta.sameProvenance, ['a']);
  assert.deepEqual(Object.keys(sent.provenance), ['b']);
  assert.deepEqual(Object.keys(next.provenance), ['a', 'b'], 'the plan itself is left alone');
  assert.deepEqual(withSame(roundTrip(sent), delta, base), next);
  assert.equal(withSame(roundTrip(sent), delta, plan([file('a', 'A')])), null, 'a base without that provenance');
});

test('nothing in common: the plan goes as it is', () => {
  const next = plan([file('a', 'new')]);
  const r = withoutSame(next, plan([file('a', 'old')]));
  assert.equal(r.plan, next);
  assert.deepEqual(r.delta, { sameEntries: [], sameContent: [], sameProvenance: [] });
  assert.equal(withSame(next, r.delta, plan([])), next);
  assert.equal(withSame(next, {}, plan([])), next);
});

test('a base that cannot supply what was left out is refused', () => {
  const base = plan([file('a', 'A'), file('b', 'B')]);
  const { plan: sent, delta } = withoutSame(plan([file('a', 'A'), file('b', 'B')]), base);
  assert.deepEqual(delta.sameEntries, [[0, 2]]);
  assert.equal(withSame(sent, delta, plan([file('a', 'A')])), null, 'a shorter base');
  assert.equal(withSame(sent, { sameContent: [5] }, base), null);
  assert.equal(withSame(plan([file('a', 'x')]), { sameContent: [0] }, base), null, 'an entry that kept its content');
  assert.equal(withSame(plan([]), { sameEntries: [[1, 2]] }, base), null, 'a run past the end');
  assert.equal(withSame(plan([]), { sameEntries: [[0, 1], [0, 1]] }, base), null, 'overlapping runs');
});
