import assert from 'node:assert/strict';
import { test } from 'node:test';

import { MAX_DEPTH, parseJson } from './json.js';
import { K_ARRAY, K_NUMBER, K_OBJECT, toPlainValue, type JsonDoc } from './jsondoc.js';

function doc(text: string): JsonDoc {
  const r = parseJson(text);
  if (!r.ok) assert.fail(`${JSON.stringify(text)}: ${r.error}`);
  return r.doc;
}

function syntaxError(text: string): string {
  const r = parseJson(text);
  assert.equal(r.ok, false, `${JSON.stringify(text)} should not parse`);
  return r.ok ? '' : r.error;
}

test('syntax errors read as Go reports them', () => {
  const cases: Array<[string, string]> = [
    ['', 'unexpected end of JSON input'],
    ['  \n ', 'unexpected end of JSON input'],
    ['{', 'unexpected end of JSON input'],
    ['{"a":1', 'unexpected end of JSON input'],
    ['"abc', 'unexpected end of JSON input'],
    ['{"a":1,}', "invalid character '}' looking for beginning of object key string"],
    ['{,}', "invalid character ',' looking for beginning of object key string"],
    ['[1,]', "invalid character ']' looking for beginning of value"],
    ['{"a" 1}', "invalid character '1' after object key"],
    ['{"a":1 "b":2}', `invalid character '"' after object key:value pair`],
    ['[1 2]', "invalid character '2' after array element"],
    ['{} x', "invalid character 'x' after top-level value"],
    ['01', "invalid character '1' after top-level value"],
    ['-', "invalid character ' ' in numeric literal"],
    ['-x', "invalid character 'x' in numeric literal"],
    ['1.', "invalid character ' ' after decimal point in numeric literal"],
    ['1.e5', "invalid character 'e' after decimal point in numeric literal"],
    ['1e', "invalid character ' ' in exponent of numeric literal"],
    ['1e+', "invalid character ' ' in exponent of numeric literal"],
    ['tru', "invalid character ' ' in literal true (expecting 'e')"],
    ['nulx', "invalid character 'x' in literal null (expecting 'l')"],
    ['fals', "invalid character ' ' in literal false (expecting 'e')"],
    ['"a\u0001"', "invalid character '\\x01' in string literal"],
    ['"a\nb"', "invalid character '\\n' in string literal"],
    ['"\\q"', "invalid character 'q' in string escape code"],
    ['"\\', "invalid character ' ' in string escape code"],
    ['"\\u12G4"', "invalid character 'G' in \\u hexadecimal character escape"],
    ['"\\u12', "invalid character ' ' in \\u hexadecimal character escape"],
    ["'a'", "invalid character '\\'' looking for beginning of value"],
    ['\uFEFF{}', "invalid character 'ï' looking for beginning of value"],
    ['é', "invalid character 'Ã' looking for beginning of value"],
    ['{"a":1}}', "invalid character '}' after top-level value"],
    ['[\\]', "invalid character '\\\\' looking for beginning of value"],
    ['\u00a0', "invalid character 'Â' looking for beginning of value"],
  ];
  for (const [text, error] of cases) assert.equal(syntaxError(text), error, JSON.stringify(text));
});

test('syntax errors carry the offset where reading stopped', () => {
  const r = parseJson('{"a":1,}');
  assert.equal(r.ok, false);
  if (!r.ok) assert.equal(r.offset, 7);
  const end = parseJson('[1,');
  if (!end.ok) assert.equal(end.offset, 3);
});

test('nesting up to 10000 levels is accepted, deeper is refused like Go', () => {
  const ok = '['.repeat(MAX_DEPTH) + ']'.repeat(MAX_DEPTH);
  assert.equal(parseJson(ok).ok, true);
  const deep = '['.repeat(MAX_DEPTH + 1) + ']'.repeat(MAX_DEPTH + 1);
  assert.equal(syntaxError(deep), "invalid character '[' exceeded max depth");
  const deepObjects = '{"a":'.repeat(MAX_DEPTH + 1);
  assert.equal(syntaxError(deepObjects), "invalid character '{' exceeded max depth");
});

test('repeated keys are kept in document order, numbers keep their text', () => {
  const d = doc('{"a":1,"b":[80.0,1e3,-0],"a":2}');
  assert.equal(d.kind[0], K_OBJECT);
  assert.equal(d.size[0], 3);
  const keys: string[] = [];
  let key = 1;
  for (let m = 0; m < d.size[0]; m++) {
    keys.push(d.str(key));
    key = d.next[key + 1];
  }
  assert.deepEqual(keys, ['a', 'b', 'a']);
  const array = 4;
  assert.equal(d.kind[array], K_ARRAY);
  assert.deepEqual([5, 6, 7].map((n) => [d.kind[n], d.source(n)]), [[K_NUMBER, '80.0'], [K_NUMBER, '1e3'], [K_NUMBER, '-0']]);
});

test('strings decode like Go: escapes, surrogate pairs, lone surrogates become U+FFFD', () => {
  const value = (json: string): string => doc(json).str(0);
  assert.equal(value('"a\\"b\\\\c\\/d\\b\\f\\n\\r\\t"'), 'a"b\\c/d\b\f\n\r\t');
  assert.equal(value('"\\u0041\\u00e9"'), 'Aé');
  assert.equal(value('"\\ud83d\\ude00"'), '😀');
  assert.equal(value('"\\ud800"'), '\ufffd');
  assert.equal(value('"\\udc00x"'), '\ufffdx');
  assert.equal(value('"\\ud800\\u0041"'), '\ufffdA');
  assert.equal(value('"\\ud800\\ud800\\udc00"'), '\ufffd\u{10000}');
  assert.equal(value('"x\ud800y"'), 'x\ufffdy');
  assert.equal(value('"\udc00"'), '\ufffd');
  assert.equal(value('"😀"'), '😀');
  assert.equal(doc('"\\u0031"').rawStr(0), '\\u0031');
});

test('pointers use the document spelling and RFC 6901 escapes', () => {
  const d = doc('{"a/b":{"c~d":[0,{"e":null}]}}');
  // nodes: 0 {, 1 key a/b, 2 {, 3 key c~d, 4 [, 5 0, 6 {, 7 key e, 8 null
  assert.equal(d.pointerOf(0), '');
  assert.equal(d.pointerOf(2), '/a~1b');
  assert.equal(d.pointerOf(4), '/a~1b/c~0d');
  assert.equal(d.pointerOf(6), '/a~1b/c~0d/1');
  assert.equal(d.pointerOf(8), '/a~1b/c~0d/1/e');
  assert.equal(d.pointerOf(7), '/a~1b/c~0d/1/e');
});

test('plain values of nodes', () => {
  const d = doc('{"x":[1,"two",true,null,{"__proto__":"p"}]}');
  const v = toPlainValue(d, 0) as { x: unknown[] };
  assert.deepEqual(v.x.slice(0, 4), [1, 'two', true, null]);
  assert.equal(Object.getOwnPropertyDescriptor(v.x[4] as object, '__proto__')?.value, 'p');
});

test('documents parsed one after another do not share or inherit tape contents', () => {
  // Enough nodes to grow the reused scratch; escaped strings and large containers everywhere.
  const big = JSON.stringify(Array.from({ length: 3000 }, (_, i) => ({ ['k\\u00e9' + i]: ['a\\n', i, { x: [1, 2, 3] }] })));
  const first = doc(big);
  const second = doc('[{"plain":"text"},[],{}]');
  const again = doc(big);
  assert.deepEqual(toPlainValue(second, 0), [{ plain: 'text' }, [], {}]);
  assert.equal(second.size[0], 3);
  assert.deepEqual(Array.from(second.escaped), new Array(second.kind.length).fill(0));
  assert.deepEqual(toPlainValue(first, 0), JSON.parse(big));
  assert.deepEqual(toPlainValue(again, 0), JSON.parse(big));
  syntaxError(big.slice(0, -1));
  assert.deepEqual(toPlainValue(doc('{"a":[true,null]}'), 0), { a: [true, null] });
});
