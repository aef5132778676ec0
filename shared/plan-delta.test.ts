import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Plan, PlanEntry } from './plan.js';
import { withoutSameContent, withSameContent } from './plan-delta.js';

const file = (path: string, content: string): PlanEntry => ({ path, kind: 'file', mode: '0644', uid: 0, gid: 0, content });
const plan = (entries: PlanEntry[]): Plan => ({
  profile: 'p', podRoot: '/p', error: null, errorStage: null, entries, stderr: '', nspawnArgs: null,
  nspawnError: null, nspawnEntries: null, nspawnStderr: '', warnings: [], provenance: {}, elapsedMs: 1,
});

test('unchanged files travel without content and come back whole', () => {
  const base = plan([file('a', 'A'), file('b', 'B'), file('c', 'C')]);
  const link: PlanEntry = { path: 'l', kind: 'symlink', uid: 0, gid: 0, target: 'a' };
  const next = plan([file('a', 'A'), file('b', 'B2'), link, file('c', 'C'), file('d', 'D')]);
  const { plan: sent, same } = withoutSameContent(next, base);
  assert.deepEqual(same, [0, 3]);
  assert.deepEqual(sent.entries.map((e) => e.content), [undefined, 'B2', undefined, undefined, 'D']);
  assert.deepEqual(next.entries[0].content, 'A', 'the plan itself is left alone');
  assert.deepEqual(withSameContent(JSON.parse(JSON.stringify(sent)) as Plan, same, base), next);
});

test('nothing in common: the plan goes as it is', () => {
  const next = plan([file('a', 'new')]);
  const r = withoutSameContent(next, plan([file('a', 'old')]));
  assert.equal(r.plan, next);
  assert.deepEqual(r.same, []);
  assert.equal(withSameContent(next, [], plan([])), next);
});

test('a base that cannot supply the content is refused', () => {
  const base = plan([file('a', 'A')]);
  const { plan: sent, same } = withoutSameContent(plan([file('a', 'A')]), base);
  assert.equal(withSameContent(sent, same, plan([file('b', 'A')])), null);
  assert.equal(withSameContent(sent, [5], base), null);
  assert.equal(withSameContent(plan([file('a', 'x')]), [0], base), null, 'an entry that kept its content');
});
