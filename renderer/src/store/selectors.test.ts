import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAppStore } from './appState';
import { problems, problemCounts, diffSides, diffSummaryOf } from './selectors';
import { makePlan, UNIT } from '../../test/fakeClient';

test('a located generator error appears once, at its field, with its whole chain', () => {
  const store = createAppStore();
  const error = { message: "unable to determine app's uid and gid", chain: ["unable to determine app's uid and gid", 'failed to configure user "bob"'], panic: false, source: { kind: 'manifest' as const, doc: { kind: 'pod' as const }, pointer: '/apps/0/app/user' } };
  store.getState().setPlan(makePlan({}, { error, warnings: ['w1'] }), [{ doc: { kind: 'pod' }, pointer: '/apps/0/app/user', message: error.message, severity: 'error' }], 1);
  const list = problems(store.getState());
  const generator = list.filter((p) => p.origin === 'generator');
  assert.equal(generator.length, 2);
  assert.equal(generator[0].message, 'unable to determine app\'s uid and gid ⇐ failed to configure user "bob"');
  assert.equal(generator[0].pointer, '/apps/0/app/user');
  assert.deepEqual(problemCounts(list), { errors: 1, warnings: 1 });
});

test('schema problems of a document that does not parse are left to the syntax problems', () => {
  const store = createAppStore();
  const s = store.getState();
  s.setSyntaxProblems('pod', [{ id: 'a', severity: 'error', origin: 'syntax', message: 'Colon expected', doc: 'pod', line: 1 }]);
  s.setSchemaProblems('pod', [{ id: 'b', severity: 'error', origin: 'schema', message: 'Colon expected', doc: 'pod', line: 1 }]);
  s.setSchemaProblems('image:a', [{ id: 'c', severity: 'warning', origin: 'schema', message: 'unknown key', doc: 'image:a', line: 3 }]);
  assert.deepEqual(problems(store.getState()).map((p) => p.id), ['a', 'c']);
});

test('selectors are stable while the state does not change', () => {
  const store = createAppStore();
  store.getState().setPlan(makePlan({ [`${UNIT}/a.service`]: 'x' }), [], 1);
  const s = store.getState();
  assert.equal(problems(s), problems(s));
  const a = diffSides(s);
  const b = diffSides(s);
  assert.equal(a.before, b.before);
  assert.equal(a.after, b.after);
  assert.equal(diffSummaryOf(a.before, a.after), diffSummaryOf(b.before, b.after));
});
