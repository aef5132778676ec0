import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LineProvenance } from '../../shared/plan.js';
import { lazyProvenanceRecord } from './lazy-provenance.js';
import { serializeUnit } from './serialize.js';
import { unitOption } from './unit-option.js';

const line = (n: number, key: string): LineProvenance => ({ line: n, key, sources: [{ kind: 'constant' }] });

test('a lazily recorded file computes its lines once, on first read', () => {
  const { record, later } = lazyProvenanceRecord();
  let computed = 0;
  later('a.service', {
    get lines() {
      computed++;
      return [line(2, 'Description')];
    },
  });
  assert.equal(computed, 0);
  assert.ok('a.service' in record);
  assert.ok(Object.hasOwn(record, 'a.service'));
  assert.equal(computed, 1);
  assert.deepEqual(record['a.service'], [line(2, 'Description')]);
  assert.equal(record['a.service'], record['a.service']);
  assert.equal(computed, 1);
});

test('it reads like a plain object, in the order files were recorded', () => {
  const { record, later } = lazyProvenanceRecord();
  record['env/a'] = [line(1, 'A')];
  later('b.service', serializeUnit([unitOption('Unit', 'Description', 'b'), unitOption('Service', 'User', '0')]));
  record['c.conf'] = [];
  assert.deepEqual(Object.keys(record), ['env/a', 'b.service', 'c.conf']);
  assert.equal(record['missing'], undefined);
  assert.ok(!Object.hasOwn(record, 'missing'));
  assert.deepEqual(Object.entries(record).map(([p, l]) => [p, l.map((x) => x.key)]), [['env/a', ['A']], ['b.service', ['Description', 'User']], ['c.conf', []]]);
  const plain = JSON.parse(JSON.stringify(record));
  assert.deepEqual(plain['b.service'].map((x: LineProvenance) => x.line), [2, 5]);
  assert.deepEqual({ ...record }, plain);
  delete record['c.conf'];
  assert.deepEqual(Object.keys(record), ['env/a', 'b.service']);
});
