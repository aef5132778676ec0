// Go-compatible primitives the generator's bytes depend on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clean, join, splitList } from './gopath.js';
import { goQuote, toWellFormed } from './goquote.js';
import { quoteExec, unitNamePathEscape } from './escape.js';
import { serializeUnit, sharedOptionRun } from './serialize.js';
import { unitOption } from './unit-option.js';
import { atoi } from './goparse.js';
import { parseUidRange } from './uid-range.js';

test('filepath.Join and Clean', () => {
  assert.equal(join('', ''), '');
  assert.equal(join('/', '..', 'a'), '/a');
  assert.equal(join('a/', '/b/', '../c'), 'a/c');
  assert.equal(join('/opt/stage2/x/rootfs', '/sys/fs/'), '/opt/stage2/x/rootfs/sys/fs');
  assert.equal(clean('../../x'), '../../x');
  assert.equal(clean('/../x/./y//'), '/x/y');
  assert.deepEqual(splitList(''), []);
  assert.deepEqual(splitList(':/bin'), ['', '/bin']);
});

test('strconv.Quote', () => {
  assert.equal(goQuote('a"b\\c'), '"a\\"b\\\\c"');
  assert.equal(goQuote('\x07\x08\f\n\r\t\v\x01\x7f'), '"\\a\\b\\f\\n\\r\\t\\v\\x01\\x7f"');
  assert.equal(goQuote('é日本'), '"é日本"');
  assert.equal(goQuote('\u00a0\u2028'), '"\\u00a0\\u2028"');
  assert.equal(goQuote('\u{1F600}'), '"\u{1F600}"');
  assert.equal(goQuote('\u{E0001}'), '"\\U000e0001"');
  assert.equal(toWellFormed('a\ud800b'), 'a\ufffdb');
});

test('quoteExec: rkt test vectors', () => {
  const tip = { escapePercent: true };
  const tag = { escapePercent: false };
  assert.equal(quoteExec(['path', '"arg1"', `"'arg2'"`, "'arg3'"], tip), '"path" "\\"arg1\\"" "\\"\\\'arg2\\\'\\"" "\\\'arg3\\\'"');
  assert.equal(quoteExec(['path', '', 'arg2'], tip), '"path" "" "arg2"');
  assert.equal(quoteExec(['$path$', '$argument'], tip), '"$path$" "$$argument"');
  assert.equal(quoteExec(['%path%', '%argument'], tip), '"%path%" "%%argument"');
  assert.equal(quoteExec(['%path%', '%argument'], tag), '"%path%" "%argument"');
  assert.equal(quoteExec(['/bin/nginx', '-g', 'daemon off; $x 50%', "it's"], tip), '"/bin/nginx" "-g" "daemon off; $$x 50%%" "it\\\'s"');
});

test('unit name path escaping', () => {
  assert.equal(unitNamePathEscape('/opt/stage2/web/rootfs'), 'opt-stage2-web-rootfs');
  assert.equal(unitNamePathEscape('/opt/stage2/my-app/rootfs'), 'opt-stage2-my\\x2dapp-rootfs');
  assert.equal(unitNamePathEscape('/'), '-');
  assert.equal(unitNamePathEscape('/.hidden//x/'), '\\x2ehidden-x');
});

test('unit serialization groups sections in first-appearance order', () => {
  const u = serializeUnit([unitOption('Service', 'A', '1'), unitOption('Unit', 'B', ''), unitOption('Service', 'C', 'multi\nline')]);
  assert.equal(u.content, '[Service]\nA=1\nC=multi\nline\n\n[Unit]\nB=\n');
  assert.deepEqual(u.lines.map((l) => l.line), [2, 3, 7]);
  assert.equal(serializeUnit([]).content, '');
});

test('a shared option run serializes like the same options listed one by one', () => {
  const run = sharedOptionRun(['read', 'write', 'exit'].map((n) => unitOption('Service', 'SystemCallFilter', n)));
  const before = unitOption('Service', 'User', '0');
  const after = unitOption('Unit', 'After', 'x.service');
  const copies = run.map((o) => unitOption(o.section, o.name, o.value));
  const shared = serializeUnit([before, ...run, after]);
  assert.equal(shared.content, serializeUnit([before, ...copies, after]).content);
  assert.equal(shared.content, '[Service]\nUser=0\nSystemCallFilter=read\nSystemCallFilter=write\nSystemCallFilter=exit\n\n[Unit]\nAfter=x.service\n');
  // Part of a run, or a run interrupted by another option, is written option by option.
  assert.equal(serializeUnit([run[0], before, run[1], run[2]]).content, '[Service]\nSystemCallFilter=read\nUser=0\nSystemCallFilter=write\nSystemCallFilter=exit\n');
  assert.equal(serializeUnit(run.slice(0, 2)).content, '[Service]\nSystemCallFilter=read\nSystemCallFilter=write\n');
  assert.deepEqual(shared.lines.map((l) => l.line), [2, 3, 4, 5, 8]);
});

test('strconv.Atoi and the uid range', () => {
  assert.deepEqual(atoi('+7'), { ok: true, value: 7n });
  assert.equal(atoi(' 7').ok, false);
  const big = atoi('99999999999999999999');
  assert.equal(big.ok, false);
  assert.deepEqual(parseUidRange('65536:65536'), { shift: 65536, count: 65536 });
  assert.deepEqual(parseUidRange(''), { shift: 0, count: 0 });
  assert.throws(() => parseUidRange('abc'), /error deserializing uid range/);
});
