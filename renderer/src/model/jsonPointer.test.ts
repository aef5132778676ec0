import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTree } from 'jsonc-parser';
import { formatPointer, parsePointer, pointerAtOffset, pointerRange, pointerWithin } from './jsonPointer';

const text = `{
  "acKind": "PodManifest",
  "apps": [
    { "name": "web", "app": { "exec": ["/bin/web", "-x"], "a/b": 1, "t~n": 2 } }
  ]
}`;
const tree = parseTree(text);

test('pointers parse and format with RFC 6901 escapes', () => {
  assert.deepEqual(parsePointer('/apps/0/app/a~1b'), ['apps', '0', 'app', 'a/b']);
  assert.deepEqual(parsePointer('/x/t~0n'), ['x', 't~n']);
  assert.deepEqual(parsePointer(''), []);
  assert.equal(formatPointer(['apps', 0, 'a/b', 't~n']), '/apps/0/a~1b/t~0n');
});

test('a pointer to an object member covers key and value', () => {
  const r = pointerRange(tree, '/apps/0/name')!;
  assert.equal(r.exact, true);
  assert.equal(text.slice(r.offset, r.offset + r.length), '"name": "web"');
});

test('a pointer to an array element covers the element', () => {
  const r = pointerRange(tree, '/apps/0/app/exec/1')!;
  assert.equal(text.slice(r.offset, r.offset + r.length), '"-x"');
});

test('escaped keys resolve', () => {
  const r = pointerRange(tree, '/apps/0/app/a~1b')!;
  assert.equal(text.slice(r.offset, r.offset + r.length), '"a/b": 1');
});

test('a missing field falls back to its nearest parent, marked inexact', () => {
  const r = pointerRange(tree, '/apps/0/app/user')!;
  assert.equal(r.exact, false);
  assert.ok(text.slice(r.offset, r.offset + r.length).startsWith('"app": {'));
});

test('keys match case-insensitively like Go when there is no exact key', () => {
  const t = parseTree('{"ACKind": "PodManifest", "apps": []}');
  const r = pointerRange(t, '/acKind')!;
  assert.equal(r.exact, true);
  assert.equal(r.offset, 1);
});

test('offset → pointer finds the innermost value', () => {
  assert.equal(pointerAtOffset(text, text.indexOf('-x') + 1), '/apps/0/app/exec/1');
  assert.equal(pointerAtOffset(text, text.indexOf('"web"') + 2), '/apps/0/name');
  assert.equal(pointerAtOffset(text, text.indexOf('"name"') + 2), '/apps/0/name');
  assert.equal(pointerAtOffset(text, text.indexOf('PodManifest')), '/acKind');
  assert.equal(pointerAtOffset(text, text.indexOf('"a/b"') + 1), '/apps/0/app/a~1b');
  assert.equal(pointerAtOffset(text, 0), '');
  assert.equal(pointerAtOffset(text, 1), '');
  assert.equal(pointerAtOffset(text, text.indexOf('"apps"') - 1), '');
});

test('pointerWithin', () => {
  assert.ok(pointerWithin('/apps/0/app', '/apps/0'));
  assert.ok(pointerWithin('/apps/0', '/apps/0'));
  assert.ok(!pointerWithin('/apps/01', '/apps/0'));
  assert.ok(pointerWithin('/x', ''));
});
