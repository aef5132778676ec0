// Go-compatible primitives the generator's bytes depend on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clean, join, splitList } from './gopath.js';
import { goQuote, toWellFormed } from './goquote.js';
import { quoteExec, unitNamePathEscape } from './escape.js';
import { serializeUnit, optionRun } from './serialize.js';
import { unitOption } from './unit-option.js';
import { atoi } from './goparse.js';
import { parseUidRange } from './uid-range.js';
import { utf8Text } from './utf8-text.js';
import type { GenError } from './gen-error.js';

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
  const pod = { kind: 'runtime', option: 'Debug' } as const;
  const host = { kind: 'host', fact: 'cgroup controllers' } as const;
  const sourced = serializeUnit([unitOption('Service', 'A', '1', pod, host), unitOption('Service', 'B', '2'), unitOption('Service', 'C', '3', host)]);
  assert.deepEqual(sourced.lines.map((l) => l.sources), [[pod, host], [{ kind: 'constant' }], [host]]);
  assert.equal(serializeUnit([]).content, '');
  const older = serializeUnit([unitOption('Unit', 'A', '1'), unitOption('Service', 'B', 'two\nlines'), unitOption('Install', 'C', '')], 'blank-after-every-section');
  assert.equal(older.content, '[Unit]\nA=1\n\n[Service]\nB=two\nlines\n\n[Install]\nC=\n\n');
  assert.deepEqual(older.lines.map((l) => [l.line, l.key]), [[2, 'A'], [5, 'B'], [9, 'C']]);
});

test('an option run serializes like the same options listed one by one', () => {
  const options = ['read', 'write', 'exit'].map((n) => unitOption('Service', 'SystemCallFilter', n));
  const run = optionRun(options);
  const before = unitOption('Service', 'User', '0');
  const after = unitOption('Unit', 'After', 'x.service');
  const shared = serializeUnit([before, run, after]);
  const listed = serializeUnit([before, ...options, after]);
  assert.equal(shared.content, listed.content);
  assert.equal(shared.content, '[Service]\nUser=0\nSystemCallFilter=read\nSystemCallFilter=write\nSystemCallFilter=exit\n\n[Unit]\nAfter=x.service\n');
  assert.deepEqual(shared.lines.map((l) => l.line), [2, 3, 4, 5, 8]);
  assert.deepEqual(shared.lines, listed.lines);
  // A run belongs to its section: it is written with the section's other options.
  assert.deepEqual(serializeUnit([after, run, before]).lines.map((l) => [l.line, l.key]), [[2, 'After'], [5, 'SystemCallFilter'], [6, 'SystemCallFilter'], [7, 'SystemCallFilter'], [8, 'User']]);
  assert.throws(() => optionRun([before, after]), /spans sections/);
  assert.throws(() => optionRun([]), /needs options/);
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

test("the uid range is scanned like fmt.Sscanf's %d into unsigned integers", () => {
  const cause = (text: string) => {
    try {
      parseUidRange(text);
      return null;
    } catch (e) {
      return (e as GenError).chain.at(-1);
    }
  };
  // No sign for unsigned integers; every Unicode space fmt knows is skipped; a newline is not.
  assert.equal(cause('+65536:65536'), 'expected integer');
  assert.equal(cause('65536:+1'), 'expected integer');
  assert.deepEqual(parseUidRange('\u00a065536:\v1'), { shift: 65536, count: 1 });
  assert.equal(cause('\n65536:1'), 'unexpected newline');
  assert.equal(cause('\r\n65536:1'), 'unexpected newline');
  assert.equal(cause('18446744073709551616:1'), 'strconv.ParseUint: parsing "18446744073709551616": value out of range');
  assert.equal(cause('4294967296:1'), 'unsigned integer overflow on token 4294967296');
  assert.equal(cause('1 :1'), 'input does not match format');
  assert.equal(cause('1'), 'unexpected EOF');
});

test('bytes become text as Go sees them: a BOM stays, each bad byte is one U+FFFD', () => {
  assert.equal(utf8Text(Buffer.from([0xef, 0xbb, 0xbf, 0x7b])), '\ufeff{');
  assert.equal(utf8Text(Buffer.from([0x61, 0xe2, 0x82, 0x7a])), 'a\ufffd\ufffdz');
  assert.equal(utf8Text(Buffer.from([0xed, 0xa0, 0x80, 0xf0, 0x9f, 0x98, 0x80])), '\ufffd\ufffd\ufffd\u{1f600}');
  assert.equal(utf8Text(Buffer.from('plain ascii')), 'plain ascii');
});
