import assert from 'node:assert/strict';
import { test } from 'node:test';

import { equalFold, FieldTable, foldKey } from './fold.js';

test('Go folds ASCII case, the Kelvin sign and the long s', () => {
  assert.ok(equalFold('acKind', 'ACKIND'));
  assert.ok(equalFold('acKind', 'ac\u212Aind'));
  assert.ok(equalFold('apps', 'app\u017F'));
  assert.ok(equalFold('supplementaryGIDs', 'supplementaryGids'));
  assert.ok(!equalFold('apps', 'app'));
  assert.ok(!equalFold('name', 'nam\u00e9'));
  assert.ok(!equalFold('image', '\u0130mage'), 'dotted capital I does not fold to i');
  assert.ok(!equalFold('kind', '\u017Find'), 'long s is only s');
  assert.equal(foldKey('ÄBC'), 'Äbc');
});

test('exact spelling wins, otherwise the first field in declaration order', () => {
  const table = new FieldTable(['aB', 'ab'], (name) => name);
  assert.equal(table.find('ab'), 'ab');
  assert.equal(table.find('aB'), 'aB');
  assert.equal(table.find('AB'), 'aB');
  assert.equal(table.find('abc'), undefined);
  const text = 'xxABxx';
  assert.equal(table.findAt(text, 2, 4), 'aB');
  assert.equal(table.lastMatchExact, false);
  assert.equal(table.findAt('"ab"', 1, 3), 'ab');
  assert.equal(table.lastMatchExact, true);
});
