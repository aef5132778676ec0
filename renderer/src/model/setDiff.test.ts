import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeSetChange, optionSetChanges } from './setDiff';

const unit = (filters: string[], caps: string) =>
  ['[Service]', `CapabilityBoundingSet=${caps}`, ...filters.map((f) => `SystemCallFilter=${f}`), 'NoNewPrivileges=false', ''].join('\n');

test('long repeated options are compared as sets', () => {
  const before = unit(['read', 'write', 'open', 'close'], 'CAP_A CAP_B');
  const after = unit(['read', 'write', 'close', 'reboot'], 'CAP_A CAP_B');
  const changes = optionSetChanges(before, after);
  assert.equal(changes.length, 1);
  assert.deepEqual(changes[0], { section: 'Service', key: 'SystemCallFilter', added: ['reboot'], removed: ['open'], reordered: false, before: 4, after: 4 });
  assert.equal(describeSetChange(changes[0]), 'SystemCallFilter: +reboot −open');
});

test('the space-joined capability set is split into members', () => {
  const changes = optionSetChanges(unit(['a', 'b', 'c'], 'CAP_A CAP_B CAP_C'), unit(['a', 'b', 'c'], 'CAP_A CAP_C'));
  assert.equal(changes.length, 1);
  assert.equal(changes[0].key, 'CapabilityBoundingSet');
  assert.deepEqual(changes[0].removed, ['CAP_B']);
});

test('a pure reordering is reported as such', () => {
  const changes = optionSetChanges(unit(['a', 'b', 'c'], 'X'), unit(['c', 'b', 'a'], 'X'));
  assert.equal(changes[0].reordered, true);
  assert.match(describeSetChange(changes[0]), /order/);
});

test('single-valued options are left to the line diff', () => {
  assert.deepEqual(optionSetChanges('[Service]\nUser=0\n', '[Service]\nUser=1\n'), []);
});
