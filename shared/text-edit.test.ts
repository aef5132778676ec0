import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyTextEdit, textEdit } from './text-edit.js';

test('an edit carries only the changed span and turns the old text into the new one', () => {
  const before = '{"acKind":"PodManifest","apps":[{"name":"web"}]}';
  const after = '{"acKind":"PodManifest","apps":[{"name":"webz"}]}';
  const edit = textEdit(before, after);
  assert.deepEqual(edit, { at: 44, remove: 0, insert: 'z', length: after.length });
  assert.equal(applyTextEdit(before, edit), after);
  assert.deepEqual(textEdit('same', 'same'), { at: 4, remove: 0, insert: '', length: 4 });
  assert.equal(applyTextEdit('abc', textEdit('abc', '')), '');
  assert.equal(applyTextEdit('', textEdit('', 'xyz')), 'xyz');
  // Repeated characters: prefix and suffix must not overlap.
  assert.equal(applyTextEdit('aaaa', textEdit('aaaa', 'aaaaaa')), 'aaaaaa');
  assert.equal(applyTextEdit('abab', textEdit('abab', 'ab')), 'ab');
});

test('random edits round-trip, surrogate pairs are never split', () => {
  const alphabet = ['a', 'b', '{', '"', '\n', '\u00e9', '\u{1F600}', '\u{1F601}'];
  let seed = 7;
  const rand = (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  const word = (n: number) => Array.from({ length: n }, () => alphabet[rand(alphabet.length)]);
  for (let i = 0; i < 2000; i++) {
    // Whole characters in and out, so both texts are well formed.
    const chars = word(rand(12));
    const cut = rand(chars.length + 1);
    const before = chars.join('');
    const after = [...chars.slice(0, cut), ...word(rand(4)), ...chars.slice(Math.min(chars.length, cut + rand(4)))].join('');
    const edit = textEdit(before, after);
    assert.equal(applyTextEdit(before, edit), after, JSON.stringify({ before, after, edit }));
    assert.ok(edit.insert === after.slice(edit.at, edit.at + edit.insert.length));
    assert.ok(!/^[\udc00-\udfff]|[\ud800-\udbff]$/.test(edit.insert), JSON.stringify(edit));
  }
});

test('an edit made against another text is refused', () => {
  const edit = textEdit('hello world', 'hello there world');
  assert.equal(applyTextEdit('hello', edit), null);
  assert.equal(applyTextEdit('hello world!', edit), null);
  assert.equal(applyTextEdit('HELLO WORLD', edit), 'HELLO there WORLD');
});
